package org.nlwb.app.ui.compare;

import java.util.List;
import javafx.scene.control.TreeTableRow;
import org.nlwb.decoder.diff.DiffKind;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** A tree row of one side of the compare tab: the tree pane's status style, and the difference's colour. */
final class DiffRow extends TreeTableRow<Node> {
    private static final List<String> STYLES = styles();

    private final CompareModel model;
    private final boolean leftSide;

    DiffRow(CompareModel model, boolean leftSide) {
        this.model = model;
        this.leftSide = leftSide;
    }

    private static List<String> styles() {
        List<String> out = new java.util.ArrayList<>(List.of("row-malformed", "row-unknown", "row-padding", "row-trailing",
                CompareModel.INSIDE));
        for (DiffKind k : DiffKind.values()) {
            out.add(CompareModel.styleOf(k));
        }
        return List.copyOf(out);
    }

    @Override
    protected void updateItem(Node n, boolean empty) {
        super.updateItem(n, empty);
        getStyleClass().removeAll(STYLES);
        if (empty || n == null) {
            return;
        }
        if (n.status() != Status.OK) {
            getStyleClass().add("row-" + n.status().label());
        }
        String mark = model.mark(n, leftSide);
        if (mark != null) {
            getStyleClass().add(mark);
        }
    }
}
