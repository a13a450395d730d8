package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;

/** {@code nlwb convert}: a strace log to the pcap the writer makes, to a readable pcapng and .data; exit codes. */
class ConvertCommandTest {
    private static final Path CAPTURED = Path.of(System.getProperty("nlwb.shared", "../../shared"), "samples/captured");

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void convertsAStraceLogToTheSamePcapAsTheWriterAndToAReadablePcapngAndData(@TempDir Path dir) throws Exception {
        Path log = CAPTURED.resolve("netns-ip-link-add-dummy-fail.strace.txt");
        Path pcap = dir.resolve("x.pcap");
        Path pcapng = dir.resolve("x.pcapng");
        Path data = dir.resolve("x.data");
        CommandRun r = run("convert", log.toString(), pcap.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(log + " (strace) -> " + pcap + ": 4 records, 4 messages\n", r.err());
        assertEquals("", r.out());
        assertEquals(0, run("convert", "--ns", "--format", "strace", log.toString(), pcapng.toString()).exit());
        assertEquals(0, run("convert", log.toString(), data.toString()).exit());

        List<Record> records = Loader.standard().load(log, null, -1).records();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(expected, TimeResolution.MICROSECONDS)) {
            for (Record rec : records) {
                w.write(rec);
            }
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(pcap));
        List<Record> ng = Loader.standard().load(pcapng, null, -1).records();
        assertEquals(records.size(), ng.size());
        for (int i = 0; i < ng.size(); i++) {
            assertEquals(records.get(i).timeNanos(), ng.get(i).timeNanos(), "nanoseconds kept");
            assertEquals(records.get(i).pid(), ng.get(i).pid());
            assertEquals(records.get(i).syscall(), ng.get(i).syscall());
        }
        assertEquals(Loader.standard().load(log, null, -1).messageCount(), Loader.standard().load(data, null, -1).messageCount());
    }

    @Test
    void anUnreadableInputExitsOneAndWritesNothing(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, "this is not netlink at all\n\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("out.pcap");
        CommandRun r = run("convert", junk.toString(), out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("nlwb convert: ") && r.err().contains("junk.bin"), r.err());
        assertFalse(Files.exists(out));
        CommandRun missing = run("convert", dir.resolve("nothing-here.pcap").toString(), out.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nothing-here.pcap"), missing.err());
    }

    @Test
    void badArgumentsExitTwo(@TempDir Path dir) {
        assertEquals(2, run("convert", "only-one-file").exit());
        CommandRun r = run("convert", "--format", "xml", "a", dir.resolve("b.pcap").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown --format xml"), r.err());
    }
}
