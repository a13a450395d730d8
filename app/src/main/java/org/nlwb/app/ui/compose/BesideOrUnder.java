package org.nlwb.app.ui.compose;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A value's editor with its sent-as controls beside it, or under it where the row is too narrow
 * for both: deep in a nest at 1024×700, a string's field, "sent without NUL" and the row's buttons
 * side by side made the composer wider than its pane. The editor takes the width the controls leave.
 */
final class BesideOrUnder extends Region {
    private static final double GAP = 8;
    private final Node editor;
    private final Node keys;

    BesideOrUnder(Node editor, Node keys) {
        this.editor = editor;
        this.keys = keys;
        getChildren().addAll(editor, keys);
    }

    /** Whether the two fit side by side in {@code width}. */
    private boolean beside(double width) {
        return width < 0 || width >= editor.minWidth(-1) + GAP + keys.prefWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(editor.minWidth(-1), keys.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return editor.prefWidth(-1) + GAP + keys.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (beside(width)) {
            return Math.max(editor.prefHeight(-1), keys.prefHeight(-1));
        }
        return editor.prefHeight(width) + GAP / 2 + keys.prefHeight(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double keysWidth = Math.min(w, keys.prefWidth(-1));
        if (beside(w)) {
            double editorWidth = w - GAP - keysWidth;
            editor.resizeRelocate(0, 0, editorWidth, editor.prefHeight(editorWidth));
            keys.resizeRelocate(editorWidth + GAP, 0, keysWidth, keys.prefHeight(keysWidth));
        } else {
            double h = editor.prefHeight(w);
            editor.resizeRelocate(0, 0, w, h);
            keys.resizeRelocate(0, h + GAP / 2, keysWidth, keys.prefHeight(keysWidth));
        }
    }
}
