package org.nlwb.app.ui.view;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.nlwb.app.ui.export.NodeFormats;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The decoded tree: {@code name | value | offset | length}, with malformed / unknown / padding /
 * trailing nodes marked (a coloured glyph and row style; the legend below says which is which),
 * notes as tooltips, and the copy / apply-as-filter context menu. Follows and drives the
 * {@link MessageViewModel}'s selected node.
 */
public final class TreePane extends BorderPane {
    private final MessageViewModel vm;
    private final TreeTableView<Node> table = new TreeTableView<>();
    /** The shown tree's items by node (handed over with its {@link PreparedTree}). */
    private Map<Node, TreeItem<Node>> items = Map.of();
    /** The shown tree, and the one prepared for the next message shown (null: made when shown). */
    private PreparedTree shown;
    private PreparedTree next;
    /** Widths of names measured (names repeat from message to message; FX thread). */
    private final Map<String, Double> nameWidths = new java.util.HashMap<>();
    private final Consumer<String> applyFilter;
    private final TreeTableColumn<Node, Node> name;
    private final TreeTableColumn<Node, Node> value;
    private final FlowPane legend = new FlowPane(12, 2);
    /** The statuses the legend shows now (null: not made yet). */
    private java.util.Set<Status> legendShows;
    /** Nodes marked with a reason (the attribute an ext-ACK points at), until the next message. */
    private final Map<Node, String> marks = new IdentityHashMap<>();
    private boolean syncing;

    /** @param applyFilter receives a filter expression from "apply as filter" (null: no such action) */
    public TreePane(MessageViewModel vm, Consumer<String> applyFilter) {
        this.vm = vm;
        this.applyFilter = applyFilter;
        getStyleClass().add("tree-pane");
        table.setShowRoot(true);
        // Every row is one line: with a fixed height the flow places rows without measuring each
        // (a new message's tree was laid out row by row to guess its height). The rows' own height.
        table.setFixedCellSize(ROW_HEIGHT);
        // Name fits the shown message's names, Offset and Length their numbers, Value takes the rest.
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        name = column("Name", 260);
        name.setCellFactory(c -> new NameCell());
        value = column("Value", 280);
        value.setCellFactory(c -> textCell(NodeFormats::value));
        TreeTableColumn<Node, Node> offset = column("Offset", 64);
        offset.setCellFactory(c -> textCell(n -> Integer.toString(n.offset())));
        offset.setMinWidth(62);
        offset.setMaxWidth(90);
        TreeTableColumn<Node, Node> length = column("Length", 64);
        length.setCellFactory(c -> textCell(n -> Integer.toString(n.length())));
        length.setMinWidth(62);
        length.setMaxWidth(90);
        table.getColumns().setAll(java.util.List.of(name, value, offset, length));
        table.setRowFactory(t -> new StatusRow());
        table.setPlaceholder(new Label("Select a message"));
        setCenter(table);
        setBottom(legend);
        legend.managedProperty().bind(legend.visibleProperty());
        javafx.beans.InvalidationListener fill = o -> fillValueColumn();
        // A message shown before the pane had its width was fitted to a guess: fit again once known.
        table.widthProperty().addListener((o, was, w) -> {
            if (was.doubleValue() == 0 || name.getWidth() > w.doubleValue() * 0.6) {
                fitNameColumn(shown);
            }
        });
        table.widthProperty().addListener(fill);
        name.widthProperty().addListener(fill);
        offset.widthProperty().addListener(fill);
        length.widthProperty().addListener(fill);

        vm.messageProperty().addListener((o, was, m) -> rebuild(m));
        vm.selectedNodeProperty().addListener((o, was, n) -> follow(n));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> {
            if (!syncing && item != null) {
                syncing = true;
                try {
                    vm.selectNode(item.getValue());
                } finally {
                    syncing = false;
                }
            }
        });
        table.setContextMenu(contextMenu());
    }

    public TreeTableView<Node> table() {
        return table;
    }

    private static TreeTableColumn<Node, Node> column(String title, double width) {
        TreeTableColumn<Node, Node> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        return c;
    }

    private static TreeTableCell<Node, Node> textCell(java.util.function.Function<Node, String> text) {
        return new TreeTableCell<>() {
            /** One per cell, its text changed: a tooltip made per update is a popup window made per row drawn. */
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(Node n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : text.apply(n));
                boolean noted = !empty && n != null && n.note() != null;
                if (noted) {
                    tip.setText(n.note());
                }
                setTooltip(noted ? tip : null);
            }
        };
    }

    /** A node's name, cut in the middle when the column is too narrow (the ends tell names apart), whole in the tooltip. */
    private final class NameCell extends TreeTableCell<Node, Node> {
        private final Tooltip tip = new Tooltip();
        private final Label mark = new Label();

        NameCell() {
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(Node n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(n.name());
            if (n.status() != Status.OK) {
                mark.setText(glyph(n.status()));
                mark.getStyleClass().setAll("label", "status-mark", "status-" + n.status().label());
                setGraphic(mark);
            } else {
                setGraphic(null);
            }
            String why = n.status() == Status.OK ? n.note() : n.status().label() + (n.note() != null ? ": " + n.note() : "");
            String marked = marks.get(n);
            tip.setText(n.name() + (marked != null ? "\n" + marked : "") + (why != null ? "\n" + why : ""));
            setTooltip(tip);
        }
    }

    static String glyph(Status s) {
        return switch (s) {
            case MALFORMED -> "✖";
            case UNKNOWN -> "?";
            case PADDING -> "·";
            case TRAILING -> "»";
            case OK -> "";
        };
    }

    private final class StatusRow extends TreeTableRow<Node> {
        @Override
        protected void updateItem(Node n, boolean empty) {
            super.updateItem(n, empty);
            getStyleClass().removeAll("row-malformed", "row-unknown", "row-padding", "row-trailing", "row-marked");
            if (!empty && n != null && n.status() != Status.OK) {
                getStyleClass().add("row-" + n.status().label());
            }
            if (!empty && n != null && marks.containsKey(n)) {
                getStyleClass().add("row-marked");
            }
        }
    }

    /**
     * Marks {@code n} (a node of the shown message) with {@code why}: its row stands out and its
     * tooltip says why. Marks last until another message is shown.
     */
    public void mark(Node n, String why) {
        marks.put(n, why);
        TreeItem<Node> it = items.get(n);
        for (TreeItem<Node> p = it == null ? null : it.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        table.refresh();
    }

    /** The reason {@code n} is marked for, or null. */
    public String markOf(Node n) {
        return marks.get(n);
    }

    /** The legend of the marks this message has (none: no legend, the rows get the room). */
    private void showLegend(java.util.Set<Status> seen) {
        if (seen.equals(legendShows)) {
            return; // most messages have the marks the one before had (often none): nothing to make and style again
        }
        legendShows = java.util.Set.copyOf(seen);
        legend.getStyleClass().setAll("legend");
        legend.getChildren().clear();
        for (Status s : seen) {
            Label l = new Label(s.label(), new Label(glyph(s)));
            ((Label) l.getGraphic()).getStyleClass().addAll("status-mark", "status-" + s.label());
            l.getStyleClass().addAll("legend-item", "row-" + s.label());
            legend.getChildren().add(l);
        }
        legend.setVisible(!seen.isEmpty());
    }

    /**
     * Name fits the longest name at its depth (indent, disclosure arrow and mark included), within
     * 60% of the table and leaving Value its minimum; Value then takes what is left beside Offset
     * and Length. Each distinct name is measured once ({@link PreparedTree#indent}), and once a
     * window (the widths are kept).
     */
    private void fitNameColumn(PreparedTree t) {
        if (t == null) {
            return;
        }
        ColumnFit fit = null;
        double widest = 0;
        for (Map.Entry<String, Double> e : t.indent().entrySet()) {
            Double w = nameWidths.get(e.getKey());
            if (w == null) {
                fit = fit == null ? new ColumnFit() : fit;
                w = fit.width(e.getKey());
                if (nameWidths.size() > 20_000) {
                    nameWidths.clear(); // names come from specs, a bounded set: this is only a guard
                }
                nameWidths.put(e.getKey(), w);
            }
            widest = Math.max(widest, e.getValue() + w + ColumnFit.PADDING);
        }
        widest = Math.max(widest, nameWidths.computeIfAbsent("Name", new ColumnFit()::width) + 22);
        double w = table.getWidth();
        double rest = w - table.getColumns().get(2).getWidth() - table.getColumns().get(3).getWidth() - MIN_VALUE - SCROLL_BAR;
        double cap = w > 0 ? Math.max(MIN_NAME, Math.min(w * 0.6, rest)) : 420;
        name.setPrefWidth(Math.min(cap, Math.max(MIN_NAME, widest)));
    }

    /** A row's height: what the style sheet's 13 px text and cell padding give (measured). */
    static final double ROW_HEIGHT = 24;
    private static final double MIN_NAME = 150;
    private static final double MIN_VALUE = 140;

    private void fillValueColumn() {
        double rest = table.getWidth() - name.getWidth() - table.getColumns().get(2).getWidth()
                - table.getColumns().get(3).getWidth() - SCROLL_BAR;
        value.setPrefWidth(Math.max(MIN_VALUE, rest));
    }

    /** Room kept for the vertical scroll bar, so filling the width does not add a horizontal one. */
    private static final double SCROLL_BAR = 18;

    /**
     * The tree of the message the view model shows next, made off the FX thread: the pane takes
     * its items instead of making them when that message is shown (FX thread).
     */
    public void prepare(PreparedTree t) {
        next = t;
    }

    private void rebuild(DecodedMessage m) {
        syncing = true;
        try {
            PreparedTree t = next != null && next.message() == m ? next : PreparedTree.of(m);
            next = null;
            shown = t;
            marks.clear();
            items = t == null ? Map.of() : t.items();
            showLegend(t == null ? java.util.Set.of() : t.statuses());
            if (t == null) {
                table.setRoot(null);
                return;
            }
            table.setRoot(t.root());
            fitNameColumn(t);
        } finally {
            syncing = false;
        }
    }

    private void follow(Node n) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            TreeItem<Node> it = n == null ? null : items.get(n);
            if (it == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<Node> p = it.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            table.getSelectionModel().select(it);
            reveal(it);
            // A tree set in this same pulse (or a pane that just changed size) has no rows laid out
            // yet; scroll again once it has.
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(80));
            later.setOnFinished(e -> {
                if (table.getSelectionModel().getSelectedItem() == it) {
                    reveal(it);
                }
            });
            later.play();
        } finally {
            syncing = false;
        }
    }

    private void reveal(TreeItem<Node> it) {
        int row = table.getRow(it);
        if (row >= 0) {
            table.scrollTo(Math.max(0, row - 3));
        }
    }

    /** Sizes Name to the shown message's names again (View ▸ Size Columns to Content). */
    public void fitColumns() {
        fitNameColumn(shown);
    }

    public void expandAll(boolean expanded) {
        if (table.getRoot() != null) {
            setExpanded(table.getRoot(), expanded);
            table.getRoot().setExpanded(true);
        }
    }

    private static void setExpanded(TreeItem<Node> it, boolean e) {
        it.setExpanded(e);
        for (TreeItem<Node> c : it.getChildren()) {
            setExpanded(c, e);
        }
    }

    private ContextMenu contextMenu() {
        MenuItem value = new MenuItem("Copy value");
        value.setOnAction(e -> withNode(n -> copy(NodeFormats.value(n))));
        MenuItem hex = new MenuItem("Copy as hex");
        hex.setOnAction(e -> withNode(n -> copy(NodeFormats.hex(vm.message().ref().bytes(), n))));
        MenuItem c = new MenuItem("Copy as C array");
        c.setOnAction(e -> withNode(n -> copy(NodeFormats.cArray(vm.message().ref().bytes(), n))));
        MenuItem json = new MenuItem("Copy as JSON");
        json.setOnAction(e -> withNode(n -> copy(NodeFormats.json(n))));
        MenuItem path = new MenuItem("Copy path");
        path.setOnAction(e -> withNode(n -> copy(NodeFormats.path(vm.message().tree(), n))));
        MenuItem apply = new MenuItem("Apply as filter");
        apply.setOnAction(e -> withNode(n -> {
            String expr = Filter.expressionFor(n);
            if (expr != null && applyFilter != null) {
                applyFilter.accept(expr);
            }
        }));
        apply.setVisible(applyFilter != null);
        MenuItem expand = new MenuItem("Expand all");
        expand.setOnAction(e -> expandAll(true));
        MenuItem collapse = new MenuItem("Collapse all");
        collapse.setOnAction(e -> expandAll(false));
        return new ContextMenu(value, hex, c, json, path, new SeparatorMenuItem(), apply, new SeparatorMenuItem(),
                expand, collapse);
    }

    private void withNode(Consumer<Node> action) {
        Node n = vm.selectedNode();
        if (n != null && vm.message() != null) {
            action.accept(n);
        }
    }

    private static void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
