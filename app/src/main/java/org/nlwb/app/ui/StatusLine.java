package org.nlwb.app.ui;

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
                showCurrent();
            }
        };
        tab.list().rows().addListener(counts);
        tab.list().totalProperty().addListener(counts);
        tab.diagnostics().issues().addListener(counts);
    }

    /** Both parts for the current tab (none: the right part empty, the left as it was). */
    void showCurrent() {
        CaptureTab t = current();
        if (t == null) {
            tasks.info().setText("");
            return;
        }
        tasks.setStatus(describe(t));
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
        return t.document().title() + " (" + c.format() + "): " + plural(c.recordCount(), "record") + ", "
                + plural(c.messageCount(), "message") + ", " + plural(diagnostics, "diagnostic");
    }

    static String shown(CaptureTab t) {
        return t.list().rows().size() + " of " + plural(t.document().messageCount(), "message") + " shown · "
                + t.document().capture().format();
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private CaptureTab current() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof CaptureTab c ? c : null;
    }
}
