package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.ChildJvm;
import org.nlwb.capture.testing.Privileges;
import org.nlwb.decoder.testing.WorldReadableClassPath;

/**
 * Sending without root: a JVM running as {@code nobody} makes a veth pair in an unprivileged
 * throwaway namespace (user + network, through the agent) and gets the ACK.
 */
class UnprivilegedSendTest {
    private static final String NOBODY = "65534";

    @Test
    void nobodyMakesAVethPairInAUserNamespaceAndGetsTheAck() throws Exception {
        Privileges.assumeRootAndNobody();
        try (WorldReadableClassPath copy = WorldReadableClassPath.copyOf(ChildJvm.classPath())) {
            String cp = copy.classPath();
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
        }
    }
}
