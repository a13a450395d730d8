package org.nlwb.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlwb.app.ui.model.Issue;

/**
 * The bar above a capture's list when messages were not decoded (a pyroute2 dump does not say
 * its protocol, a capture does not name a generic netlink family): what to do, and the button
 * that opens the message-class chooser, one click from a decoded list.
 */
final class DecodeHint extends HBox {
    private final Label text = new Label();
    private final Button choose = new Button("Choose message class…");

    DecodeHint() {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        choose.setId("choose-class");
        getChildren().addAll(text, choose);
    }

    /** Shows {@code hint} (null: hides the bar); the button runs {@code chooseClass}. */
    void show(Issue hint, Runnable chooseClass) {
        setVisible(hint != null);
        text.setText(hint == null ? "" : hint.text());
        choose.setOnAction(e -> chooseClass.run());
    }

    Label text() {
        return text;
    }

    Button button() {
        return choose;
    }
}
