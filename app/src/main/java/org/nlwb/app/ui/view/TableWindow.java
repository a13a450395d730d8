package org.nlwb.app.ui.view;

import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.nlwb.decoder.model.MessageRef;

/**
 * The message table's rows as a {@link RowWindow} of the shown list, and everything that means a
 * list row rather than a table index: selecting and scrolling to a row, the row selected, the
 * rows on screen, the overview bar over the whole list. The window moves when the table has
 * scrolled near its edge ({@link #follow}) or a row it does not hold is asked for; the selection
 * and focus move with it, and a selection it no longer holds is kept aside and selected again
 * when a window holds it (the message stays {@linkplain #selectedMessageProperty selected}
 * meanwhile). FX thread.
 */
final class TableWindow {
    private final TableView<MessageRef> table;
    private final double rowHeight;
    /** Beside the table while the list is longer than the window: the whole list, its thumb the rows on screen. */
    private final ScrollBar overview = new ScrollBar();
    /** The rows held, a window of the model's shown rows (replaced when the window moves or the rows are). */
    private WindowRows window;
    /** The table's flow once it has a skin, else null. */
    private VirtualFlow<?> flow;
    /** Set while the window moves or the overview is set from the table: their own changes are not a person's. */
    private boolean moving;
    private boolean followQueued;
    /**
     * The list rows selected when the window moved away from them (the last is the selected one),
     * selected again when it holds them again; null while the table holds its selection.
     */
    private int[] keptRows;
    /** The message selected last (the list's row, not the window's), unchanged while the window moves under it. */
    private final ReadOnlyObjectWrapper<MessageRef> selectedMessage = new ReadOnlyObjectWrapper<>(this, "selectedMessage");

    TableWindow(TableView<MessageRef> table, double rowHeight, ObservableList<MessageRef> rows) {
        this.table = table;
        this.rowHeight = rowHeight;
        showRows(rows);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, ref) -> {
            if (!moving) {
                keptRows = null;
                selectedMessage.set(ref);
            }
        });
        overview.setOrientation(Orientation.VERTICAL);
        overview.getStyleClass().add("message-overview");
        overview.managedProperty().bind(overview.visibleProperty());
        overview.valueProperty().addListener((o, was, top) -> {
            if (!moving) {
                showTop((int) Math.round(top.doubleValue()));
            }
        });
    }

    /** The bar to lay out beside the table (it hides itself while the window is the whole list). */
    ScrollBar overview() {
        return overview;
    }

    /** Follows {@code f}, the table's flow: its scroll moves the overview, and the window near its edge. */
    void follow(VirtualFlow<?> f) {
        flow = f;
        f.positionProperty().addListener((o, was, now) -> followScroll());
        f.heightProperty().addListener((o, was, now) -> syncOverview()); // the rows on screen are the thumb
    }

    /** The shown rows, all of them (the table holds a window of them). */
    int rowCount() {
        return window.rows().size();
    }

    /** The list's row selected last (the focused one of several), or -1. */
    int selectedRow() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            return window.window().base() + i;
        }
        return keptRows == null || keptRows.length == 0 ? -1 : keptRows[keptRows.length - 1];
    }

    /**
     * The message selected last, as the selection model's selected item but for the window's
     * moves: the same message selected again in another window is no change.
     */
    ReadOnlyObjectProperty<MessageRef> selectedMessageProperty() {
        return selectedMessage.getReadOnlyProperty();
    }

    /** Selects list row {@code row} alone, moving the window to it when it is not held. */
    void selectRow(int row) {
        java.util.Objects.checkIndex(row, rowCount());
        RowWindow w = window.window();
        if (!w.holds(row) || w.nearEdge(row, row)) {
            move(RowWindow.around(row, rowCount()), row);
        }
        table.getSelectionModel().clearAndSelect(row - window.window().base());
    }

    /**
     * Selects the row {@code delta} rows after the selected one (before it when negative; the
     * first when none is), within the list, scrolled to when it is not on screen.
     */
    void step(int delta) {
        if (rowCount() == 0) {
            return;
        }
        int from = selectedRow();
        int row = from < 0 ? 0 : Math.max(0, Math.min(rowCount() - 1, from + delta));
        selectRow(row);
        int first = firstRowOnScreen();
        if (row < first || row >= first + visibleRows() - 1) {
            scrollToRow(Math.max(0, row - visibleRows() / 2));
        }
    }

    /** Scrolls so that list row {@code row} is the first on screen (or as near as the list's end allows). */
    void scrollToRow(int row) {
        showTop(Math.max(0, Math.min(row, rowCount() - 1)));
    }

    /** Holds the first rows of {@code rows}, the model's shown rows now (another filter's: nothing is kept). */
    void showRows(ObservableList<MessageRef> rows) {
        keptRows = null;
        window = new WindowRows(rows, RowWindow.first(rows.size()));
        table.setItems(window);
        syncOverview();
    }

    /** The table's rows {@code top} and on: within the window, else the window moved there first. */
    private void showTop(int top) {
        RowWindow w = window.window();
        int last = top + visibleRows();
        if (!w.holds(top) || w.nearEdge(top, last)) {
            move(RowWindow.around(top, rowCount()), top);
        } else {
            table.scrollTo(top - w.base());
        }
    }

    /**
     * Holds window {@code w} instead and shows list row {@code top} first. The selection and focus
     * stay where the window still holds them; rows it no longer holds are kept aside (the panes go
     * on showing the message) and selected again when a later window holds them.
     */
    private void move(RowWindow w, int top) {
        RowWindow was = window.window();
        if (w.equals(was)) {
            table.scrollTo(top - w.base());
            return;
        }
        int focused = table.getFocusModel().getFocusedIndex();
        int focusedRow = focused < 0 || keptRows != null ? -1 : was.base() + focused;
        int[] rows = keptRows;
        if (rows == null) {
            int selected = table.getSelectionModel().getSelectedIndex();
            IntStream others = table.getSelectionModel().getSelectedIndices().stream()
                    .mapToInt(Integer::intValue).filter(i -> i != selected);
            rows = IntStream.concat(others, selected < 0 ? IntStream.empty() : IntStream.of(selected))
                    .map(i -> was.base() + i).toArray();
        }
        moving = true;
        try {
            window = new WindowRows(window.rows(), w);
            table.setItems(window); // the selection goes with the old items
            boolean held = rows.length > 0 && w.holds(rows[rows.length - 1]);
            for (int r : rows) {
                if (w.holds(r)) {
                    table.getSelectionModel().select(r - w.base()); // the selected one last: it stays the selected index
                }
            }
            keptRows = rows.length == 0 || held ? null : rows;
            if (w.holds(focusedRow)) {
                table.getFocusModel().focus(focusedRow - w.base());
            }
            table.scrollTo(top - w.base());
        } finally {
            moving = false;
        }
        MessageRef now = table.getSelectionModel().getSelectedItem();
        if (keptRows == null && !java.util.Objects.equals(now, selectedMessage.get())) {
            selectedMessage.set(now);
        }
        syncOverview();
    }

    /** The list row first on screen (0 before the table is laid out). */
    int firstRowOnScreen() {
        return window.window().base() + firstOnScreen();
    }

    /** How many rows the table has room for on screen (at least 1). */
    int rowsOnScreen() {
        return visibleRows();
    }

    /** Rows the table has room for on screen. */
    private int visibleRows() {
        return Math.max(1, (int) ((flow == null ? table.getHeight() : flow.getHeight()) / rowHeight));
    }

    /**
     * The flow's first row on screen, as the window's row (0 before the table has a skin): from its
     * scroll position, which is current at once (its cells lag a layout).
     */
    private int firstOnScreen() {
        if (flow == null) {
            return 0;
        }
        double content = window.size() * rowHeight - flow.getHeight();
        return content <= 0 ? 0 : (int) Math.floor(flow.getPosition() * content / rowHeight);
    }

    /** After the table scrolled: the overview follows, and the window moves when the screen nears its edge. */
    private void followScroll() {
        if (moving || followQueued) {
            return;
        }
        followQueued = true;
        javafx.application.Platform.runLater(() -> {
            followQueued = false;
            RowWindow w = window.window();
            int first = w.base() + firstOnScreen();
            if (w.nearEdge(first, first + visibleRows())) {
                move(RowWindow.around(first, rowCount()), first);
            } else {
                syncOverview();
            }
        });
    }

    /** The overview bar over the whole list, its thumb where the table's rows are; hidden when the window is the list. */
    void syncOverview() {
        boolean windowed = rowCount() > RowWindow.CAPACITY;
        overview.setVisible(windowed);
        if (windowed != table.getStyleClass().contains("windowed")) {
            if (windowed) {
                table.getStyleClass().add("windowed");
            } else {
                table.getStyleClass().remove("windowed");
            }
        }
        if (!windowed) {
            return;
        }
        int visible = visibleRows();
        boolean was = moving;
        moving = true;
        try {
            overview.setMax(Math.max(0, rowCount() - visible));
            overview.setVisibleAmount(Math.max(1, Math.min(visible, rowCount())));
            overview.setBlockIncrement(visible);
            overview.setUnitIncrement(1);
            overview.setValue(Math.min(overview.getMax(), firstRowOnScreen()));
        } finally {
            moving = was;
        }
    }
}
