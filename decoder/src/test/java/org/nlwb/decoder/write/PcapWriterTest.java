package org.nlwb.decoder.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.PcapReader;
import org.nlwb.decoder.read.Samples;

class PcapWriterTest {

    static byte[] writePcap(List<Record> records, TimeResolution res) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, res)) {
            for (Record r : records) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    static byte[] writePcapng(List<Record> records, TimeResolution res) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(out, res)) {
            for (Record r : records) {
                w.write(r);
            }
        }
        return out.toByteArray();
    }

    /** What survives a pcap: time, direction, protocol, bytes. */
    static void assertSamePcapFields(List<Record> expected, List<Record> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Record e = expected.get(i);
            Record a = actual.get(i);
            assertEquals(e.timeNanos(), a.timeNanos(), "time of record " + i);
            assertEquals(e.direction(), a.direction(), "direction of record " + i);
            assertEquals(e.protocol(), a.protocol(), "protocol of record " + i);
            assertArrayEquals(e.bytes().toArray(), a.bytes().toArray(), "bytes of record " + i);
        }
    }

    @Test
    void aWrittenPcapReadsBackToTheSameRecordsForEveryCapturedSample() throws Exception {
        for (Path p : Samples.filesUnder(Samples.shared().resolve("captured"))) {
            if (!p.toString().endsWith(".pcap")) {
                continue;
            }
            List<Record> original = Samples.read(new PcapReader(), p).records();
            byte[] written = writePcap(original, TimeResolution.MICROSECONDS);
            assertSamePcapFields(original, Samples.read(new PcapReader(), "w.pcap", written).records());
        }
    }

    @Test
    void theMicrosecondPcapIsByteForByteTheSharedSampleConvertersOutput() throws Exception {
        Path p = Samples.captured("genl-ctrl-list.pcap");
        byte[] original = Files.readAllBytes(p);
        List<Record> records = Samples.read(new PcapReader(), p).records();
        // the shared converter used snaplen 262144 as well, so the files are identical
        assertArrayEquals(original, writePcap(records, TimeResolution.MICROSECONDS));
    }

    @Test
    void nanosecondPcapAndPcapngKeepNanosecondsUnknownsAndStraceFields() throws Exception {
        List<Record> records = List.of(
                new Record(1_795_855_683_367_065_123L, Direction.TO_KERNEL, Protocol.ROUTE, 21540, 4, "sendmsg",
                        "x:1", ByteView.of(new byte[] {20, 0, 0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})),
                new Record(-1, Direction.UNKNOWN, Protocol.UNKNOWN, -1, -1, null, "x:2",
                        ByteView.of(new byte[] {16, 0, 0, 0, 3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0})));
        assertSamePcapFields(records, Samples.read(new PcapReader(), "n.pcap",
                writePcap(records, TimeResolution.NANOSECONDS)).records());
        List<Record> ng = Samples.read(new PcapReader(), "n.pcapng", writePcapng(records, TimeResolution.NANOSECONDS)).records();
        assertSamePcapFields(records, ng);
        assertEquals(21540, ng.get(0).pid());
        assertEquals(4, ng.get(0).fd());
        assertEquals("sendmsg", ng.get(0).syscall());
        assertEquals(-1, ng.get(1).pid());
        List<Record> ngUs = Samples.read(new PcapReader(), "u.pcapng", writePcapng(records, TimeResolution.MICROSECONDS)).records();
        assertEquals(1_795_855_683_367_065_000L, ngUs.get(0).timeNanos());
    }

    @Test
    void tsharkReadsTheWrittenPcapAndPcapngWithoutMalformedPackets(@TempDir Path dir) throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        assumeTrue(Files.isExecutable(tshark), "tshark is not installed (/usr/bin/tshark): cannot cross-check written files");
        List<Record> records = Samples.read(new PcapReader(), Samples.captured("ip-d-link-show.pcap")).records();
        Path pcap = dir.resolve("w.pcap");
        Files.write(pcap, writePcap(records, TimeResolution.NANOSECONDS));
        Path pcapng = dir.resolve("w.pcapng");
        Files.write(pcapng, writePcapng(records, TimeResolution.MICROSECONDS));
        for (Path f : List.of(pcap, pcapng)) {
            String out = tshark(tshark, f, dir);
            assertFalse(out.contains("Malformed"), out);
            assertTrue(out.contains("Netlink"), out);
            assertEquals(records.size(), out.lines().filter(l -> l.startsWith("Frame ")).count(), out);
        }
    }

    private static String tshark(Path tshark, Path file, Path dir) throws Exception {
        File log = dir.resolve("tshark.out").toFile();
        Process p = new ProcessBuilder(tshark.toString(), "-n", "-r", file.toString(), "-V")
                .redirectErrorStream(true).redirectOutput(log).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark did not finish in 60 s");
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
