package org.nlwb.app.ui.view;

import java.util.Objects;
import java.util.RandomAccess;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.WeakListChangeListener;
import org.nlwb.decoder.model.MessageRef;

/**
 * The rows of a {@link RowWindow} of a shown list, as the message table's items: row {@code i}
 * here is row {@code base + i} there, made on demand as the list makes it. The list only grows
 * (the model's rows never lose one); while the window has room it takes the new rows in and
 * announces them as added, else it stays as it is. A window never moves: the table is given
 * another one (its selection kept by the table, not by this list). FX thread.
 */
final class WindowRows extends ObservableListBase<MessageRef> implements RandomAccess {
    private final ObservableList<MessageRef> rows;
    private RowWindow window;
    /** Held so the weak listener lives as long as this list (a replaced window is collected with its listener). */
    private final ListChangeListener<MessageRef> grow = c -> grown();

    WindowRows(ObservableList<MessageRef> rows, RowWindow window) {
        this.rows = Objects.requireNonNull(rows);
        this.window = window;
        rows.addListener(new WeakListChangeListener<>(grow));
    }

    /** The window this list shows now (it grows with the rows while it has room). */
    RowWindow window() {
        return window;
    }

    /** The shown list this is a window of. */
    ObservableList<MessageRef> rows() {
        return rows;
    }

    @Override
    public MessageRef get(int i) {
        Objects.checkIndex(i, window.size());
        return rows.get(window.base() + i);
    }

    @Override
    public int size() {
        return window.size();
    }

    private void grown() {
        if (rows.size() <= window.total()) {
            return;
        }
        RowWindow was = window;
        window = was.grownTo(rows.size());
        if (window.size() > was.size()) {
            beginChange();
            nextAdd(was.size(), window.size());
            endChange();
        }
    }
}
