package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.export.Exporter;
import org.nlwb.decoder.export.ParallelExport;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.pipeline.OrderedBatches;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.text.TextTree;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * A capture read in place is usable from its first message while it is still being indexed: an
 * nlmon-style file (every packet marked outgoing) has its directions decided early, and the text
 * tree of a big file starts before the index completes. The indexer is held at a published count
 * (the store's own hook), so nothing here depends on which thread is faster.
 */
class StreamingFromTheFirstMessageTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());
    /** Far longer than any of these steps takes: only there so a broken store fails instead of hanging. */
    private static final long HANG_GUARD_MINUTES = 5;

    @TempDir
    Path tmp;

    @Test
    void aGeneratedNlmonFileReadsAlikeOnTheHeapAndMapped() throws Exception {
        Path file = nlmonStyle(40);
        Capture heap = heap(file);
        Capture mapped = Loader.standard().load(file, null, Protocol.UNKNOWN);
        IndexedPcapStoreTest.assertSameCapture(heap, mapped);
        assertTrue(heap.diagnostics().stream().anyMatch(d -> d.message().contains("nlmon")), heap.diagnostics().toString());
        for (Record r : heap.records()) {
            boolean request = (r.bytes().u16le(6) & 1) != 0;
            assertEquals(request ? Direction.TO_KERNEL : Direction.FROM_KERNEL, r.direction(), r.location());
        }
    }

    @Test
    void aGeneratedNlmonFilesFirstMessagesAreReadyBeforeItsIndexCompletes() throws Exception {
        Path file = nlmonStyle(400);
        Capture heap = heap(file);
        Gate gate = new Gate(2 * DirectionConvention.CONFIRMING);
        Capture mapped = IndexedPcapStore.open(PositionalFile.open(file), file.toString(), "pcap", Protocol.UNKNOWN, gate);
        try {
            assertTrue(gate.held.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "the indexer got to the hold");
            assertTrue(gate.records < heap.recordCount(), "held before the end: " + gate.records + " of " + heap.recordCount());
            assertEquals(gate.records, gate.decided, "every record indexed so far has its direction decided");
            for (int i = 0; i < gate.decided; i++) {
                assertEquals(heap.record(i).direction(), mapped.record(i).direction(), "record " + i);
            }
            assertEquals(Direction.FROM_KERNEL, mapped.record(1).direction(), "a reply marked outgoing, read as nlmon's");
        } finally {
            gate.release.countDown();
        }
        IndexedPcapStoreTest.assertSameCapture(heap, mapped);
    }

    @Test
    void theTextOfABigFileStartsBeforeItsIndexCompletesAndIsTheSerialText() throws Exception {
        Path file = tmp.resolve("big.pcap");
        write(file, "ip-route-add.pcap", 6500, r -> r);
        Capture heap = heap(file);
        assertTrue(heap.messageCount() > TextTree.COUNTS_FIRST_UP_TO + 2000, heap.messageCount() + " messages");
        Gate gate = new Gate(TextTree.COUNTS_FIRST_UP_TO + 256);
        Capture mapped = IndexedPcapStore.open(PositionalFile.open(file), file.toString(), "pcap", Protocol.UNKNOWN, gate);
        FirstMessage out = new FirstMessage();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                ParallelExport.writeText(out, DecodedCapture.of(mapped, REGISTRY), false, new OrderedBatches(2, 64));
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "text writer");
        writer.start();
        try {
            assertTrue(out.seen.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "the first message was written");
            assertEquals(0, gate.held.getCount(), "the indexer is held");
            assertTrue(gate.records < heap.recordCount(), "the index is not complete: " + gate.records);
        } finally {
            gate.release.countDown();
        }
        writer.join(TimeUnit.MINUTES.toMillis(HANG_GUARD_MINUTES));
        assertEquals(null, failed.get());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("== " + file + " (pcap): over " + TextTree.COUNTS_FIRST_UP_TO
                + " messages, counted at the end" + System.lineSeparator() + "#0  record 0  "), text.substring(0, 200));
        assertTrue(text.contains(System.lineSeparator() + "-- " + heap.recordCount() + " records, " + heap.messageCount()
                + " messages" + System.lineSeparator()), "the counts at the end");
        assertEquals(serialText(heap), text);
    }

    /** Holds the indexing thread the first time at least {@code at} records are published. */
    private static final class Gate implements IndexedPcapStore.Published {
        final int at;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int records;
        volatile int decided;

        Gate(int at) {
            this.at = at;
        }

        @Override
        public void published(int indexed, int ready) {
            if (indexed >= at && held.getCount() > 0) {
                records = indexed;
                decided = ready;
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Collects the text and says when the first message's heading line has arrived. */
    private static final class FirstMessage extends ByteArrayOutputStream {
        final CountDownLatch seen = new CountDownLatch(1);

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            if (seen.getCount() > 0 && toString(StandardCharsets.UTF_8).contains("#0  record 0  ")) {
                seen.countDown();
            }
        }
    }

    private static String serialText(Capture c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        Exporter.writeText(new TextTree(ps, false), DecodedCapture.of(c, REGISTRY));
        ps.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Capture heap(Path file) throws Exception {
        return Loader.standard().load(file.toString(), Files.readAllBytes(file), null, Protocol.UNKNOWN);
    }

    /** A request and its replies, {@code rounds} times, every packet marked outgoing as an nlmon tap marks them. */
    private Path nlmonStyle(int rounds) throws IOException {
        Path file = tmp.resolve("nlmon-style.pcap");
        write(file, "ip-link-show.pcap", rounds, r -> r.withDirection(Direction.TO_KERNEL));
        return file;
    }

    /** {@code sample}'s records {@code rounds} times over, each as {@code each} makes it. */
    private static void write(Path file, String sample, int rounds, java.util.function.UnaryOperator<Record> each)
            throws IOException {
        List<Record> seed;
        try {
            seed = Loader.standard().load(Samples.project().resolve(sample), null, Protocol.UNKNOWN).records();
        } catch (UnreadableInputException e) {
            throw new IOException(e);
        }
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, TimeResolution.MICROSECONDS)) {
            for (int round = 0; round < rounds; round++) {
                for (Record r : seed) {
                    w.write(each.apply(r));
                }
            }
        }
    }
}
