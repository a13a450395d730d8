package org.nlwb.app.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.view.RowCategory;

/**
 * The window's look: the light or dark style sheet (View ▸ Dark Theme) and the message list's
 * row colours (Edit ▸ Colour Rules), which the dark theme darkens so light text stays readable.
 */
final class WorkbenchTheme {
    private final Workbench wb;
    private Map<RowCategory, Color> colours;

    WorkbenchTheme(Workbench wb) {
        this.wb = wb;
        this.colours = wb.settings().colourRules();
    }

    /** The colour rules as drawn: on the dark theme the same hues, darkened so light text stays readable. */
    Map<RowCategory, Color> rowColours() {
        if (!wb.settings().darkTheme()) {
            return colours;
        }
        Map<RowCategory, Color> dark = new EnumMap<>(RowCategory.class);
        colours.forEach((k, c) -> dark.put(k, c.deriveColor(0, 1.1, 0.38, 1)));
        return dark;
    }

    void applyTheme(boolean dark) {
        wb.tabs().getTabs().forEach(t -> {
            if (t instanceof CaptureTab c) {
                c.table().refresh();
            }
        });
        String css = Workbench.class.getResource("dark.css").toExternalForm();
        wb.scene().getStylesheets().remove(css);
        if (dark) {
            wb.scene().getStylesheets().add(css);
        }
    }

    void colourDialog() {
        if (ColourRulesDialog.edit(wb.stage(), wb.settings(), colours)) {
            colours = wb.settings().colourRules();
            wb.tabs().getTabs().forEach(t -> {
                if (t instanceof CaptureTab c) {
                    c.table().refresh();
                }
            });
        }
    }
}
