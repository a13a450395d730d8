package org.nlwb.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;

/**
 * The diagnostics scan of one capture, without JavaFX: every message decoded (uncached) and its
 * malformed and unknown nodes listed, in chunks, how far it got and what it found handed on
 * together in one {@link Tick} at most every quarter second (one hand-over to the FX thread a
 * tick, whatever the capture's size), pausing between chunks while {@code pause} says the window has
 * foreground work (a filter) that needs the processors. Follows a capture still being indexed.
 *
 * <p>The ticks' issues are those of messages in capture order; {@link #run} returns what stands
 * before them (the line about undecoded messages, the reader's diagnostics) and after them (how
 * many were not listed), known only at the end.
 */
public final class DiagnosticsScan {
    /** Messages between two looks at {@code cancelled} and {@code pause}: a few milliseconds of work, so a pause is soon heeded. */
    static final int CHUNK = 128;
    private static final long BATCH_NANOS = 250_000_000L;

    /** What the whole scan adds around the ticks' issues. */
    public record Frame(List<Issue> head, List<Issue> tail, int messages) {
    }

    /** The messages looked at so far, and the issues found since the last tick (often none). */
    public record Tick(int looked, List<Issue> found) {
    }

    private final CaptureDocument document;
    private final BooleanSupplier cancelled;
    private final BooleanSupplier pause;

    DiagnosticsScan(CaptureDocument document, BooleanSupplier cancelled, BooleanSupplier pause) {
        this.document = document;
        this.cancelled = cancelled;
        this.pause = pause;
    }

    /** Scans; {@code ticks} gets how far it got and the message issues in order. Null when cancelled. */
    Frame run(Consumer<Tick> ticks) throws InterruptedException {
        Capture c = document.capture();
        List<Issue> batch = new ArrayList<>();
        // a file still being indexed has its reader diagnostics only at the end: not waited for here
        List<Diagnostic> read = c.opening() ? null : c.diagnostics();
        int listed = read == null ? 0 : read.size();
        int skipped = 0;
        int undecoded = 0;
        int i = 0;
        long last = System.nanoTime();
        while (c.hasMessage(i)) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            while (pause.getAsBoolean() && !cancelled.getAsBoolean()) {
                Thread.sleep(20);
            }
            for (int end = i + CHUNK; i < end && c.hasMessage(i); i++) {
                DecodedMessage m = document.decodeUncached(i);
                if (DiagnosticsModel.undecoded(m)) {
                    undecoded++;
                }
                for (Node n : DiagnosticsModel.problems(m.tree())) {
                    if (listed < DiagnosticsModel.MAX_ISSUES) {
                        batch.add(Issue.of(i, n));
                        listed++;
                    } else {
                        skipped++;
                    }
                }
            }
            long now = System.nanoTime();
            if (now - last >= BATCH_NANOS) {
                last = now;
                ticks.accept(new Tick(i, batch));
                batch = new ArrayList<>();
            }
            Thread.yield();
        }
        ticks.accept(new Tick(i, batch));
        List<Issue> head = new ArrayList<>();
        if (undecoded > 0) {
            head.add(DiagnosticsModel.undecodedIssue(undecoded, i));
        }
        for (Diagnostic d : read != null ? read : c.diagnostics()) {
            head.add(Issue.of(d));
        }
        List<Issue> tail = skipped == 0 ? List.of() : List.of(new Issue(Diagnostic.Severity.INFO, -1, null, 0, 0,
                document.title(), skipped + " more malformed or unknown items not listed"));
        return new Frame(head, tail, i);
    }
}
