package org.nlwb.app.ui;

import javafx.application.Platform;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.app.ui.view.MessageTable;

/**
 * Keeps the selected message selected when the list's rows are replaced: a running filter's first
 * rows, its later parts, Cancel putting the rows back. A table clears its selection when its items
 * are replaced; here the message selected last is selected again as soon as it is among the rows
 * shown (scrolled to when the rows were replaced, not when rows only grew, so a person scrolling
 * elsewhere meanwhile is not pulled back). FX thread.
 */
final class KeptSelection {
    private final MessageTable table;
    private final MessageListModel list;
    /** The message selected last, or -1. */
    private int index = -1;

    private KeptSelection(MessageTable table, MessageListModel list) {
        this.table = table;
        this.list = list;
    }

    static void keep(MessageTable table, MessageListModel list) {
        KeptSelection k = new KeptSelection(table, list);
        table.selectedMessageProperty().addListener((o, was, ref) -> {
            if (ref != null) {
                k.index = ref.index();
            }
        });
        // after the change has reached the table, which clears the selection on its own listener
        list.rowsProperty().addListener((o, was, now) -> Platform.runLater(() -> k.restore(true)));
        list.shownCountProperty().addListener((o, was, now) -> {
            if (k.index >= 0 && table.selectedRow() < 0) {
                Platform.runLater(() -> k.restore(false));
            }
        });
    }

    private void restore(boolean scroll) {
        if (index < 0 || table.selectedRow() >= 0) {
            return;
        }
        int row = list.rowOf(index);
        if (row < 0 || row >= table.rowCount()) {
            return;
        }
        table.selectRow(row);
        if (scroll) {
            table.scrollToRow(Math.max(0, row - 3));
        }
    }
}
