package org.nlwb.app.ui.view;

import javafx.scene.paint.Color;

/** A colour as CSS and the preferences store write it: {@code #rrggbb}, opacity dropped. */
public final class WebColour {
    private WebColour() {
    }

    public static String of(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
