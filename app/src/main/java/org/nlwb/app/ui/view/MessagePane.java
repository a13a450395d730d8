package org.nlwb.app.ui.view;

import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.nlwb.app.ui.model.MessageViewModel;

/** One message's tree beside its bytes, with a title line; the main pane and the request/reply pane are both one. */
public final class MessagePane extends BorderPane {
    /** offset + 16 bytes + gap + 16 ASCII at the stylesheet's widths, plus padding and a scroll bar. */
    private static final double HEX_MIN_WIDTH = HexView.FULL_WIDTH;
    private final MessageViewModel vm = new MessageViewModel();
    private final TreePane tree;
    private final HexView hex;
    private final Label title = new Label();
    private final SplitPane split;

    public MessagePane(Consumer<String> applyFilter) {
        getStyleClass().add("message-pane");
        tree = new TreePane(vm, applyFilter);
        hex = new HexView(vm);
        Label asciiNote = new Label("ASCII column hidden: the pane is too narrow for it");
        asciiNote.setTooltip(new javafx.scene.control.Tooltip("16 bytes and their ASCII need " + (int) HexView.FULL_WIDTH
                + " pixels: widen the window or this pane, or turn Request ⇄ reply off"));
        asciiNote.getStyleClass().add("hex-note");
        asciiNote.visibleProperty().bind(hex.asciiShownProperty().not());
        asciiNote.managedProperty().bind(asciiNote.visibleProperty());
        BorderPane hexBox = new BorderPane(hex);
        hexBox.setBottom(asciiNote);
        split = new SplitPane(tree, hexBox);
        split.setOrientation(Orientation.HORIZONTAL);
        // Beside the tree, the hex pane keeps room for all 16 columns and the ASCII; stacked, the
        // pane's own width decides.
        hex.setMinWidth(HEX_MIN_WIDTH);
        split.orientationProperty().addListener((o, was, now) ->
                hex.setMinWidth(now == Orientation.HORIZONTAL ? HEX_MIN_WIDTH : 0));
        asciiNote.setMinWidth(0);
        split.setDividerPositions(0.58);
        title.getStyleClass().add("pane-title");
        title.setMaxWidth(Double.MAX_VALUE);
        setTop(title);
        setCenter(split);
    }

    /**
     * Shows {@code t}'s message (null: none), its tree items as made off the FX thread (FX
     * thread). {@code model().show} alone does the same but makes the items itself.
     */
    public void show(PreparedTree t) {
        tree.prepare(t);
        vm.show(t == null ? null : t.message());
    }

    public MessageViewModel model() {
        return vm;
    }

    public TreePane tree() {
        return tree;
    }

    public HexView hex() {
        return hex;
    }

    public SplitPane split() {
        return split;
    }

    public void setTitle(String s) {
        title.setText(s);
    }
}
