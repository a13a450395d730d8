package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.ChildJvm;
import org.nlwb.capture.testing.Privileges;

/**
 * Sending without root: a JVM running as {@code nobody} makes a veth pair in an unprivileged
 * throwaway namespace (user + network, through the agent) and gets the ACK.
 */
class UnprivilegedSendTest {
    private static final String NOBODY = "65534";

    @Test
    void nobodyMakesAVethPairInAUserNamespaceAndGetsTheAck() throws Exception {
        Privileges.assumeRootAndNobody();
        Path dir = Files.createTempDirectory("nlwb-nobody-cp");
        try {
            String cp = worldReadableCopy(ChildJvm.classPath(), dir);
            List<String> asNobody = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
            String out;
            int exit;
            try (ChildJvm child = ChildJvm.start(asNobody, cp, UnprivilegedSendMain.class)) {
                out = child.readRest();
                exit = child.process().waitFor();
            }
            assumeFalse(out.contains("\nrefused ") || out.contains("\nfailed cannot make a throwaway namespace with unshare"),
                    "the kernel allows nobody no user namespace: " + out.strip());
            assertEquals(0, exit, out);
            assertTrue(out.startsWith("uid " + NOBODY + "\n"), out);
            assertTrue(out.contains("\nwhere unprivileged throwaway namespace (user + network, agent pid "), out);
            assertTrue(out.contains("\nveth COMPLETE error 0\n"), "the ACK: " + out);
            assertTrue(out.contains("\nlinks lo,uv1,uv0\n") || out.contains("\nlinks lo,uv0,uv1\n"), out);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Copies every class path entry into {@code dir}, readable by all (nobody may not read the
     * build's own folders or ~/.m2), and returns the copy's class path.
     */
    private static String worldReadableCopy(String classPath, Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : classPath.split(File.pathSeparator)) {
            Path from = Path.of(e);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = dir.resolve(i++ + "-" + from.getFileName());
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path q = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(q);
                        Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
            entries.add(to.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
