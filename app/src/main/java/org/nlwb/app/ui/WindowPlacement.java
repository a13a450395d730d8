package org.nlwb.app.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * Where the window opens: the remembered size and place, kept within the visual bounds of the
 * screen it is on (the screen without its panels), so a window remembered at 1400×900 opens at
 * most as large as a 1024×700 screen and wholly on it, menus and filter bar in sight.
 *
 * @param x      left edge, or NaN when the window manager should place it
 * @param y      top edge, or NaN likewise
 * @param width  scene width
 * @param height scene height
 */
record WindowPlacement(double x, double y, double width, double height) {
    /** The size a window opens at when nothing is remembered. */
    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 900;
    /** Below this the panes are no use; a smaller screen still gets a window that fits it. */
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 480;

    /**
     * @param x, y          remembered position (NaN: none)
     * @param width, height remembered size
     * @param screen        the visual bounds of the screen the remembered position is on (or the primary screen's)
     */
    static WindowPlacement within(double x, double y, double width, double height, Rectangle2D screen) {
        double w = clamp(width, Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth());
        double h = clamp(height, Math.min(MIN_HEIGHT, screen.getHeight()), screen.getHeight());
        if (Double.isNaN(x) || Double.isNaN(y)) {
            boolean fits = w < screen.getWidth() && h < screen.getHeight();
            return fits ? new WindowPlacement(Double.NaN, Double.NaN, w, h)
                    : new WindowPlacement(screen.getMinX(), screen.getMinY(), w, h);
        }
        double px = clamp(x, screen.getMinX(), screen.getMaxX() - w);
        double py = clamp(y, screen.getMinY(), screen.getMaxY() - h);
        return new WindowPlacement(px, py, w, h);
    }

    /** The size and place {@code settings} remember, within the screen they are on (the primary one when on none). */
    static WindowPlacement remembered(Settings settings) {
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        double w = settings.number("window.width", DEFAULT_WIDTH);
        double h = settings.number("window.height", DEFAULT_HEIGHT);
        Screen screen = Double.isNaN(x) || Double.isNaN(y) ? Screen.getPrimary()
                : Screen.getScreensForRectangle(x, y, Math.max(1, w), Math.max(1, h)).stream().findFirst()
                        .orElse(Screen.getPrimary());
        return within(x, y, w, h, screen.getVisualBounds());
    }

    boolean placed() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    private static double clamp(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return hi;
        }
        return Math.max(lo, Math.min(v, hi));
    }
}
