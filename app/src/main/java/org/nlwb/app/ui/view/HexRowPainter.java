package org.nlwb.app.ui.view;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.nlwb.app.ui.model.HexViewModel.Mark;
import org.nlwb.decoder.bytes.ByteView;

/**
 * Draws one hex row onto a canvas where the row's labels used to be: the offset, sixteen bytes and
 * their ASCII, each marked byte on its background box in the mark's text colour, the caret a 2 px
 * underline of its box. The row's background is painted first: LCD-smoothed text, as the labels had,
 * needs an opaque canvas. As the labels were: the offset and the ASCII
 * left-aligned in their boxes, the hex digits centred.
 */
final class HexRowPainter {
    /** "00" to "ff", and each byte's ASCII column text: a row drawn formats nothing. */
    private static final String[] HEX = new String[256];
    private static final String[] ASCII = new String[256];
    private static final double CARET_HEIGHT = 2;

    static {
        for (int v = 0; v < 256; v++) {
            HEX[v] = String.format("%02x", v);
            ASCII[v] = String.valueOf(v >= 0x20 && v < 0x7f ? (char) v : '.');
        }
    }

    /** A monospace font's measures: its line's height (a label's height), the baseline in it, a character's width. */
    record Metrics(Font font, double lineHeight, double baseline, double charWidth) {
        static Metrics of(Font font) {
            Text t = new Text("00");
            t.setFont(font);
            double h = Math.ceil(t.getLayoutBounds().getHeight());
            return new Metrics(font, h, t.getBaselineOffset(), t.getLayoutBounds().getWidth() / 2);
        }
    }

    private HexRowPainter() {
    }

    /**
     * A byte's box: from the row's top, the text's line high, and in the caret's row the caret's
     * underline below that (as the labels were: the caret's bottom border made its row's labels taller).
     */
    static double boxHeight(Metrics m, boolean caretRow) {
        return m.lineHeight() + (caretRow ? CARET_HEIGHT : 0);
    }

    /**
     * Draws row {@code row} of {@code b} on {@code g} ({@code width × height}): byte {@code i} of the
     * row marked {@code marks[i]}, the caret under byte {@code caret} of the row (-1: not in it).
     */
    static void paint(GraphicsContext g, double width, double height, HexRowLayout lay, HexInks inks, Metrics m,
            ByteView b, int row, Mark[] marks, int caret) {
        g.setFill(inks.background());
        g.fillRect(0, 0, width, height);
        g.setFont(m.font());
        g.setFontSmoothingType(FontSmoothingType.LCD);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        int base = row * HexRowLayout.BYTES;
        int n = Math.max(0, Math.min(HexRowLayout.BYTES, b.length() - base));
        double boxHeight = boxHeight(m, caret >= 0 && caret < n);
        double baseline = m.baseline();
        for (int i = 0; i < n; i++) {
            Color fill = inks.fillOf(marks[i]);
            if (fill != null) {
                g.setFill(fill);
                g.fillRect(lay.hexX(i), 0, lay.hexWidth(i), boxHeight);
                if (lay.ascii()) {
                    g.fillRect(lay.asciiX(i), 0, HexRowLayout.ASCII_WIDTH, boxHeight);
                }
            }
        }
        if (caret >= 0 && caret < n) {
            g.setFill(inks.caret());
            double y = boxHeight - CARET_HEIGHT;
            g.fillRect(lay.hexX(caret), y, lay.hexWidth(caret), CARET_HEIGHT);
            if (lay.ascii()) {
                g.fillRect(lay.asciiX(caret), y, HexRowLayout.ASCII_WIDTH, CARET_HEIGHT);
            }
        }
        g.setFill(inks.offset());
        g.fillText(base <= 0xffff ? HEX[base >>> 8] + HEX[base & 0xff] : String.format("%04x", base), 0, baseline);
        double hexPad = Math.round((HexRowLayout.BYTE_WIDTH - 2 * m.charWidth()) / 2);
        for (int i = 0; i < n; i++) {
            int v = b.u8(base + i);
            g.setFill(inks.textOf(marks[i]));
            g.fillText(HEX[v], lay.hexTextX(i) + hexPad, baseline);
            if (lay.ascii()) {
                g.fillText(ASCII[v], lay.asciiX(i), baseline);
            }
        }
    }
}
