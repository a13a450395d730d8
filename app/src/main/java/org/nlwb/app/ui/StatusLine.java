package org.nlwb.app.ui;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.nlwb.decoder.model.Capture;

/**
 * The status bar as it speaks of the current tab: at the left what the tab holds
 * ({@code title (format): N records, M messages, K diagnostics}), at the right how many of its
 * messages the filter shows. Both follow tab switches, filtering, a diagnostics scan and, while a
 * live capture grows, every batch it receives; a task's own words (opening, exporting) stand at
 * the left until the next such change.
 */
final class StatusLine {
    private final TaskRunner tasks;
    private final TabPane tabs;

    StatusLine(TaskRunner tasks, TabPane tabs) {
        this.tasks = tasks;
        this.tabs = tabs;
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> showCurrent());
    }

    /** Follows {@code tab}'s counts from now on (while it is the current tab). */
    void watch(CaptureTab tab) {
        InvalidationListener counts = (Observable o) -> {
            if (current() == tab) {
                countsChanged();
            }
        };
        // change listeners: an invalidation listener on a property no one reads fires once only
        tab.list().shownCountProperty().addListener((o, was, now) -> counts.invalidated(o));
        tab.list().totalProperty().addListener((o, was, now) -> counts.invalidated(o));
        tab.list().completeProperty().addListener((o, was, now) -> counts.invalidated(o));
        tab.diagnostics().issues().addListener(counts);
    }

    /**
     * Counts changed (rows shown, messages indexed, diagnostics found): the right part follows; the
     * left too, unless it says how a task ended other than done (cancelled, failed), which the
     * diagnostics scan or a cancelled filter's rows put back must not wipe out.
     */
    private void countsChanged() {
        String left = tasks.status();
        if (left == null || left.equals(lastDescribed) || left.endsWith(": done") || left.equals("Ready")) {
            showCurrent();
        } else {
            showCounts();
        }
    }

    /** The left part as {@link #showCurrent} last wrote it. */
    private String lastDescribed;

    /** Both parts for the current tab (none: the right part empty, the left as it was). */
    void showCurrent() {
        CaptureTab t = current();
        if (t == null) {
            tasks.info().setText("");
            return;
        }
        lastDescribed = describe(t);
        tasks.setStatus(lastDescribed);
        tasks.info().setText(shown(t));
    }

    /** The right part only (after a filter, whose task leaves its own words at the left). */
    void showCounts() {
        CaptureTab t = current();
        tasks.info().setText(t == null ? "" : shown(t));
    }

    static String describe(CaptureTab t) {
        Capture c = t.document().capture();
        int diagnostics = t.diagnostics().issues().size();
        if (!t.list().completeProperty().get()) {
            // the counts would wait for the indexer: say how far it got instead
            return t.document().title() + " (" + c.format() + "): indexing, " + plural(t.list().totalProperty().get(),
                    "message") + " so far";
        }
        return t.document().title() + " (" + c.format() + "): " + plural(c.recordCount(), "record") + ", "
                + plural(t.list().totalProperty().get(), "message") + ", " + plural(diagnostics, "diagnostic");
    }

    static String shown(CaptureTab t) {
        return grouped(t.list().rows().size()) + " of " + plural(t.list().totalProperty().get(), "message") + " shown · "
                + t.document().capture().format();
    }

    private static String plural(int n, String what) {
        return grouped(n) + " " + what + (n == 1 ? "" : "s");
    }

    /** {@code 1,000,000}: the task messages beside these counts group their digits the same way. */
    private static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private CaptureTab current() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof CaptureTab c ? c : null;
    }
}
