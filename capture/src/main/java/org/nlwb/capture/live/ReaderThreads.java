package org.nlwb.capture.live;

/** How a live source's reader thread is started and awaited. */
final class ReaderThreads {
    /** Long enough for a reader to notice {@code stopping} at its next poll timeout. */
    private static final long JOIN_MILLIS = 5000;

    private ReaderThreads() {
    }

    /** A started daemon thread named {@code name} running {@code body}. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits for {@code reader} to end, unless it is the calling thread (a source stopped from its own
     * listener). Returns false when there was no reader to wait for.
     */
    static boolean awaitEnd(Thread reader) {
        if (reader == null) {
            return false;
        }
        if (reader != Thread.currentThread()) {
            try {
                reader.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }
}
