package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

/** {@code nlwb trace} as a user runs it. */
class TraceCommandTest {

    @Test
    @NeedsRoot
    void jsonLinesShowBothDirectionsAndTheFileKeepsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.pcapng");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test");
             NlwbProcess p = NlwbProcess.start("trace", "--netns", ns.name(), "--json", "--write", file.toString(),
                     "--", "ip", "addr", "show")) {
            assertEquals(0, p.waitFor(20), "stderr: " + p.err);
            ObjectMapper json = new ObjectMapper();
            List<String> dirs = new ArrayList<>();
            for (String line : p.out) {
                JsonNode m = json.readTree(line);
                dirs.add(m.get("direction").asText());
                assertEquals("route", m.get("protocol").asText());
                assertTrue(m.get("pid").asInt() > 0, "strace -f gives the pid");
            }
            assertEquals("out", dirs.get(0), "the request comes first");
            assertTrue(dirs.contains("in"), dirs.toString());
            assertTrue(p.err.stream().anyMatch(l -> l.contains("lo:")), "the command's output goes to stderr: " + p.err);
            Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            assertEquals(p.out.size(), c.messageCount(), "every printed message is in the file");
            assertTrue(c.record(0).pid() > 0, "pcapng keeps the pid");
        }
    }

    @Test
    void terminatingNlwbKillsTheTracedCommand() throws Exception {
        String marker = "nlwb-trace-test-" + System.nanoTime();
        try (NlwbProcess p = NlwbProcess.start("trace", "--", "sh", "-c", "sleep 60; : " + marker)) {
            assertTrue(p.awaitErr("(Ctrl-C to stop)", 10_000), "stderr: " + p.err);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().orElse("").contains(marker))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ProcessHandle.allProcesses().anyMatch(h -> h.info().commandLine().orElse("").contains(marker)),
                    "the traced command runs");
            p.process.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook stops the trace
            p.waitFor(10);
            Thread.sleep(200);
            assertTrue(ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().orElse("").contains(marker)),
                    "the traced command died with nlwb");
        }
    }

    @Test
    void exitStatusIsTheCommands() throws Exception {
        try (NlwbProcess p = NlwbProcess.start("trace", "--", "sh", "-c", "exit 4")) {
            assertEquals(4, p.waitFor(20), "stderr: " + p.err);
        }
    }

    @Test
    void missingNamespaceIsOneLine() throws Exception {
        try (NlwbProcess p = NlwbProcess.start("trace", "--netns", "nlwb-no-such-ns", "--", "true")) {
            assertEquals(1, p.waitFor(20));
            assertEquals(List.of("nlwb trace: trace in netns nlwb-no-such-ns: no such network namespace "
                    + "(/var/run/netns/nlwb-no-such-ns)"), p.err);
        }
    }
}
