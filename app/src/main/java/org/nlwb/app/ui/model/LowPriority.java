package org.nlwb.app.ui.model;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.nlwb.capture.sys.Niceness;

/**
 * Runs work on a thread of its own at the background nice value ({@link Niceness}), the caller
 * waiting: Java's {@code MIN_PRIORITY} means nothing to Linux, and a nice value cannot be put back
 * without privilege, so a pooled thread is never lowered (the next task on it would inherit it).
 */
final class LowPriority {
    private LowPriority() {
    }

    /** {@code work}'s result, computed on a fresh lowered thread named {@code name}. */
    static <T> T call(String name, Callable<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Niceness.lowerCallingThread(Niceness.BACKGROUND);
            try {
                result.set(work.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        t.join(); // interrupted (the task cancelled): the work sees its own cancellation and ends
        Throwable e = failure.get();
        if (e instanceof InterruptedException ie) {
            throw ie;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error er) {
            throw er;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
        return result.get();
    }
}
