package org.nlwb.app.ui.model;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prepares what the panes show for a selection off the FX thread (the decode, the partner search,
 * the tree's items), then hands it to the FX thread: the newest selection only. Each
 * {@link #load} starts a new selection; work of an earlier one not yet started is skipped, and a
 * result that comes back for a selection no longer current is dropped, so a pane never shows a
 * message that is no longer selected, however the workers' timing falls.
 *
 * <p>Two workers: {@link #load} (what the pane needs at once) and {@link Ticket#then} (slower
 * follow-ups such as a far partner search), so a follow-up never holds up the next selection.
 * Their threads end when idle. {@link #idle} says whether anything is still on its way (tests
 * wait for it).
 */
public final class SelectionLoader {
    private final Executor fx;
    private final Executor now;
    private final Executor slow;
    private final AtomicInteger selection = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Workers of their own; results handed over with {@code fx} (the FX thread's {@code Platform::runLater}). */
    public SelectionLoader(Executor fx) {
        this(fx, worker("nlwb-selection", Thread.NORM_PRIORITY), worker("nlwb-partner-search", Thread.MIN_PRIORITY));
    }

    /** With given executors (tests hold work back with them). */
    public SelectionLoader(Executor fx, Executor now, Executor slow) {
        this.fx = fx;
        this.now = now;
        this.slow = slow;
    }

    private static Executor worker(String name, int priority) {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /**
     * A new selection (FX thread): {@code work} runs on the worker unless another selection came
     * first, and {@code apply} gets its result on the FX thread if this is still the selection then.
     */
    public <T> Ticket load(Supplier<T> work, Consumer<T> apply) {
        Ticket t = new Ticket(selection.incrementAndGet());
        t.submit(now, work, apply);
        return t;
    }

    /** No selection from now on (FX thread): whatever is on its way is dropped. */
    public void clear() {
        selection.incrementAndGet();
    }

    /** Whether no work or result is on its way (any thread). */
    public boolean idle() {
        return inFlight.get() == 0;
    }

    /** One selection: its work and follow-ups count only while it is the newest. */
    public final class Ticket {
        private final int id;

        private Ticket(int id) {
            this.id = id;
        }

        /** Whether this is still the newest selection (any thread). */
        public boolean current() {
            return selection.get() == id;
        }

        /** A follow-up of this selection on the slow worker (any thread), dropped as {@link #load}'s work is. */
        public <T> void then(Supplier<T> work, Consumer<T> apply) {
            submit(slow, work, apply);
        }

        private <T> void submit(Executor on, Supplier<T> work, Consumer<T> apply) {
            inFlight.incrementAndGet();
            on.execute(() -> {
                if (!current()) {
                    inFlight.decrementAndGet();
                    return;
                }
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException | Error e) {
                    fx.execute(() -> {
                        inFlight.decrementAndGet();
                        throw e; // reported where the FX thread reports what fails on it
                    });
                    return;
                }
                fx.execute(() -> {
                    try {
                        if (current()) {
                            apply.accept(result);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            });
        }
    }
}
