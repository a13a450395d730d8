package org.nlwb.app.ui.view;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.nlwb.app.ui.model.DiagnosticsModel;
import org.nlwb.app.ui.model.Issue;

/** The expert-info list: one line per issue, coloured by severity; a click jumps to the message and node. */
public final class DiagnosticsView extends ListView<Issue> {
    public DiagnosticsView(DiagnosticsModel model, Consumer<Issue> jump) {
        super(model.issues());
        getStyleClass().add("diagnostics");
        setPlaceholder(new Label("No diagnostics: every byte decoded"));
        setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Issue i, boolean empty) {
                super.updateItem(i, empty);
                getStyleClass().removeAll("sev-error", "sev-warning", "sev-info");
                if (empty || i == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add("sev-" + i.severity().label());
                setText(i.severity().label() + "  " + i.location() + "  " + i.text());
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, was, i) -> {
            if (i != null) {
                jump.accept(i);
            }
        });
    }
}
