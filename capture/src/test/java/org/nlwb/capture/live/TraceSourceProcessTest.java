package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.testing.NeedsRoot;

/** strace's log reaches nlwb line by line while the command runs; stop kills the whole tree. */
class TraceSourceProcessTest {

    /** Collects the raw lines instead of parsing them. */
    private static StraceLines.Factory collecting(List<String> lines, List<Boolean> ended) {
        return (name, sink) -> new StraceLines() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void end() {
                ended.add(true);
            }
        };
    }

    @Test
    @NeedsRoot
    void linesArriveWhileTheCommandStillRunsAndStopKillsIt(@TempDir Path dir) throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            List<String> lines = new CopyOnWriteArrayList<>();
            List<Boolean> ended = new CopyOnWriteArrayList<>();
            Path raw = dir.resolve("raw.strace.txt");
            TraceSource src = new TraceSource(new TraceSource.Options(List.of("sh", "-c", "ip link show; exec sleep 60"),
                    ns.name(), raw, null), collecting(lines, ended));
            LiveCapture live = new LiveCapture(src.describe());
            src.start(live);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines.stream().noneMatch(l -> l.contains("recvmsg(") && l.contains("NETLINK"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("socket(AF_NETLINK")), "socket line live: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(" | 00000 ")), "hex dump lines live");
            assertFalse(live.ended(), "sleep 60 is still running");
            long t0 = System.nanoTime();
            src.stop();
            assertTrue(live.awaitEnd(Duration.ofSeconds(5)));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
            assertEquals("stopped", live.endReason());
            assertEquals(List.of(true), ended);
            assertEquals(String.join("\n", lines) + "\n", Files.readString(raw, java.nio.charset.StandardCharsets.ISO_8859_1),
                    "the raw log is what was parsed");
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                    .contains("sleep 60") && p.info().commandLine().orElse("").contains(ns.name())));
        }
    }

    @Test
    void commandEndingByItselfEndsTheCaptureWithItsStatus() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Boolean> ended = new CopyOnWriteArrayList<>();
        TraceSource src = new TraceSource(TraceSource.Options.of(List.of("sh", "-c", "exit 3"), null),
                collecting(lines, ended));
        LiveCapture live = new LiveCapture(src.describe());
        src.start(live);
        assertTrue(live.awaitEnd(Duration.ofSeconds(10)));
        assertEquals("command exited with status 3", live.endReason());
        assertEquals(3, src.exitValue());
    }

    @Test
    void missingCommandEndsInsteadOfHanging() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        TraceSource src = new TraceSource(new TraceSource.Options(List.of("nlwb-no-such-command"), null, null,
                output::add), collecting(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()));
        LiveCapture live = new LiveCapture(src.describe());
        src.start(live);
        assertTrue(live.awaitEnd(Duration.ofSeconds(10)), "ends although strace never wrote its log");
        assertTrue(live.endReason().startsWith("command exited with status "), live.endReason());
        assertTrue(output.stream().anyMatch(l -> l.contains("nlwb-no-such-command")), "strace's complaint is shown: " + output);
    }
}
