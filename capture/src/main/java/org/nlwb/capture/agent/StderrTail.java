package org.nlwb.capture.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's stderr on a thread of its own, keeping its last 8 KB: what {@code unshare} or
 * the agent's JVM said goes into the error messages.
 */
final class StderrTail {
    private static final int KEEP = 8192;

    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    StderrTail(InputStream err, String name) {
        reader = new Thread(() -> readAll(err), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(InputStream err) {
        try (err) {
            byte[] b = new byte[1024];
            int n;
            while ((n = err.read(b)) > 0) {
                synchronized (text) {
                    text.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    if (text.length() > KEEP) {
                        text.delete(0, text.length() - KEEP);
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** Waits up to {@code millis} for the end of the stream (the child exited), then the text. */
    String awaitEnd(long millis) {
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text();
    }

    /** What was read so far, stripped. */
    String text() {
        synchronized (text) {
            return text.toString().strip();
        }
    }

    /** {@code ": <text>"} for a message, or nothing when the child said nothing. */
    String note() {
        String s = text();
        return s.isEmpty() ? "" : ": " + s;
    }
}
