package org.nlwb.app.ui.view;

import java.util.function.Function;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths that fit text: what a column needs to show its header and the longest of its cells'
 * texts without cutting them, in the window's font (13 px, as the style sheet sets it), plus
 * the cell padding. A measurer holds one {@link Text} node; FX thread only.
 */
final class ColumnFit {
    /** Cell padding left and right and a little air, so a fitting text never elides. */
    static final double PADDING = 18;
    /** The sort arrow's and the header padding's room. */
    private static final double HEADER_PADDING = 22;

    private final Text probe = new Text();

    ColumnFit() {
        probe.setFont(Font.font(Font.getDefault().getFamily(), 13));
    }

    /** The width {@code s} takes in the cells' font. */
    double width(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        probe.setText(s);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    /** The width a column with {@code header} needs for the texts of {@code items}, within {@code max}. */
    <T> double fit(String header, Iterable<T> items, Function<T, String> text, double max) {
        double w = width(header) + HEADER_PADDING;
        for (T item : items) {
            w = Math.max(w, width(text.apply(item)) + PADDING);
            if (w >= max) {
                return max;
            }
        }
        return w;
    }
}
