package org.nlwb.app.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.nlwb.app.ui.view.RowCategory;

/** Edit ▸ Colour Rules: a colour and an on/off switch per row category, saved to the settings. */
final class ColourRulesDialog {
    private ColourRulesDialog() {
    }

    /** Shows the dialog; returns true when the user saved new rules. */
    static boolean edit(Window owner, Settings settings, Map<RowCategory, Color> current) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Colour rules");
        d.setHeaderText("Row colours of the message list (first matching rule wins, top to bottom)");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        Map<RowCategory, CheckBox> on = new EnumMap<>(RowCategory.class);
        Map<RowCategory, ColorPicker> pick = new EnumMap<>(RowCategory.class);
        int row = 0;
        for (RowCategory c : RowCategory.values()) {
            CheckBox cb = new CheckBox(c.label());
            cb.setSelected(current.containsKey(c));
            ColorPicker cp = new ColorPicker(current.getOrDefault(c, Color.web(c.defaultColour())));
            on.put(c, cb);
            pick.put(c, cp);
            g.addRow(row++, cb, cp);
        }
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        boolean saved = d.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        if (saved) {
            for (RowCategory c : RowCategory.values()) {
                settings.setColourRule(c, pick.get(c).getValue(), on.get(c).isSelected());
            }
        }
        return saved;
    }
}
