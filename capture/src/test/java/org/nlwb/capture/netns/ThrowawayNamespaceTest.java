package org.nlwb.capture.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.ChildJvm;
import org.nlwb.capture.testing.Privileges;

/** Throwaway namespaces name their owner, so orphans are found, and go on SIGTERM. */
class ThrowawayNamespaceTest {

    @Test
    void theNameCarriesTheOwnersPid() throws Exception {
        Privileges.assumeRoot();
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            Matcher m = ThrowawayNamespace.OWNED.matcher(ns.name());
            assertTrue(m.matches(), ns.name());
            assertEquals(ProcessHandle.current().pid(), Long.parseLong(m.group(1)));
            assertFalse(ThrowawayNamespace.orphans().contains(ns.name()), "a live owner's namespace is no orphan");
        }
    }

    @Test
    void cleanupRemovesTheNamespaceOfADeadOwnerAndKeepsALiveOnes() throws Exception {
        Privileges.assumeRoot();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String orphan = ThrowawayNamespace.TMP_PREFIX + "-" + gone.pid() + "-1";
        ThrowawayNamespace.run(List.of("ip", "netns", "add", orphan));
        try (ThrowawayNamespace mine = ThrowawayNamespace.create(ThrowawayNamespace.TMP_PREFIX)) {
            assertTrue(ThrowawayNamespace.orphans().contains(orphan));
            List<String> removed = ThrowawayNamespace.cleanup();
            assertTrue(removed.contains(orphan), removed.toString());
            assertFalse(NetNamespace.exists(orphan));
            assertTrue(NetNamespace.exists(mine.name()), "ours stays");
        } finally {
            if (NetNamespace.exists(orphan)) {
                ThrowawayNamespace.run(List.of("ip", "netns", "del", orphan));
            }
        }
    }

    @Test
    void sigtermRemovesTheNamespaceOfTheJvmThatMadeIt() throws Exception {
        Privileges.assumeRoot();
        try (ChildJvm child = ChildJvm.start(HoldNamespaceMain.class)) {
            String name = child.readLine();
            assertTrue(name != null && NetNamespace.exists(name), "the child made " + name);
            child.process().destroy(); // SIGTERM: shutdown hooks run
            child.process().waitFor();
            assertFalse(NetNamespace.exists(name), name + " is gone with its JVM");
        }
    }

    @Test
    void aPrefixThatCouldNotBeFoundAgainIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThrowawayNamespace.create("tmp"));
        assertEquals("a throwaway namespace prefix is nlwb-[a-z0-9-]*, not 'tmp'", e.getMessage());
    }
}
