package org.nlwb.app.ui.compare;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.app.ui.view.TreePane;

/** One side of the compare tab: a title, the message's tree above its hex view, rows coloured by difference. */
final class SidePane extends BorderPane {
    private final TreePane tree;
    private final HexView hex;
    private final Label title = new Label();

    SidePane(CompareModel model, boolean leftSide) {
        MessageViewModel vm = leftSide ? model.left() : model.right();
        tree = new TreePane(vm, null);
        tree.table().setRowFactory(t -> new DiffRow(model, leftSide));
        hex = new HexView(vm);
        SplitPane split = new SplitPane(tree, hex);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        title.getStyleClass().add("pane-title");
        title.setMaxWidth(Double.MAX_VALUE);
        getStyleClass().add(leftSide ? "compare-left" : "compare-right");
        setTop(title);
        setCenter(split);
    }

    TreePane tree() {
        return tree;
    }

    HexView hex() {
        return hex;
    }

    void setTitle(String text) {
        title.setText(text);
    }
}
