package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A window remembered larger than the screen, and off its edge, opens within the screen (headless, 1600×1000). */
class WindowClampTest extends WindowTest {
    @Override
    public void start(Stage stage) {
        fx.settings.setNumber("window.width", 3000);
        fx.settings.setNumber("window.height", 2000);
        fx.settings.setNumber("window.x", 1500);
        fx.settings.setNumber("window.y", 900);
        fx.start(stage);
    }

    @Test
    void theWindowOpensWithinTheScreensVisualBounds() throws Exception {
        double[] b = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = fx.workbench.stage();
            return new double[] {s.getX(), s.getY(), s.getWidth(), s.getHeight()};
        }).get();
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get();
        assertTrue(b[2] <= screen.getWidth() && b[3] <= screen.getHeight(), "size " + b[2] + "x" + b[3] + " on " + screen);
        assertTrue(b[0] >= screen.getMinX() && b[0] + b[2] <= screen.getMaxX()
                && b[1] >= screen.getMinY() && b[1] + b[3] <= screen.getMaxY(), "place " + b[0] + "," + b[1] + " on " + screen);
    }
}
