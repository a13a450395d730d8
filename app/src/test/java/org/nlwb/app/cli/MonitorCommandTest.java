package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

/** {@code nlwb monitor} as a user runs it: a separate process watching a throwaway namespace. */
@NeedsRoot
class MonitorCommandTest {
    private ThrowawayNamespace ns;

    @BeforeEach
    void namespace() throws Exception {
        ns = ThrowawayNamespace.create("nlwb-test");
    }

    @AfterEach
    void remove() throws Exception {
        ns.close();
    }

    @Test
    void jsonLinesCarryTheDecodedNewAndDelLink() throws Exception {
        try (NlwbProcess p = NlwbProcess.start("monitor", "--netns", ns.name(), "--groups", "link", "--json",
                "--count", "4")) {
            assertTrue(p.awaitErr("(Ctrl-C to stop)", 10_000), "ready line; stderr: " + p.err);
            ns.exec("ip", "link", "add", "cv0", "type", "veth", "peer", "name", "cv1");
            ns.exec("ip", "link", "del", "cv0");
            assertEquals(0, p.waitFor(30), "stderr: " + p.err);
            ObjectMapper json = new ObjectMapper();
            List<Long> types = new ArrayList<>();
            for (String line : p.out) {
                JsonNode m = json.readTree(line);
                assertEquals("in", m.get("direction").asText());
                assertEquals("route", m.get("protocol").asText());
                JsonNode hdr = m.get("tree").get("children").get(0);
                assertEquals("nlmsghdr", hdr.get("name").asText());
                types.add(hdr.get("children").get(1).get("value").asLong());
                assertTrue(List.of("RTM_NEWLINK", "RTM_DELLINK").contains(m.get("tree").get("name").asText()), line);
                JsonNode ifname = m.get("tree").findParents("name").stream()
                        .filter(n -> n.get("name").asText().equals("IFLA_IFNAME")).findFirst().orElseThrow();
                assertTrue(List.of("cv0", "cv1").contains(ifname.get("value").asText()), ifname.toString());
            }
            assertEquals(4, types.size(), p.out.toString());
            assertTrue(types.contains(16L) && types.contains(17L), "RTM_NEWLINK and RTM_DELLINK: " + types);
        }
    }

    @Test
    void captureFileOfAKilledMonitorStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("killed.pcap");
        try (NlwbProcess p = NlwbProcess.start("monitor", "--netns", ns.name(), "--groups", "link,ipv4-ifaddr",
                "--write", file.toString())) {
            assertTrue(p.awaitErr("(Ctrl-C to stop)", 10_000), "ready line; stderr: " + p.err);
            for (int i = 0; i < 5; i++) {
                ns.exec("ip", "link", "add", "kv" + i, "type", "veth", "peer", "name", "kp" + i);
            }
            ns.exec("ip", "addr", "add", "10.7.0.1/24", "dev", "kv0");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (p.out.size() < 11 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.out.size() >= 11, "10 NEWLINK + 1 NEWADDR printed: " + p.out);
            p.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            p.process.waitFor();
        }
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        assertTrue(c.recordCount() >= 11, "records on disk: " + c.recordCount());
        assertTrue(c.diagnostics().isEmpty(), c.diagnostics().toString());
        List<Integer> types = new ArrayList<>();
        for (MessageRef m : c.messages()) {
            types.add(m.type());
        }
        assertTrue(types.contains(16) && types.contains(20), "RTM_NEWLINK and RTM_NEWADDR: " + types);
    }

    @Test
    void closingTheOutputPipeEndsTheMonitor(@TempDir Path dir) throws Exception {
        // no reader thread on stdout here: closing it must really close the pipe (like `| head -1`)
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.nlwb.app.Main", "monitor", "--netns", ns.name(),
                "--groups", "link").redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.readString(err).contains("(Ctrl-C to stop)") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(err).contains("(Ctrl-C to stop)"), Files.readString(err));
            p.getInputStream().close();
            ns.exec("ip", "link", "add", "pv0", "type", "veth", "peer", "name", "pv1");
            ns.exec("ip", "link", "del", "pv0");
            assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "ends by itself: " + Files.readString(err));
            // like decode and any Unix filter: 128 + SIGPIPE, and no summary for a reader that left
            assertEquals(Streams.EXIT_BROKEN_PIPE, p.exitValue(), Files.readString(err));
            assertFalse(Files.readString(err).contains(" datagram"), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void nlmonOnAKernelWithoutItSaysSoPlainly() throws Exception {
        try (NlwbProcess p = NlwbProcess.start("monitor", "--nlmon", "--netns", ns.name())) {
            int code = p.waitFor(20);
            if (code == 1) {
                assertEquals(1, p.err.size(), p.err.toString());
                assertTrue(p.err.get(0).startsWith("nlwb monitor: this kernel has no nlmon link type ("), p.err.get(0));
            } else {
                throw new AssertionError("this kernel has nlmon; extend the test: " + p.err);
            }
        }
    }

    @Test
    void withoutPrivilegeTheErrorNamesTheCapabilityAndNoStackTrace() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv drops root for this test");
        // still uid 0 (so the class path under /root stays readable) but without any capability
        try (NlwbProcess p = NlwbProcess.start(List.of("setpriv", "--inh-caps=-all", "--bounding-set=-all"),
                "monitor", "--netns", ns.name(), "--groups", "link")) {
            assertEquals(1, p.waitFor(20));
            String err = String.join("\n", p.err);
            assertEquals("nlwb monitor: open a NETLINK_ROUTE socket in netns " + ns.name()
                    + " needs CAP_SYS_ADMIN (setns): EPERM (Operation not permitted)", err);
            assertFalse(err.contains("Exception"));
        }
    }

    @Test
    void quietMonitorWritesEveryNotificationAndSummarisesOnCtrlC(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quiet.pcap");
        // the default SIGINT disposition, as a terminal gives it (a background shell's build ignores it)
        try (NlwbProcess p = NlwbProcess.start(List.of("env", "--default-signal=INT"), "monitor", "-q", "--netns",
                ns.name(), "--groups", "ipv4-ifaddr", "--write", file.toString())) {
            assertTrue(p.awaitErr("(Ctrl-C to stop)", 10_000), "ready line; stderr: " + p.err);
            for (int i = 1; i <= 3; i++) {
                ns.exec("ip", "addr", "add", "10.9.0." + i + "/32", "dev", "lo");
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.size(file) < 24 + 3 * 16 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the writer thread has the three records in the file
            }
            ThrowawayNamespace.run(List.of("kill", "-INT", Long.toString(p.process.pid()))); // Ctrl-C
            int exit = p.process.waitFor();
            assertTrue(p.awaitErr("3 messages in 3 datagrams", 5_000), "summary; exit " + exit + ", stderr: " + p.err);
            assertTrue(p.out.isEmpty(), "-q prints no message: " + p.out);
        }
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        assertEquals(3, c.messageCount(), c.messages().toString());
        for (MessageRef m : c.messages()) {
            assertEquals(20, m.type(), "RTM_NEWADDR");
        }
    }
}
