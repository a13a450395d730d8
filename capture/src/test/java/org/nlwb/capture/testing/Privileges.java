package org.nlwb.capture.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nlwb.capture.sys.Sys;

/** Skips a test, with a one-line reason, where the machine cannot run it. */
public final class Privileges {
    private Privileges() {
    }

    public static void assumeRoot() {
        assumeTrue(Sys.isRoot(), "needs root (it makes network namespaces and switches users)");
    }

    /** Root, and a {@code nobody} account with setpriv to become it. */
    public static void assumeRootAndNobody() {
        assumeRoot();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
                "needs setpriv (util-linux) to run a JVM as nobody");
    }
}
