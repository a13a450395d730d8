package org.nlwb.app.ui.compare;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.app.ui.view.TreePane;
import org.nlwb.decoder.diff.Difference;
import org.nlwb.decoder.diff.MessageDiff;
import org.nlwb.decoder.diff.Side;

/**
 * Two messages or conversations side by side: the pairs (top left) and the selected pair's
 * differences (top right) over the two trees, each above its hex view. Rows of a difference are
 * coloured by kind, the rows above one lightly; selecting a node on one side selects its
 * counterpart. F7 / Shift+F7 (or Alt+↓ / Alt+↑) go to the next / previous difference.
 */
public final class CompareTab extends Tab {
    private final CompareModel model;
    private final String leftName;
    private final String rightName;
    private final SidePane leftPane;
    private final SidePane rightPane;
    private final ListView<MessageDiff> pairs = new ListView<>();
    private final ListView<Difference> differences = new ListView<>();
    private final Label summary = new Label();
    private boolean syncing;

    /** @param leftName what the left side is (a tab title), the same for the right */
    public CompareTab(String leftName, String rightName, CompareModel model) {
        super("Compare: " + leftName + " ⇄ " + rightName);
        this.model = model;
        this.leftName = leftName;
        this.rightName = rightName;
        setTooltip(new Tooltip(leftName + " ⇄ " + rightName));
        leftPane = new SidePane(model, true);
        rightPane = new SidePane(model, false);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("compare-tab");
        root.getStylesheets().add(CompareTab.class.getResource("compare.css").toExternalForm());
        root.setTop(toolBar());
        SplitPane lists = new SplitPane(pairs, differences);
        lists.setDividerPositions(0.4);
        SplitPane sides = new SplitPane(leftPane, rightPane);
        SplitPane vertical = new SplitPane(lists, sides);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.16);
        root.setCenter(vertical);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        setContent(root);
        wire();
        refresh();
        model.pairs().stream().filter(p -> !p.equal(false)).findFirst()
                .or(() -> model.pairs().stream().findFirst())
                .ifPresent(p -> pairs.getSelectionModel().select(p));
    }

    public CompareModel model() {
        return model;
    }

    public ListView<MessageDiff> pairList() {
        return pairs;
    }

    public ListView<Difference> differenceList() {
        return differences;
    }

    /** The left tree pane (rows carry {@code diff-KIND} style classes). */
    public TreePane leftTree() {
        return leftPane.tree();
    }

    public TreePane rightTree() {
        return rightPane.tree();
    }

    public HexView leftHex() {
        return leftPane.hex();
    }

    public HexView rightHex() {
        return rightPane.hex();
    }

    /** The summary line above the lists ("1 difference in 1 of 4 pairs ..."). */
    public String summary() {
        return summary.getText();
    }

    /** Next ({@code step > 0}) or previous difference; says so in the summary when there is none. */
    public void step(int step) {
        if (!model.stepDifference(step)) {
            summary.setText(summaryText() + (step > 0 ? " — no next difference" : " — no previous difference"));
        }
    }

    private ToolBar toolBar() {
        Button previous = new Button("◀ Previous");
        previous.setTooltip(new Tooltip("Previous difference (Shift+F7, Alt+↑)"));
        previous.setOnAction(e -> step(-1));
        Button next = new Button("Next ▶");
        next.setTooltip(new Tooltip("Next difference (F7, Alt+↓)"));
        next.setOnAction(e -> step(1));
        CheckBox noise = new CheckBox("Include noise");
        noise.setTooltip(new Tooltip("Also show what the noise rules leave out (seq, port ids, times, ifindexes ...)"));
        noise.selectedProperty().bindBidirectional(model.includeNoiseProperty());
        summary.getStyleClass().add("compare-summary");
        return new ToolBar(previous, next, noise, summary);
    }

    private void keys(KeyEvent e) {
        boolean f7 = e.getCode() == KeyCode.F7 && !e.isAltDown() && !e.isShortcutDown();
        boolean alt = e.isAltDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP);
        if (f7 || alt) {
            step(f7 ? (e.isShiftDown() ? -1 : 1) : (e.getCode() == KeyCode.DOWN ? 1 : -1));
            e.consume();
        }
    }

    private void wire() {
        pairs.getItems().setAll(model.pairs());
        pairs.setCellFactory(l -> new PairCell());
        differences.setItems(model.differences());
        differences.setCellFactory(l -> new DifferenceCell());
        pairs.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            if (!syncing && p != null && p != model.selectedPairProperty().get()) {
                model.selectPair(p);
            }
        });
        differences.getSelectionModel().selectedItemProperty().addListener((o, was, d) -> {
            if (!syncing && d != null && d != model.selectedDifferenceProperty().get()) {
                model.selectDifference(d);
            }
        });
        model.selectedPairProperty().addListener((o, was, p) -> sync(() -> {
            pairs.getSelectionModel().select(p);
            pairs.scrollTo(p);
            leftPane.setTitle(title(leftName, p == null ? -1 : p.leftIndex(), p == null ? null : p.leftTree()));
            rightPane.setTitle(title(rightName, p == null ? -1 : p.rightIndex(), p == null ? null : p.rightTree()));
        }));
        model.selectedDifferenceProperty().addListener((o, was, d) -> sync(() -> {
            if (d == null) {
                differences.getSelectionModel().clearSelection();
            } else {
                differences.getSelectionModel().select(d);
                differences.scrollTo(d);
            }
        }));
        model.includeNoiseProperty().addListener((o, was, on) -> refresh());
    }

    private void sync(Runnable r) {
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = false;
        }
    }

    private void refresh() {
        summary.setText(summaryText());
        pairs.refresh();
    }

    private String summaryText() {
        boolean noise = model.includeNoiseProperty().get();
        long differing = model.pairs().stream().filter(p -> !p.equal(noise)).count();
        long n = model.diff().count(noise);
        return n + " difference" + (n == 1 ? "" : "s") + " in " + differing + " of " + model.pairs().size() + " pairs"
                + (noise ? "" : " (" + model.diff().ignored() + " noise left out)");
    }

    private static String title(String name, int index, org.nlwb.decoder.tree.Node tree) {
        return name + (index < 0 ? ": (no such message)" : ": #" + index + " " + tree.name());
    }

    /** A pair: both message numbers and names, and how many differences count. */
    private final class PairCell extends ListCell<MessageDiff> {
        @Override
        protected void updateItem(MessageDiff p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().remove("pair-equal");
            if (empty || p == null) {
                setText(null);
                return;
            }
            int n = p.counted(model.includeNoiseProperty().get()).size();
            String l = p.leftIndex() < 0 ? "—" : "#" + p.leftIndex() + " " + p.leftTree().name();
            String r = p.rightIndex() < 0 ? "—" : "#" + p.rightIndex() + " " + p.rightTree().name();
            setText(l + "  ⇄  " + r + "    " + (n == 0 ? "equal" : n + " difference" + (n == 1 ? "" : "s")));
            if (n == 0) {
                getStyleClass().add("pair-equal");
            }
        }
    }

    /** A difference: kind, path, and both sides' values. */
    private static final class DifferenceCell extends ListCell<Difference> {
        @Override
        protected void updateItem(Difference d, boolean empty) {
            super.updateItem(d, empty);
            getStyleClass().removeIf(s -> s.startsWith("kind-"));
            if (empty || d == null) {
                setText(null);
                return;
            }
            getStyleClass().add("kind-" + d.kind().label());
            setText(text(d));
            setTooltip(d.isNoise() ? new Tooltip("noise: " + d.noise().pattern() + " — " + d.noise().reason()) : null);
        }

        static String text(Difference d) {
            String path = d.path().contains("/") ? d.path().substring(d.path().indexOf('/') + 1) : d.path();
            String values = switch (d.kind()) {
                case ADDED -> "only right: " + value(d.right());
                case REMOVED -> "only left: " + value(d.left());
                default -> value(d.left()) + "  →  " + value(d.right());
            };
            return d.kind().label() + "  " + path + "   " + values + (d.isNoise() ? "   (noise)" : "");
        }

        private static String value(Side s) {
            return s == null ? "—" : s.text();
        }
    }
}
