package org.nlwb.app.ui.view;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.nlwb.app.ui.model.DiagnosticsModel;
import org.nlwb.app.ui.model.Issue;

/** The expert-info list: one line per issue, coloured by severity; a click jumps to the message and node. */
public final class DiagnosticsView extends ListView<Issue> {
    /** A list cell's height at the style sheet's font, as Modena lays out one line of it. */
    static final double ROW_HEIGHT = 24;

    public DiagnosticsView(DiagnosticsModel model, Consumer<Issue> jump) {
        super(model.issues());
        getStyleClass().add("diagnostics");
        // One line each: a fixed height spares the list measuring rows it has not drawn (a damaged
        // capture lists an issue for every message; without it each new batch sized cells anew)
        setFixedCellSize(ROW_HEIGHT);
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
