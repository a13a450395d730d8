package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's size and place kept on the screen it opens on. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1024, 700);

    @Test
    void aRememberedLargeWindowOpensNoLargerThanASmallScreenAndWhollyOnIt() {
        WindowPlacement p = WindowPlacement.within(300, 200, 1400, 900, LAPTOP);
        assertEquals(new WindowPlacement(0, 0, 1024, 700), p);
    }

    @Test
    void aWindowThatFitsKeepsItsSizeAndIsMovedBackOnScreen() {
        WindowPlacement p = WindowPlacement.within(900, -40, 800, 600, LAPTOP);
        assertEquals(new WindowPlacement(224, 0, 800, 600), p);
    }

    @Test
    void withoutARememberedPlaceTheWindowManagerPlacesAWindowThatFits() {
        WindowPlacement p = WindowPlacement.within(Double.NaN, Double.NaN, 1400, 900,
                new Rectangle2D(0, 0, 1920, 1080));
        assertFalse(p.placed());
        assertEquals(1400, p.width());
        assertEquals(new WindowPlacement(0, 0, 1024, 700), WindowPlacement.within(Double.NaN, Double.NaN, 1400, 900, LAPTOP));
    }

    @Test
    void aSecondScreenToTheRightKeepsTheWindowOnIt() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        assertEquals(new WindowPlacement(1920, 24, 1280, 1000), WindowPlacement.within(1800, 24, 1600, 1000, right));
    }
}
