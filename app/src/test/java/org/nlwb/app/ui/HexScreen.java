package org.nlwb.app.ui;

import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.model.HexViewModel.Mark;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.app.ui.view.HexView.ByteLook;

/**
 * What the hex pane shows, for the window tests: the bytes drawn with a mark, where on screen to
 * click a byte, and a byte's pixels as rendered (a snapshot of the pane over its box), so a test
 * fails when the drawing does, not only when the model is wrong.
 */
final class HexScreen {
    private HexScreen() {
    }

    static Set<Integer> marked(HexView hex, Mark mark) throws Exception {
        return WindowTest.onFx(() -> hex.offsetsMarked(mark));
    }

    /** The screen point to click byte {@code offset} at; fails when it is not on screen. */
    static Point2D byteAt(HexView hex, int offset) throws Exception {
        return WindowTest.onFx(() -> hex.screenPointOf(offset)
                .orElseThrow(() -> new AssertionError("byte " + offset + " is not on screen")));
    }

    static ByteLook look(HexView hex, int offset) throws Exception {
        return WindowTest.onFx(() -> hex.lookOf(offset)
                .orElseThrow(() -> new AssertionError("byte " + offset + " is not on screen")));
    }

    /** Byte {@code offset}'s box as rendered on screen (background, text and caret). */
    static PixelReader pixels(HexView hex, int offset) throws Exception {
        ByteLook l = look(hex, offset);
        Bounds b = l.box();
        WritableImage img = WindowTest.onFx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setViewport(new Rectangle2D(Math.floor(b.getMinX()), Math.floor(b.getMinY()),
                    Math.ceil(b.getWidth()), Math.ceil(b.getHeight())));
            return hex.snapshot(p, null);
        });
        return img.getPixelReader();
    }

    /** The colour behind byte {@code offset}'s digits: a pixel in its box's top left corner, which no glyph reaches. */
    static Color background(HexView hex, int offset) throws Exception {
        return pixels(hex, offset).getColor(1, 1);
    }

    /**
     * The pixel of byte {@code offset}'s box most unlike its background (the heart of a glyph's
     * stroke), above the caret's underline: the colour its text is seen in.
     */
    static Color ink(HexView hex, int offset) throws Exception {
        ByteLook l = look(hex, offset);
        PixelReader px = pixels(hex, offset);
        Color bg = px.getColor(1, 1);
        Color best = bg;
        double far = -1;
        int w = (int) Math.ceil(l.box().getWidth());
        int h = (int) Math.ceil(l.box().getHeight()) - 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color c = px.getColor(x, y);
                double d = distance(c, bg);
                if (d > far) {
                    far = d;
                    best = c;
                }
            }
        }
        return best;
    }

    static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
