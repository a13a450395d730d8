package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * The positional readers ({@link ReadWindow}, {@link SharedChunks}) give every byte the heap
 * array gives, in any order and across their buffers' edges, and a file cut while read gives
 * {@link FileShrunkException} for exactly the bytes it lost, never a fault.
 */
class PositionalReadsTest {
    @TempDir
    Path tmp;

    private static final int[] SIZES = {4, 5, 7, 64, 1000, 1 << 16};

    static List<Path> pcaps() throws Exception {
        return IndexedPcapStoreTest.pcaps().toList();
    }

    @ParameterizedTest
    @MethodSource("pcaps")
    void everyReadOfEverySampleIsTheHeapArrays(Path sample) throws Exception {
        byte[] content = Files.readAllBytes(sample);
        FileBytes heap = FileBytes.of(content);
        PositionalFile file = PositionalFile.open(sample);
        for (int size : SIZES) {
            assertSameReads(heap, new ReadWindow(file, size), sample + " window " + size);
            assertSameReads(heap, new SharedChunks(file, size), sample + " chunks " + size);
        }
        assertSameReads(heap, new ReadWindow(file), sample + " default window");
        assertSameReads(heap, new SharedChunks(file), sample + " default chunks");
    }

    /** Records asked for out of order (rows clicked here and there) are read alone or from chunks, and are the heap reader's. */
    @ParameterizedTest
    @MethodSource("pcaps")
    void recordsReadInAnyOrderAreTheHeapReaders(Path sample) throws Exception {
        Capture heap = Loader.standard().load(sample.toString(), Files.readAllBytes(sample), null, Protocol.UNKNOWN);
        for (int chunk : new int[] {64, 1000, SharedChunks.DEFAULT_CHUNK}) {
            Capture read = IndexedPcapStore.open(PositionalFile.open(sample), sample.toString(), "pcap", Protocol.UNKNOWN,
                    ReadWindow.DEFAULT_CAPACITY, chunk);
            int n = read.recordCount();
            assertEquals(heap.recordCount(), n);
            List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
            java.util.Collections.shuffle(order, new Random(n));
            order.addAll(java.util.stream.IntStream.range(0, n).map(i -> n - 1 - i).boxed().toList()); // and backwards
            for (int i : order) {
                Record a = heap.record(i);
                Record b = read.record(i);
                assertEquals(List.of(a.timeNanos(), a.direction(), a.protocol(), a.pid(), a.fd(), String.valueOf(a.syscall()),
                        a.location(), a.bytes().hex()), List.of(b.timeNanos(), b.direction(), b.protocol(), b.pid(), b.fd(),
                        String.valueOf(b.syscall()), b.location(), b.bytes().hex()), sample + " record " + i + ", chunk " + chunk);
            }
        }
    }

    /** Forward over every offset, then in a scrambled order, then copies of many lengths from many starts. */
    private static void assertSameReads(FileBytes heap, FileBytes read, String what) {
        long n = heap.size();
        assertEquals(n, read.size(), what);
        for (long at = 0; at < n; at++) {
            assertOneOffset(heap, read, at, what);
        }
        Random random = new Random(n);
        for (int k = 0; k < 2000; k++) {
            assertOneOffset(heap, read, random.nextInt((int) n), what);
        }
        for (int len : new int[] {1, 3, 13, 300, 4096, (int) n}) {
            for (long at = 0; at + len <= n; at += 97) {
                assertArrayEquals(heap.bytes(at, len), read.bytes(at, len), what + " copy of " + len + " at " + at);
            }
        }
    }

    private static void assertOneOffset(FileBytes heap, FileBytes read, long at, String what) {
        long n = heap.size();
        assertEquals(heap.u8(at), read.u8(at), what + " u8 at " + at);
        if (at + 2 <= n) {
            assertEquals(heap.u16(at, true), read.u16(at, true), what + " u16le at " + at);
            assertEquals(heap.u16(at, false), read.u16(at, false), what + " u16be at " + at);
        }
        if (at + 4 <= n) {
            assertEquals(heap.i32(at, true), read.i32(at, true), what + " i32le at " + at);
            assertEquals(heap.i32(at, false), read.i32(at, false), what + " i32be at " + at);
        }
    }

    @Test
    void anInterruptedThreadReadsAndKeepsItsInterruptStatus() throws Exception {
        Path sample = Samples.project().resolve("ip-monitor-link-add.pcap");
        byte[] content = Files.readAllBytes(sample);
        PositionalFile file = PositionalFile.open(sample);
        byte[] got = new byte[content.length];
        Thread.currentThread().interrupt();
        try {
            assertEquals(content.length, file.read(0, got, 0, got.length));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is set again after the read");
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(content, got);
    }

    /**
     * A channel is closed for every thread when one is interrupted inside a read: interrupting a
     * reader thousands of times must leave the file readable by it and by everyone else.
     */
    @Test
    void interruptsDuringReadsLeaveTheFileReadable() throws Exception {
        Path sample = Samples.project().resolve("ip-monitor-link-add.pcap");
        byte[] content = Files.readAllBytes(sample);
        PositionalFile file = PositionalFile.open(sample);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger interruptsSeen = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            byte[] b = new byte[content.length];
            try {
                while (!stop.get()) {
                    assertEquals(content.length, file.read(0, b, 0, b.length));
                    assertArrayEquals(content, b);
                    reading.countDown();
                    if (Thread.interrupted()) {
                        interruptsSeen.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                failed.set(e);
                reading.countDown();
            }
        }, "interrupted reader");
        reader.start();
        // On a loaded machine the reader may not run at all while 20,000 interrupts are sent: wait
        // for its first read, and go on interrupting (up to a minute) until it has seen one.
        assertTrue(reading.await(1, TimeUnit.MINUTES), "the reader started reading");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (int i = 0; failed.get() == null && (i < 20_000 || interruptsSeen.get() == 0) && System.nanoTime() < giveUp; i++) {
            reader.interrupt();
            if (i % 64 == 0) {
                Thread.sleep(1);
            }
        }
        stop.set(true);
        reader.join(TimeUnit.MINUTES.toMillis(2));
        assertEquals(null, failed.get());
        assertTrue(interruptsSeen.get() > 0, "the reader saw its interrupts");
        byte[] after = new byte[content.length];
        assertEquals(content.length, file.read(0, after, 0, after.length));
        assertArrayEquals(content, after, "another thread still reads the file");
    }

    @Test
    void bytesCutFromTheFileAreReportedAndTheRestStillReads() throws Exception {
        Path cut = tmp.resolve("cut.bin");
        byte[] content = new byte[10_000];
        new Random(7).nextBytes(content);
        Files.write(cut, content);
        PositionalFile file = PositionalFile.open(cut);
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(6000);
        }
        for (Function<PositionalFile, FileBytes> reader : List.<Function<PositionalFile, FileBytes>>of(
                p -> new ReadWindow(p, 512), p -> new SharedChunks(p, 512))) {
            FileBytes in = reader.apply(file);
            assertEquals(10_000, in.size(), "the size it had when opened");
            assertEquals(content[5999] & 0xff, in.u8(5999));
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 5000, 6000), in.bytes(5000, 1000));
            assertThrows(FileShrunkException.class, () -> in.u8(6000));
            assertThrows(FileShrunkException.class, () -> in.i32(5998, true), "a read across the cut");
            assertThrows(FileShrunkException.class, () -> in.bytes(5990, 20));
            assertThrows(FileShrunkException.class, () -> in.bytes(100, 9000), "a copy larger than the buffer");
        }
        assertEquals(6000, file.currentSize());
    }

    @Test
    void aFileCutWhileIndexedStopsTheIndexWithOneClearDiagnostic() throws Exception {
        Path file = tmp.resolve("cut-while-indexed.pcap");
        Capture seed = Loader.standard().load(Samples.project().resolve("ip-monitor-link-add.pcap"), null, Protocol.UNKNOWN);
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, TimeResolution.MICROSECONDS)) {
            for (int round = 0; round < 2000; round++) { // several of the indexer's 1 MiB windows
                for (Record r : seed.records()) {
                    w.write(r);
                }
            }
        }
        long size = Files.size(file);
        assertTrue(size > 3 * ReadWindow.DEFAULT_CAPACITY, size + " bytes");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Capture c = IndexedPcapStore.open(PositionalFile.open(file), file.toString(), "pcap", Protocol.UNKNOWN,
                (records, decided) -> {
                    if (records >= 256 && held.getCount() > 0) {
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        assertTrue(held.await(2, TimeUnit.MINUTES), "the indexer is held");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        release.countDown();
        int records = c.recordCount();
        assertTrue(records > 256 && records < seed.recordCount() * 2000, records + " records kept");
        List<Diagnostic> errors = c.diagnostics().stream().filter(d -> d.message().contains("shrank")).toList();
        assertEquals(1, errors.size(), "one diagnostic: " + c.diagnostics());
        assertTrue(errors.get(0).message().contains("now " + size / 2) && errors.get(0).message()
                .contains("indexing stopped at packet " + (records + 1)), errors.get(0).message());
        assertEquals(seed.record(0).bytes().hex(), c.record(0).bytes().hex(), "the records before the cut read");
    }
}
