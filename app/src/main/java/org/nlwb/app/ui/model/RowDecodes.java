package org.nlwb.app.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.nlwb.decoder.decode.DecodedMessage;

/**
 * The decoded messages the list's rows draw their type, flags, summary and colour from, decoded
 * off the FX thread. A row drawn asks {@link #ready}: the message once it has come, else null (the
 * row draws what needs no decode: number, time, direction, seq, length) and the message is decoded
 * on a worker, the rows asked for last first (those on screen now; a long scroll's rows passed
 * over are dropped beyond {@link #QUEUED}). What a worker pass decoded is handed to the FX thread
 * at once, and {@link #arrivedProperty} counts the hand-overs: the rows waiting watch it.
 *
 * <p>FX thread, apart from the worker. Decodes go through the document's cache, so the panes and
 * a row share one tree. {@link #clear} (specs reloaded, another class) drops what was decoded
 * and what is on its way.
 */
public final class RowDecodes {
    /** Decoded messages kept for rows: a few screens of them. */
    static final int KEPT = 2048;
    /** Rows waiting for a decode at most: more are rows a scroll passed over, dropped oldest first. */
    static final int QUEUED = 512;
    /** A hand-over at least this often while a worker pass is long (a screenful after a jump). */
    private static final long HAND_OVER_NANOS = 8_000_000L;

    private final CaptureDocument document;
    private final Executor fx;
    private final Executor worker;
    private final Map<Integer, DecodedMessage> ready = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, DecodedMessage> e) {
            return size() > KEPT;
        }
    };
    /** Asked for and not yet handed over (any thread). */
    private final Set<Integer> asked = ConcurrentHashMap.newKeySet();
    /** Newest first; guarded by itself, as is {@link #draining}. */
    private final Deque<Integer> queue = new ArrayDeque<>();
    private boolean draining;
    private volatile int generation;
    private final ReadOnlyIntegerWrapper arrived = new ReadOnlyIntegerWrapper();

    /** A worker of its own; hand-overs through {@code fx} (the FX thread's {@code Platform::runLater}). */
    public RowDecodes(CaptureDocument document, Executor fx) {
        this(document, fx, worker());
    }

    /** With a given worker (tests run it by hand). */
    public RowDecodes(CaptureDocument document, Executor fx, Executor worker) {
        this.document = document;
        this.fx = fx;
        this.worker = worker;
    }

    private static Executor worker() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nlwb-rows");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** Message {@code index} decoded if it has come; else null, and it is asked for (FX thread). */
    public DecodedMessage ready(int index) {
        DecodedMessage m = ready.get(index);
        if (m == null && asked.add(index)) {
            synchronized (queue) {
                queue.addFirst(index);
                while (queue.size() > QUEUED) {
                    asked.remove(queue.removeLast());
                }
                if (!draining) {
                    draining = true;
                    worker.execute(this::drain);
                }
            }
        }
        return m;
    }

    /** Counts the hand-overs: a row that drew without its message draws again when this changes. */
    public ReadOnlyIntegerProperty arrivedProperty() {
        return arrived.getReadOnlyProperty();
    }

    /** Whether rows are still waiting for a decode (any thread; tests wait for this). */
    public boolean pending() {
        return !asked.isEmpty();
    }

    /** Drops what was decoded and what is on its way: the decoder changed (FX thread). */
    public void clear() {
        generation++;
        ready.clear();
        synchronized (queue) {
            queue.clear();
            asked.clear();
        }
    }

    /** Worker: decodes what is queued, newest first, handing over every few milliseconds. */
    private void drain() {
        int gen = generation;
        List<Integer> indices = new ArrayList<>();
        List<DecodedMessage> decoded = new ArrayList<>();
        long since = System.nanoTime();
        while (true) {
            Integer next;
            synchronized (queue) {
                next = queue.pollFirst();
                if (next == null) {
                    draining = false;
                    break;
                }
            }
            if (gen != generation || System.nanoTime() - since >= HAND_OVER_NANOS) {
                hand(gen, indices, decoded); // cleared meanwhile: the hand-over drops what came before
                indices = new ArrayList<>();
                decoded = new ArrayList<>();
                gen = generation;
                since = System.nanoTime();
            }
            indices.add(next);
            decoded.add(document.decoded(next));
        }
        hand(gen, indices, decoded);
    }

    private void hand(int gen, List<Integer> indices, List<DecodedMessage> decoded) {
        if (indices.isEmpty()) {
            return;
        }
        fx.execute(() -> {
            for (int i = 0; i < indices.size(); i++) {
                if (gen == generation) {
                    ready.put(indices.get(i), decoded.get(i));
                }
                asked.remove(indices.get(i));
            }
            arrived.set(arrived.get() + 1);
        });
    }
}
