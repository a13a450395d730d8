package org.nlwb.decoder.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Renders messages {@code 0..count-1} (or as many as there turn out to be) on several threads and writes the results in message order:
 * workers each take a batch of consecutive messages and render it into bytes; the calling thread
 * writes the batches in order as they complete. Memory stays bounded: at most {@code 2 × threads}
 * batches are rendered ahead of the one being written, and their buffers are reused. With one
 * thread the batches are rendered on the calling thread, in the same way, so the bytes are the
 * same whatever the thread count.
 *
 * <p>Pitfall: the renderer runs on several threads at once; whatever it reads must be safe to
 * share ({@link DecodedCapture#decodeUncached} is). An exception in a renderer stops the run and
 * is thrown from {@link #write} (an {@link IOException} as itself); so is one from {@code out},
 * after which no more batches are started.
 */
public final class OrderedBatches {
    /** Messages per batch: large enough to amortise a hand-over, small enough to stream. */
    public static final int DEFAULT_BATCH = 128;

    /** Renders messages {@code [from, to)} into {@code out}; {@code from > 0} for every batch but the first. */
    @FunctionalInterface
    public interface BatchRenderer {
        void render(int from, int to, OutputStream out) throws IOException;
    }

    private final int threads;
    private final int batch;

    /**
     * @param threads worker threads (1: everything on the calling thread)
     * @param batch   messages per batch
     */
    public OrderedBatches(int threads, int batch) {
        if (threads < 1 || batch < 1) {
            throw new IllegalArgumentException("threads and batch must be at least 1: " + threads + ", " + batch);
        }
        this.threads = threads;
        this.batch = batch;
    }

    public int threads() {
        return threads;
    }

    /** Renders messages {@code 0..count-1} with {@code renderer} and writes them to {@code out} in order. */
    public void write(int count, BatchRenderer renderer, OutputStream out) throws IOException {
        write(i -> i < count, renderer, out);
    }

    /**
     * Renders messages {@code 0, 1, ...} for as long as {@code exists} says the next one does, and
     * writes them to {@code out} in order. {@code exists} is asked on the calling thread, in order,
     * once per message; it may block (a capture still being indexed answers when it knows), so the
     * first batch is written before the last message is known: output streams on a file of any size.
     */
    public void write(IntPredicate exists, BatchRenderer renderer, OutputStream out) throws IOException {
        if (threads == 1) {
            // straight to out: a batch buffer would only copy every byte once more
            for (int from = 0, to; (to = batchEnd(exists, from)) > from; from = to) {
                renderer.render(from, to, out);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        AtomicInteger lastSize = new AtomicInteger();
        // buffers written out come back for later batches: a batch of large messages is megabytes,
        // and a fresh array for each one is a humongous allocation the collector has to chase
        Queue<Rendered> spare = new ConcurrentLinkedQueue<>();
        try {
            Deque<Future<Rendered>> ahead = new ArrayDeque<>();
            int next = 0;
            boolean more = true;
            while (more || !ahead.isEmpty()) {
                while (more && ahead.size() < 2 * threads) {
                    int from = next;
                    int to = batchEnd(exists, from);
                    if (to == from) {
                        more = false;
                        break;
                    }
                    ahead.add(pool.submit(() -> rendered(renderer, from, to, lastSize, spare)));
                    next = to;
                }
                if (!ahead.isEmpty()) {
                    Rendered done = take(ahead.poll());
                    done.writeTo(out);
                    done.reset();
                    spare.offer(done);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The end of the batch that starts at {@code from}: up to {@code batch} messages that exist. */
    private int batchEnd(IntPredicate exists, int from) {
        int to = from;
        while (to - from < batch && exists.test(to)) {
            to++;
        }
        return to;
    }

    /**
     * A batch rendered into a buffer written out before (kept with its array), or a new one sized
     * from the batch before it (batches of one capture are alike), so the buffer seldom grows by
     * copying; {@link #writeTo} hands its array to the output as it is, without the copy {@code
     * toByteArray} would make.
     */
    private static final class Rendered extends ByteArrayOutputStream {
        Rendered(int size) {
            super(size);
        }
    }

    private static Rendered rendered(BatchRenderer renderer, int from, int to, AtomicInteger lastSize,
                                     Queue<Rendered> spare) throws IOException {
        Rendered buf = spare.poll();
        if (buf == null) {
            buf = new Rendered(Math.max(8192, lastSize.get() + lastSize.get() / 8));
        }
        renderer.render(from, to, buf);
        lastSize.set(buf.size());
        return buf;
    }

    private static Rendered take(Future<Rendered> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nlwb-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
