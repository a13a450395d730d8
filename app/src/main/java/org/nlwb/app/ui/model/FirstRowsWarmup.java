package org.nlwb.app.ui.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decodes the first rows of a document into its tree cache off the FX thread, while the window
 * builds the tab that shows them: the first decodes of a run are the slow ones (classes loaded,
 * specs parsed on first use), and the table's cells then find those rows decoded. A cell that asks
 * for a row before it is done decodes it itself (the cache is thread-safe; a row decoded twice is
 * the same tree). Looks only at messages already indexed: never waits for the rest of the file.
 */
public final class FirstRowsWarmup {
    /** Rows decoded ahead: a full-screen table's rows, with the next screen's. */
    public static final int ROWS = 96;

    private FirstRowsWarmup() {
    }

    /**
     * Starts decoding the first {@code rows} messages of {@code doc} on {@code executor}; the
     * future ends with how many were decoded (fewer when the capture has fewer, so far).
     */
    public static CompletableFuture<Integer> start(CaptureDocument doc, int rows, Executor executor) {
        return CompletableFuture.supplyAsync(() -> decodeFirst(doc, rows), executor);
    }

    /** Decodes the first {@code rows} messages of {@code doc} into its cache, on the calling thread. */
    public static int decodeFirst(CaptureDocument doc, int rows) {
        int n = 0;
        while (n < rows && doc.capture().hasMessage(n)) {
            doc.decoded(n);
            n++;
        }
        return n;
    }
}
