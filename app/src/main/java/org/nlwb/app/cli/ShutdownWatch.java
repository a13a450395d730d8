package org.nlwb.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@code nlwb send} say why it stopped when SIGINT or SIGTERM ends it: a shutdown hook that
 * notes the signal and holds the JVM's exit until the command has printed its report (at most
 * {@link #GRACE_SECONDS}). The send session's own hook cuts the send short meanwhile, and its
 * result says "interrupted (...)", not a timeout. Without this hook the JVM could halt as soon
 * as the session's hook returned, before a word was printed.
 */
final class ShutdownWatch implements AutoCloseable {
    static final int GRACE_SECONDS = 10;
    static final String REASON = "SIGINT or SIGTERM: nlwb is shutting down";

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    private ShutdownWatch() {
        hook = new Thread(this::hold, "nlwb-send-report");
    }

    static ShutdownWatch start() {
        ShutdownWatch w = new ShutdownWatch();
        try {
            Runtime.getRuntime().addShutdownHook(w.hook);
        } catch (IllegalStateException e) {
            w.signalled = true; // already shutting down
        }
        return w;
    }

    /** Whether the JVM is shutting down (a signal, or System.exit elsewhere). */
    boolean signalled() {
        return signalled;
    }

    private void hold() {
        signalled = true;
        try {
            reported.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The report is out: the JVM may exit. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook returns now that the latch is open
        }
    }
}
