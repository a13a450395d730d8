package org.nlwb.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;

/** The window's filter over message indices: ordered, shown as it goes, cancellable; no JavaFX. */
class FilterRunTest {
    static final Path SHARED = Path.of(System.getProperty("nlwb.shared", "../../shared"));

    @Test
    void whatWasFoundSoFarIsHandedOnBeforeTheRunEnds() throws Exception {
        int n = FilterRun.CHUNK * 3;
        CountDownLatch release = new CountDownLatch(1);
        List<FilterRun.Found> parts = new ArrayList<>();
        CompletableFuture<FilterRun.Found> firstPart = new CompletableFuture<>();
        FilterRun run = new FilterRun(i -> {
            if (i == FilterRun.CHUNK) {
                await(release); // the second chunk waits until the first one's rows have been seen
            }
            return i % 2 == 0;
        }, i -> i < n, 1, () -> false);
        CompletableFuture<FilterRun.Found> all = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run(f -> {
                    synchronized (parts) {
                        parts.add(f);
                    }
                    firstPart.complete(f);
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        FilterRun.Found first = firstPart.get(30, TimeUnit.SECONDS);
        assertEquals(FilterRun.CHUNK / 2, first.count(), "the first chunk's rows, while the second is held");
        assertEquals(FilterRun.CHUNK, first.scanned());
        assertTrue(!all.isDone());
        release.countDown();
        FilterRun.Found done = all.get(30, TimeUnit.SECONDS);
        assertEquals(n / 2, done.count());
        assertEquals(n, done.scanned());
        int[] even = new int[n / 2];
        Arrays.setAll(even, k -> 2 * k);
        assertArrayEquals(even, Arrays.copyOf(done.kept(), done.count()));
    }

    @Test
    void onSeveralThreadsTheResultIsTheOneFilterInCaptureOrder() throws Exception {
        Capture source = Loader.standard().load(SHARED.resolve("samples/captured/ip-addr-show.pcap"), null,
                Protocol.UNKNOWN);
        Capture big = new Capture("copies", "pcap");
        for (int c = 0; c < 3000; c++) {
            for (Record r : source.records()) {
                big.append(r);
            }
        }
        DecodedCapture decoded = DecodedCapture.of(big, RegistryFactory.standard(List.of(SHARED.resolve("specs/ynl"))));
        Filter f = Filter.parse("IFA_LABEL == \"lo\"");
        int[] expected = java.util.stream.IntStream.range(0, big.messageCount())
                .filter(i -> f.test(decoded.decodeUncached(i))).toArray();
        assertTrue(expected.length > 0 && expected.length < big.messageCount());
        FilterRun.Found found = new FilterRun(i -> f.test(decoded.decodeUncached(i)), big::hasMessage, 3, () -> false)
                .run(x -> { });
        assertArrayEquals(expected, Arrays.copyOf(found.kept(), found.count()));
        assertEquals(big.messageCount(), found.scanned());
    }

    @Test
    void aCancelledRunStopsAndReturnsNothing() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        FilterRun run = new FilterRun(i -> {
            if (i == 10) {
                cancelled.set(true);
            }
            return true;
        }, i -> true, 2, cancelled::get);
        assertNull(run.run(x -> { }), "an endless capture: only cancelling ends the run");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
