package org.nlwb.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.app.ui.model.RowDecodes;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.filter.MessageRole;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * The message list. A virtualised table of {@link MessageRef}s: number, time, Δt, direction,
 * pid, protocol and seq/len come from the header bytes; type name, flags names, the summary and a
 * malformed row's colour need a decode, which is made off the FX thread for the rows drawn
 * ({@link RowDecodes}): such a cell is blank until its message comes, then drawn again. Sizing
 * the columns decodes on the FX thread (the rows it looks at were decoded ahead). Rows are
 * coloured by {@link RowCategory} with the user's rules.
 *
 * <p>The table holds a {@link RowWindow} of the shown rows, not all of them (a million rows made
 * every layout walk a million sizes): its items are that window, so its indices are the window's.
 * Everything that means a row of the list goes through {@link #selectRow}, {@link #scrollToRow},
 * {@link #selectedRow}, {@link #rowCount} and {@link #selectedMessageProperty}; selected items and
 * cells are the list's own refs either way. A list longer than the window gets an overview bar
 * over all of it beside the table ({@link #view()}), and the window moves under the rows on
 * screen as they near its edge, the selection kept.
 */
public final class MessageTable extends TableView<MessageRef> {
    /** Row height in pixels: 13 px text with its underscores (21 cuts them off), 15 rows and more at 1400×900. */
    public static final double ROW_HEIGHT = 22;
    /** How many messages sizing the columns looks at (each needs a decode). */
    static final int FIT_SAMPLE = 500;
    private static final double MAX_NARROW = 140;
    private static final double MAX_TYPE = 300;
    private static final double MAX_FLAGS = 220;
    private static final double MAX_SUMMARY = 1200;

    /** The columns whose text needs the decoded message. */
    private static final java.util.Set<String> DECODED = java.util.Set.of("Type", "Flags", "Summary");

    private final CaptureDocument doc;
    private final RowDecodes rowDecodes;
    /** The rows held and what means a list row: the table holds a window of a long list. */
    private final TableWindow rows;
    private BorderPane view;
    /** Set while the columns are sized: the texts then decode at once (the rows drawn never do). */
    private boolean fitting;
    private final Supplier<Map<RowCategory, Color>> colours;
    private final List<Function<MessageRef, String>> texts = new ArrayList<>();
    private final List<Double> maxWidths = new ArrayList<>();

    public MessageTable(MessageListModel model, Supplier<Map<RowCategory, Color>> colours) {
        this.doc = model.document();
        this.rowDecodes = new RowDecodes(doc, javafx.application.Platform::runLater);
        // another filter's rows are another list: the window follows it (a million rows are never "removed")
        rows = new TableWindow(this, ROW_HEIGHT, model.rowsProperty().get());
        model.rowsProperty().addListener((o, was, now) -> rows.showRows(now));
        model.shownCountProperty().addListener((o, was, n) -> rows.syncOverview());
        // Home and End mean the list's ends, not the window's (with Shift the range stays within the window)
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (rowCount() <= RowWindow.CAPACITY || e.isShiftDown()
                    || e.getCode() != KeyCode.HOME && e.getCode() != KeyCode.END) {
                return;
            }
            e.consume();
            int row = e.getCode() == KeyCode.HOME ? 0 : rowCount() - 1;
            selectRow(row);
            scrollToRow(row);
        });
        this.colours = colours;
        getStyleClass().add("message-table");
        setFixedCellSize(ROW_HEIGHT);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Numbered from 0, as nlwb decode prints them (#0) and JSON's index counts them.
        add("#", r -> Integer.toString(r.index()), MAX_NARROW, null);
        add("Time", this::time, MAX_NARROW, null);
        add("Δt", this::delta, MAX_NARROW, null);
        add("Direction", r -> MessageRole.of(r).label(), MAX_NARROW, null);
        add("PID", r -> r.record().pid() < 0 ? "" : Integer.toString(r.record().pid()), MAX_NARROW, null);
        add("Protocol", r -> r.record().protocol() == Protocol.UNKNOWN ? ""
                : Protocol.shortName(r.record().protocol()), MAX_NARROW, null);
        // Long names (udev_monitor_netlink..., NL80211_CMD_...) elide in the middle, whole in the tooltip.
        add("Type", r -> withDecoded(r, TypeLabel::of), MAX_TYPE, OverrunStyle.CENTER_ELLIPSIS);
        add("Flags", this::flags, MAX_FLAGS, OverrunStyle.CENTER_ELLIPSIS);
        add("Seq", r -> r.hasHeader() ? Long.toString(r.seq()) : "", MAX_NARROW, null);
        add("Len", r -> Integer.toString(r.length()), MAX_NARROW, null);
        add("Summary", r -> withDecoded(r, TypeLabel::summary), MAX_SUMMARY, OverrunStyle.ELLIPSIS);
        getColumns().get(getColumns().size() - 1).getStyleClass().add("summary-column");
        setRowFactory(t -> new CategoryRow());
        // Several rows can be selected for "Export selected"; the panes show the last one clicked.
        getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No messages (the filter keeps none, or the file holds none)"));
        fitColumns();
    }

    /** The table with the overview bar beside it: what goes into a window (the bar shows only for a long list). */
    public Region view() {
        if (view == null) {
            view = new BorderPane(this);
            view.setRight(rows.overview());
            view.getStyleClass().add("message-list");
        }
        return view;
    }

    /** The shown rows, all of them (the table holds a window of them). */
    public int rowCount() {
        return rows.rowCount();
    }

    /** The list's row selected last (the focused one of several), or -1. */
    public int selectedRow() {
        return rows.selectedRow();
    }

    /**
     * The message selected last, as the selection model's selected item but for the window's
     * moves: the same message selected again in another window is no change.
     */
    public ReadOnlyObjectProperty<MessageRef> selectedMessageProperty() {
        return rows.selectedMessageProperty();
    }

    /** Selects list row {@code row} alone, moving the window to it when it is not held. */
    public void selectRow(int row) {
        rows.selectRow(row);
    }

    /**
     * Selects the row {@code delta} rows after the selected one (before it when negative; the
     * first when none is), within the list, scrolled to when it is not on screen.
     */
    public void step(int delta) {
        rows.step(delta);
    }

    /** Scrolls so that list row {@code row} is the first on screen (or as near as the list's end allows). */
    public void scrollToRow(int row) {
        rows.scrollToRow(row);
    }

    /** The list row first on screen (0 before the table is laid out). */
    public int firstRowOnScreen() {
        return rows.firstRowOnScreen();
    }

    /** How many rows the table has room for on screen (at least 1). */
    public int rowsOnScreen() {
        return rows.rowsOnScreen();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        WindowedSkin skin = new WindowedSkin(this);
        rows.follow(skin.flow());
        return skin;
    }

    /** The table's skin, handing out its flow (whose scroll position the window follows). */
    private static final class WindowedSkin extends TableViewSkin<MessageRef> {
        WindowedSkin(MessageTable table) {
            super(table);
        }

        VirtualFlow<?> flow() {
            return getVirtualFlow();
        }
    }

    /**
     * Sizes every column to its header and the longest text of the first {@link #FIT_SAMPLE}
     * shown messages (View ▸ Size Columns to Content; also done on opening), each within its
     * column's bound; a double click on a header's edge does the same for one column.
     */
    public void fitColumns() {
        fitColumns(FIT_SAMPLE);
    }

    /**
     * As {@link #fitColumns()} over the first {@code rows} shown messages: a file's first rows are
     * sized by the rows decoded ahead of them, so sizing decodes nothing more on the FX thread.
     */
    public void fitColumns(int rows) {
        fitting = true;
        try {
            fitSample(rows);
        } finally {
            fitting = false;
        }
    }

    private void fitSample(int rows) {
        ColumnFit fit = new ColumnFit();
        // made once for every column: the rows make their refs on demand, each time they are asked
        List<MessageRef> sample = List.copyOf(getItems().subList(0, Math.min(rows, getItems().size())));
        for (int i = 0; i < getColumns().size(); i++) {
            TableColumn<MessageRef, ?> c = getColumns().get(i);
            double w = fit.fit(c.getText(), sample, texts.get(i), maxWidths.get(i));
            String later = widestLater(c.getText());
            c.setPrefWidth(later == null ? w : Math.min(maxWidths.get(i), Math.max(w, fit.width(later) + ColumnFit.PADDING)));
        }
    }

    /**
     * The widest text a later row of a column whose texts grow down the list may have, beyond the
     * rows sized by: the last message's number and time (a file still being indexed: seven digits
     * and hours). The first rows of a million messages would size "#" for two digits and
     * elide every number past 99. Null for the other columns.
     */
    private String widestLater(String column) {
        boolean opening = doc.capture().opening();
        int last = opening ? -1 : doc.messageCount() - 1;
        return switch (column) {
            case "#" -> opening ? "9999999" : Integer.toString(Math.max(0, last));
            case "Time" -> opening ? "9999.999999" : last < 0 ? null : time(doc.message(last));
            default -> null;
        };
    }

    /**
     * Widens the columns whose texts outgrew them in {@code added} (a live capture fills a list
     * that was empty when it was sized); never narrows what a person set.
     */
    public void growColumns(List<MessageRef> added) {
        if (added.isEmpty() || getItems().size() - added.size() >= FIT_SAMPLE) {
            return;
        }
        ColumnFit fit = new ColumnFit();
        fitting = true;
        try {
            for (int i = 0; i < getColumns().size(); i++) {
                TableColumn<MessageRef, ?> c = getColumns().get(i);
                double w = fit.fit(c.getText(), added, texts.get(i), maxWidths.get(i));
                if (w > c.getWidth()) {
                    c.setPrefWidth(w);
                }
            }
        } finally {
            fitting = false;
        }
    }

    /** The rows' decodes (off the FX thread): cleared when the decoder changes. */
    public RowDecodes rowDecodes() {
        return rowDecodes;
    }

    /** Draws every row again with what the decoder now says (FX thread). */
    @Override
    public void refresh() {
        rowDecodes.clear();
        super.refresh();
    }

    /** {@code text} of {@code r}'s decoded message, or "" until it has come. */
    private String withDecoded(MessageRef r, Function<DecodedMessage, String> text) {
        DecodedMessage d = decoded(r);
        return d == null ? "" : text.apply(d);
    }

    /** The decoded message, or null while a drawn row waits for it. */
    private DecodedMessage decoded(MessageRef r) {
        return fitting ? doc.decoded(r.index()) : rowDecodes.ready(r.index());
    }

    private String flags(MessageRef r) {
        if (!r.hasHeader()) {
            return "";
        }
        DecodedMessage d = decoded(r);
        return d == null ? "" : NlFlags.describe(r.flags(), NlFlags.kindOfName(d.typeName()));
    }

    private String time(MessageRef r) {
        long t = r.record().timeNanos();
        long t0 = doc.firstTime();
        if (t < 0 || t0 < 0) {
            return "";
        }
        return String.format("%.6f", (t - t0) / 1e9);
    }

    private String delta(MessageRef r) {
        if (r.index() == 0) {
            return time(r).isEmpty() ? "" : "0.000000";
        }
        Record prev = doc.message(r.index() - 1).record();
        long t = r.record().timeNanos();
        if (t < 0 || prev.timeNanos() < 0) {
            return "";
        }
        return String.format("%.6f", (t - prev.timeNanos()) / 1e9);
    }

    private void add(String title, Function<MessageRef, String> text, double maxWidth, OverrunStyle overrun) {
        TableColumn<MessageRef, MessageRef> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> new TextCell(text, overrun, DECODED.contains(title)));
        getColumns().add(c);
        texts.add(text);
        maxWidths.add(maxWidth);
    }

    /** A cell of one column's text; where the text may be cut, the whole of it is the tooltip. */
    private final class TextCell extends TableCell<MessageRef, MessageRef> {
        private final Function<MessageRef, String> text;
        private final Tooltip tip;
        /** Drawn again when decodes arrive (weakly: cells made again by a refresh go). */
        private final javafx.beans.InvalidationListener redraw = o -> redraw();

        /** Whether the text needs the decoded message (only such a cell waits for one). */
        private final boolean decodes;

        TextCell(Function<MessageRef, String> text, OverrunStyle overrun, boolean decodes) {
            this.text = text;
            this.decodes = decodes;
            this.tip = overrun == null ? null : new Tooltip();
            if (overrun != null) {
                setTextOverrun(overrun);
            }
            rowDecodes.arrivedProperty().addListener(new javafx.beans.WeakInvalidationListener(redraw));
        }

        @Override
        protected void updateItem(MessageRef r, boolean empty) {
            super.updateItem(r, empty);
            show(empty || r == null ? null : text.apply(r));
        }

        private void redraw() {
            MessageRef r = getItem();
            if (decodes && r != null && !isEmpty() && (getText() == null || getText().isEmpty())) {
                show(text.apply(r));
            }
        }

        private void show(String s) {
            setText(s);
            if (tip != null) {
                tip.setText(s);
                setTooltip(s == null || s.isEmpty() ? null : tip);
            }
        }
    }

    private final class CategoryRow extends TableRow<MessageRef> {
        /** Painted without its decoded message (a malformed one is coloured once it comes). */
        private boolean waiting;
        /** The row's {@code cat-} style class now, or null. */
        private String shownCategory;
        private final javafx.beans.InvalidationListener redraw = o -> {
            if (waiting && !isEmpty()) {
                paint(getItem());
            }
        };

        CategoryRow() {
            selectedProperty().addListener((o, was, sel) -> paint(getItem()));
            rowDecodes.arrivedProperty().addListener(new javafx.beans.WeakInvalidationListener(redraw));
        }

        @Override
        protected void updateItem(MessageRef r, boolean empty) {
            super.updateItem(r, empty);
            paint(empty ? null : r);
        }

        private void paint(MessageRef r) {
            if (r == null) {
                waiting = false;
                restyle(null, null);
                return;
            }
            DecodedMessage d = decoded(r);
            waiting = d == null;
            RowCategory cat = RowCategory.of(r, d);
            Color c = cat == null ? null : colours.get().get(cat);
            restyle(cat, c == null || isSelected() ? null : "-fx-background-color: " + WebColour.of(c) + ";"
                    + "-fx-text-background-color: " + (c.getBrightness() > 0.6 ? "#1a1a1a" : "#f0f0f0") + ";");
        }

        /**
         * Sets the row's category class and style only where they change: either change has the
         * row and its dozen cells styled again, and a row reused for the next message is most often
         * of the same category.
         */
        private void restyle(RowCategory cat, String style) {
            String wanted = cat == null ? null : "cat-" + cat.name().toLowerCase(java.util.Locale.ROOT);
            if (!java.util.Objects.equals(wanted, shownCategory)) {
                getStyleClass().removeIf(s -> s.startsWith("cat-"));
                if (wanted != null) {
                    getStyleClass().add(wanted);
                }
                shownCategory = wanted;
            }
            if (!java.util.Objects.equals(style, getStyle()) && !(style == null && getStyle().isEmpty())) {
                setStyle(style);
            }
        }
    }
}
