package org.nlwb.app.ui.view;

import javafx.scene.paint.Color;
import org.nlwb.app.ui.model.HexViewModel.Mark;

/**
 * The colours a hex row is drawn in, as the style sheet gives them to the {@link HexView}
 * ({@code -hex-*-fill}): the row's background (the cell's own, which the canvas covers), the text, the offset column, the shaded and highlighted bytes' background
 * and text, and the caret's underline.
 */
record HexInks(Color background, Color text, Color offset, Color shade, Color shadeText, Color hl, Color hlText, Color caret) {
    /** What the view draws with before its style sheet is applied: the light theme's colours. */
    static final HexInks DEFAULT = new HexInks(Color.WHITE, Color.BLACK, Color.web("#7a7a7a"), Color.web("#c5d8f0"),
            Color.web("#102a4c"), Color.web("#ffd54f"), Color.BLACK, Color.web("#1565c0"));

    /** A byte's background: none (the row's own) for an unmarked one. */
    Color fillOf(Mark m) {
        return switch (m) {
            case HIGHLIGHTED -> hl;
            case SHADED -> shade;
            case NONE -> null;
        };
    }

    Color textOf(Mark m) {
        return switch (m) {
            case HIGHLIGHTED -> hlText;
            case SHADED -> shadeText;
            case NONE -> text;
        };
    }
}
