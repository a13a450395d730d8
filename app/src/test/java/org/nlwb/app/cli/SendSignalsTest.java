package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.dryRunHex;
import static org.nlwb.app.cli.CliRun.nlwb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * {@code nlwb send} ended by a signal, as a separate process: SIGINT says it was interrupted (not
 * a timeout) and removes its throwaway namespace; SIGKILL leaves it behind, and
 * {@code nlwb send --cleanup} removes it and names it.
 *
 * <p>The datagram makes a veth pair, seen with {@code ip -n}, so the test knows the send is under
 * way, then an RTM_SETLINK of lo with NLM_F_REPLACE|NLM_F_EXCL and no ACK: those are NLM_F_DUMP's
 * bits, so nlwb waits for a DONE, which a setlink never sends.
 */
class SendSignalsTest {
    private static final String WAITS_FOREVER = "2000000013000103000000000000000000000000010000000000000000000000";
    private static final String VETH = "{\"ifname\": \"sig0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": "
            + "{\"ifname\": \"sig1\"}}}}";

    private static NlwbProcess sendThatWaits() throws Exception {
        String veth = dryRunHex("--family", "rt-link", "--do", "newlink", "--flags", "create,excl", "--json", VETH);
        // A build started in the background by a non-interactive shell runs with SIGINT ignored, and a
        // JVM that starts with SIGINT ignored keeps it so: give the child the default disposition, as
        // a terminal would, so the test sees nlwb's own handling and not its parents'.
        return NlwbProcess.start(List.of("env", "--default-signal=INT"), "send", "--protocol", "route", "--hex",
                veth + WAITS_FOREVER, "--fix-up", "--timeout", "600000");
    }

    /** Waits until the process's throwaway namespace holds the veth pair; returns the namespace's name. */
    private static String awaitVeth(NlwbProcess p) throws Exception {
        String prefix = ThrowawayNamespace.TMP_PREFIX + "-" + p.process.pid() + "-";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.process.isAlive()) {
            for (String ns : namespaces()) {
                if (ns.startsWith(prefix) && hasVeth(ns)) {
                    return ns;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + prefix + "N with sig0 appeared; stderr: " + p.err);
    }

    private static boolean hasVeth(String ns) {
        try {
            return ThrowawayNamespace.run(List.of("ip", "-n", ns, "-o", "link")).contains("sig0@sig1");
        } catch (IOException e) {
            return false; // not there yet, or gone
        }
    }

    private static List<String> namespaces() throws IOException {
        if (!Files.isDirectory(NetNamespace.NETNS_DIR)) {
            return List.of();
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(NetNamespace.NETNS_DIR)) {
            java.util.List<String> out = new java.util.ArrayList<>();
            dir.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }

    @NeedsRoot
    @Test
    void sigintDuringASendSaysInterruptedWithTheReasonAndRemovesTheNamespace() throws Exception {
        try (NlwbProcess p = sendThatWaits()) {
            String ns = awaitVeth(p);
            ThrowawayNamespace.run(List.of("kill", "-INT", Long.toString(p.process.pid())));
            int exit = p.waitFor(60);
            String err = String.join("\n", p.err);
            assertEquals(130, exit, "the JVM's exit on SIGINT; stderr: " + err);
            assertTrue(err.contains("nlwb send: interrupted (SIGINT or SIGTERM: nlwb is shutting down) while waiting for "
                    + "the DONE of message 2 of 2"), err);
            assertFalse(err.contains("no complete answer"), "not a timeout: " + err);
            assertTrue(String.join("\n", p.out).contains("NLMSG_ERROR ACK to RTM_NEWLINK"), "what came is shown: " + p.out);
            assertFalse(NetNamespace.exists(ns), ns + " removed");
        }
    }

    @NeedsRoot
    @Test
    void aKilledSendLeavesAnOrphanThatCleanupRemovesAndNames() throws Exception {
        String ns = null;
        try (NlwbProcess p = sendThatWaits()) {
            ns = awaitVeth(p);
            p.process.destroyForcibly(); // SIGKILL: no hook runs
            p.process.waitFor();
            assertTrue(NetNamespace.exists(ns), "SIGKILL leaves " + ns + " behind");
            assertTrue(ThrowawayNamespace.orphans().contains(ns), "its owner is gone: " + ThrowawayNamespace.orphans());

            CliRun cleanup = nlwb("send", "--cleanup");
            assertEquals(0, cleanup.exit(), cleanup.all());
            assertTrue(cleanup.out().contains("nlwb send: removed orphaned namespace " + ns + "\n"), cleanup.out());
            assertFalse(NetNamespace.exists(ns), ns + " removed");
        } finally {
            if (ns != null && NetNamespace.exists(ns)) {
                ThrowawayNamespace.run(List.of("ip", "netns", "del", ns));
            }
        }
    }
}
