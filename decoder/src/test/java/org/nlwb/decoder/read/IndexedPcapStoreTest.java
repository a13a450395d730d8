package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.PcapngWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * A pcap or pcapng read in place (indexed, records made on demand) gives the capture the heap reader gives from the same
 * bytes: records (time, direction, protocol, pid, fd, syscall, location, bytes), messages (kind,
 * offset, length, note), diagnostics and metadata.
 */
class IndexedPcapStoreTest {
    @TempDir
    Path tmp;

    static Stream<Path> pcaps() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(Samples.project(), Samples.shared().resolve("samples/captured"))) {
            for (Path p : Samples.dumpsUnder(dir)) {
                String n = p.getFileName().toString();
                if (n.endsWith(".pcap") || n.endsWith(".pcapng")) {
                    all.add(p);
                }
            }
        }
        assertFalse(all.isEmpty(), "samples found");
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("pcaps")
    void inPlaceAndHeapReadEverySampleAlike(Path sample) throws Exception {
        for (int protocol : new int[] {Protocol.UNKNOWN, Protocol.ROUTE}) {
            Capture heap = Loader.standard().load(sample.toString(), Files.readAllBytes(sample), null, protocol);
            Capture mapped = Loader.standard().load(sample, null, protocol);
            assertSameCapture(heap, mapped);
        }
    }

    /** Strace samples converted to pcapng carry pid, fd and syscall in packet comments; unknown protocols are guessed. */
    @ParameterizedTest
    @MethodSource("straceLogs")
    void inPlaceAndHeapReadPcapngWithCommentsAlike(Path log) throws Exception {
        Capture source = Loader.standard().load(log, null, Protocol.UNKNOWN);
        Path out = tmp.resolve(log.getFileName() + ".pcapng");
        try (OutputStream os = Files.newOutputStream(out); PcapngWriter w = new PcapngWriter(os, TimeResolution.NANOSECONDS)) {
            for (int i = 0; i < source.recordCount(); i++) {
                Record r = source.record(i);
                w.write(i % 3 == 0 ? r.withProtocol(Protocol.UNKNOWN) : r);
            }
        }
        assertSameCapture(Loader.standard().load(out.toString(), Files.readAllBytes(out), null, Protocol.UNKNOWN),
                Loader.standard().load(out, null, Protocol.UNKNOWN));
    }

    static Stream<Path> straceLogs() {
        return Samples.dumpsUnder(Samples.project()).stream().filter(p -> p.toString().endsWith(".strace.txt")).limit(12);
    }

    @Test
    void recordsThatStraddleReadBuffersReadWhole() throws Exception {
        Path sample = Samples.project().resolve("ip-monitor-link-add.pcap");
        Capture heap = Loader.standard().load(sample.toString(), Files.readAllBytes(sample), null, Protocol.UNKNOWN);
        for (int size : new int[] {7, 64, 1000}) {
            Capture read = IndexedPcapStore.open(PositionalFile.open(sample), sample.toString(), "pcap",
                    Protocol.UNKNOWN, size, size + 3);
            assertSameCapture(heap, read);
        }
    }

    @Test
    void fileOverTwoGigabytesOpens() throws Exception {
        Path big = tmp.resolve("sparse.pcapng");
        byte[] datagram = firstDatagram();
        long[] at = new long[3];
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            long off = SparsePcapng.header(f);
            for (int i = 0; i < 3; i++) {
                at[i] = off;
                off = SparsePcapng.packet(f, off, datagram, i + 1);
                if (i < 2) {
                    off = SparsePcapng.hole(f, off, 1_200_000_000L); // a skipped block: the reader reads only its ends
                }
            }
            f.setLength(off);
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("the filesystem of " + tmp + " cannot hold a sparse 2.4 GB file: " + e);
        }
        assertTrue(Files.size(big) > (1L << 31), "the file is over 2 GiB");
        Capture c = Loader.standard().load(big, null, Protocol.UNKNOWN);
        assertEquals(3, c.recordCount());
        assertEquals(List.of(), c.diagnostics());
        for (int i = 0; i < 3; i++) {
            Record r = c.record(i);
            assertEquals("sparse.pcapng packet " + (i + 1) + " @ 0x" + Long.toHexString(at[i]), r.location());
            assertTrue(org.nlwb.decoder.bytes.ByteView.of(datagram).contentEquals(r.bytes()), "bytes of record " + i);
        }
        assertTrue(at[2] > (1L << 31), "the last packet is past 2 GiB");
    }

    @Test
    void fileTruncatedWhileOpenIsReportedNotFatal() throws Exception {
        Path file = tmp.resolve("cut.pcap");
        Capture seed = Loader.standard().load(Samples.project().resolve("ip-monitor-link-add.pcap"), null, Protocol.UNKNOWN);
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, TimeResolution.MICROSECONDS)) {
            for (int round = 0; round < 200; round++) {
                for (Record r : seed.records()) {
                    w.write(r);
                }
            }
        }
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        int records = c.recordCount();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(8192);
        }
        int gone = 0;
        for (int i = 0; i < records; i++) {
            if (c.record(i).bytes().isEmpty()) {
                gone++;
            }
        }
        assertTrue(gone > records / 2, "the records past the cut are empty: " + gone + " of " + records);
        for (int i = 0; i < c.messageCount(); i++) {
            c.message(i).bytes(); // every message can still be asked for
        }
        List<Diagnostic> errors = c.diagnostics().stream().filter(d -> d.message().contains("shrank")).toList();
        assertEquals(1, errors.size(), "one diagnostic: " + c.diagnostics());
        assertTrue(errors.get(0).message().contains("now 8192"), errors.get(0).message());
    }

    @Test
    void deviceIsRefusedWithAReason() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        UnreadableInputException e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableInputException.class,
                () -> Loader.standard().load(zero, null, Protocol.UNKNOWN));
        assertTrue(e.getMessage().startsWith("/dev/zero: not a regular file"), e.getMessage());
        assertTrue(e.getMessage().contains("save it to a file"), e.getMessage());
    }

    private static byte[] firstDatagram() throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve("ip-addr-show.pcap"), null, Protocol.UNKNOWN);
        return c.record(0).bytes().toArray();
    }

    static void assertSameCapture(Capture heap, Capture mapped) {
        String what = heap.source();
        assertEquals(heap.format(), mapped.format(), what);
        assertEquals(heap.recordCount(), mapped.recordCount(), what + " records");
        assertEquals(heap.messageCount(), mapped.messageCount(), what + " messages");
        for (int i = 0; i < heap.recordCount(); i++) {
            Record a = heap.record(i);
            Record b = mapped.record(i);
            assertEquals(List.of(a.timeNanos(), a.direction(), a.protocol(), a.pid(), a.fd(), String.valueOf(a.syscall()),
                    a.location()), List.of(b.timeNanos(), b.direction(), b.protocol(), b.pid(), b.fd(),
                    String.valueOf(b.syscall()), b.location()), what + " record " + i);
            assertEquals(a.bytes().hex(), b.bytes().hex(), what + " record " + i + " bytes");
        }
        for (int i = 0; i < heap.messageCount(); i++) {
            MessageRef a = heap.message(i);
            MessageRef b = mapped.message(i);
            assertEquals(a.toString(), b.toString(), what + " message " + i);
            assertEquals(a.bytes().hex(), b.bytes().hex(), what + " message " + i + " bytes");
        }
        assertEquals(heap.diagnostics(), mapped.diagnostics(), what + " diagnostics");
        assertEquals(heap.metadata(), mapped.metadata(), what + " metadata");
    }
}
