package org.nlwb.app.ui.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * One filter over a capture's message indices, on several threads: messages are taken in chunks
 * in capture order, each chunk's kept indices collected on its thread, and the chunks joined in
 * order, so what is found so far is always a prefix of the result (the list can show it while the
 * rest is looked at). No JavaFX and no ref per message: the result is a compact {@code int[]}.
 *
 * <p>The capture may still be indexed while the run goes: a message is looked at once
 * {@code exists} says it is there ({@code Capture.hasMessage}, which waits for the indexer), and
 * the run ends at the first index that does not exist.
 */
public final class FilterRun {
    /** Messages per unit of work: small enough to publish often, large enough to cost nothing. */
    static final int CHUNK = 4096;
    /**
     * How often what was found so far is handed on, at most: each time the list takes new rows the
     * table lays out its cells again, which on a loaded machine costs the FX thread more than the
     * new rows are worth; the first rows are handed on at once.
     */
    private static final long PUBLISH_NANOS = 500_000_000L;

    /** What a run found: the first {@code count} entries of {@code kept} of the {@code scanned} messages looked at. */
    public record Found(int[] kept, int count, int scanned) {
    }

    /** Receives what was found so far (from a worker thread, at most every half second, and once at the end). */
    @FunctionalInterface
    public interface Listener {
        void found(Found soFar);
    }

    private final IntPredicate keep;
    private final IntPredicate exists;
    private final int threads;
    private final BooleanSupplier cancelled;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final Map<Integer, int[]> done = new HashMap<>();
    private final Map<Integer, Integer> doneScanned = new HashMap<>();
    private int[] kept = new int[1024];
    private int count;
    private int scanned;
    private int joined;
    private int lastChunk = Integer.MAX_VALUE;
    // the first rows found are handed on at once
    private long lastPublish = System.nanoTime() - PUBLISH_NANOS;

    /**
     * @param keep      whether message {@code i} is kept (called on several threads at once)
     * @param exists    whether message {@code i} exists (may wait for an indexer)
     * @param threads   how many threads look at messages (the caller's is one of them)
     * @param cancelled checked between messages; a cancelled run returns null
     */
    public FilterRun(IntPredicate keep, IntPredicate exists, int threads, BooleanSupplier cancelled) {
        this.keep = Objects.requireNonNull(keep);
        this.exists = Objects.requireNonNull(exists);
        this.threads = Math.max(1, threads);
        this.cancelled = Objects.requireNonNull(cancelled);
    }

    /** Runs on the calling thread and {@code threads - 1} more; returns the whole result, or null when cancelled. */
    public Found run(Listener listener) throws InterruptedException {
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(() -> work(listener), "nlwb-filter-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        work(listener);
        for (Thread h : helpers) {
            h.join();
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        Found all;
        synchronized (this) {
            all = new Found(kept, count, scanned);
        }
        listener.found(all);
        return all;
    }

    private void work(Listener listener) {
        int[] buf = new int[CHUNK];
        while (!cancelled.getAsBoolean()) {
            int c = nextChunk.getAndIncrement();
            int from = c * CHUNK;
            if (c >= lastChunk() || from < 0) {
                return;
            }
            int n = 0;
            int i = from;
            for (int to = from + CHUNK; i < to && exists.test(i); i++) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                if (keep.test(i)) {
                    buf[n++] = i;
                }
            }
            Found soFar = join(c, Arrays.copyOf(buf, n), i - from, i < from + CHUNK);
            if (soFar != null) {
                listener.found(soFar);
            }
            if (i < from + CHUNK) {
                return; // the capture ends in this chunk
            }
        }
    }

    private synchronized int lastChunk() {
        return lastChunk;
    }

    /** Adds chunk {@code c}'s result; returns what to publish now, or null. */
    private synchronized Found join(int c, int[] chunk, int looked, boolean last) {
        if (last) {
            lastChunk = Math.min(lastChunk, c + 1);
        }
        done.put(c, chunk);
        doneScanned.put(c, looked);
        boolean grew = false;
        for (int[] next; joined < lastChunk && (next = done.remove(joined)) != null; joined++) {
            if (kept.length < count + next.length) {
                kept = Arrays.copyOf(kept, Math.max(count + next.length, kept.length * 2));
            }
            System.arraycopy(next, 0, kept, count, next.length);
            count += next.length;
            scanned += doneScanned.remove(joined);
            grew = true;
        }
        long now = System.nanoTime();
        if (!grew || now - lastPublish < PUBLISH_NANOS) {
            return null;
        }
        lastPublish = now;
        // the array is only ever written past count, or replaced: the receiver may keep reading it
        return new Found(kept, count, scanned);
    }
}
