package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.capture.live.LiveSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.read.Loader;

/** The command line's rough edges, each with the words it must say: exit codes, synopsis, reasons, plurals, pipes. */
class CliMessagesTest {
    private static DecodeCommandTest.Run run(String... args) {
        return DecodeCommandTest.run(args);
    }

    @Test
    void monitorHelpShowsTheGroupsOptionOnce() {
        DecodeCommandTest.Run r = run("monitor", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("[--groups=GROUP[,GROUP...]]..."), r.out());
        assertFalse(r.out().contains("[,GROUP[,GROUP...]...]"), r.out());
    }

    @Test
    void anUnknownGroupIsAUsageErrorLikeNoGroupsAtAll() {
        DecodeCommandTest.Run r = run("monitor", "--groups", "link,lnik");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("nlwb monitor: --groups: no NETLINK_ROUTE multicast group 'lnik'; known: link, "),
                r.err());
        assertEquals(2, run("monitor").exit());
        assertEquals(2, run("monitor", "--protocol", "nosuch", "--groups", "link").exit());
    }

    @Test
    void specShowOfAMissingFileSaysWhyOnceAndNoClassName() {
        DecodeCommandTest.Run r = run("spec", "show", "/nonexistent/x.yaml");
        assertEquals(1, r.exit());
        assertEquals("nlwb spec show: /nonexistent/x.yaml: no such file\n", r.err());
    }

    @Test
    void specShowOfAnUnknownFamilyIsAUsageErrorWithTheNameMeant() {
        DecodeCommandTest.Run r = run("spec", "show", "rt-lnik");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("nlwb spec show: no family rt-lnik (did you mean rt-link?); loaded: "), r.err());
    }

    @Test
    void specCheckNamesAMissingFileOnceWithTheReason(@TempDir Path dir) {
        DecodeCommandTest.Run r = run("spec", "check", "/nonexistent/x.yaml", dir.toString());
        assertEquals(1, r.exit());
        assertEquals("/nonexistent/x.yaml: no such file\n", r.err());
        assertEquals(dir + ": no .yaml or .yml files (nothing to check)\n", r.out());
    }

    @Test
    void decodeOfAMissingFileNamesItOnceWithTheReason() {
        DecodeCommandTest.Run r = run("decode", "/nonexistent.pcap");
        assertEquals(1, r.exit());
        assertEquals("nlwb decode: /nonexistent.pcap: no such file\n", r.err());
    }

    @Test
    void reasonsAreWordsAndAnEscapedExceptionNamesNoClass() {
        assertEquals("permission denied", Plain.reason(new AccessDeniedException("/root/x.pcap")));
        assertEquals("/root/x.pcap: permission denied", Failures.describe(new AccessDeniedException("/root/x.pcap")));
        assertEquals("/x: no such file", Failures.describe(new NoSuchFileException("/x")));
        String bug = Failures.describe(new IllegalStateException("index 3 out of bounds"));
        assertEquals("internal error, a bug of nlwb (index 3 out of bounds); NLWB_DEBUG=1 shows where", bug);
        assertFalse(Failures.describe(new IllegalStateException()).contains("Exception"));
    }

    @Test
    void countsSayOneInTheSingular() {
        assertEquals("1 reply", SendView.count(1, "reply", "replies"));
        assertEquals("2 replies", SendView.count(2, "reply", "replies"));
        assertEquals("1 message", Plain.count(1, "message"));
        assertEquals("0 messages", Plain.count(0, "message"));
    }

    @Test
    void convertCountsInTheSingular(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one.data");
        Files.copy(Path.of("../samples/ip-route-add-bad-gateway.data"), one);
        DecodeCommandTest.Run r = run("convert", one.toString(), dir.resolve("one.pcap").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().endsWith(": 1 record, 2 messages\n"), r.err());
    }

    /** {@code nlwb trace ... | head -1}: the first write after the reader left stops the source, status 141. */
    @Test
    void aLiveRunStopsWhenStandardOutputCloses() throws Exception {
        Capture sample = Loader.standard().load(Path.of("../samples/ip-monitor-link-add.strace.txt"), null, -1);
        AtomicBoolean stopped = new AtomicBoolean();
        LiveSource endless = new LiveSource() {
            private Thread t;

            @Override
            public String describe() {
                return "the monitor sample, again and again";
            }

            @Override
            public void start(LiveCapture sink) {
                t = new Thread(() -> {
                    while (!stopped.get()) {
                        sample.records().forEach(sink::append);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    sink.end("stopped", null);
                });
                t.start();
            }

            @Override
            public void stop() {
                stopped.set(true);
            }
        };
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] written = new int[1];
        OutputStream pipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (++written[0] > 300) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        int code;
        try {
            System.setOut(new PrintStream(pipe, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new LiveRun("trace", false, false, 0, 0, null, java.util.List.of()).run(endless);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(Streams.EXIT_BROKEN_PIPE, code);
        assertTrue(stopped.get(), "the source was stopped");
        String said = err.toString(StandardCharsets.UTF_8);
        assertFalse(said.contains(" messages in "), "no summary for a reader that left: " + said);
    }
}
