package org.nlwb.app.ui.compose;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.nlwb.capture.send.SendTarget;

/**
 * Where a composer sends: a throwaway namespace (the default), a named existing one, or the
 * host's own — the last only after the user confirms, each time it is chosen.
 */
final class TargetChooser extends HBox {
    static final String THROWAWAY = "Throwaway namespace";
    static final String NAMED = "Named namespace";
    static final String HOST = "Host (changes this machine)";
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField name = new TextField();

    TargetChooser(Window owner) {
        super(6);
        kind.setId("compose-target");
        name.setId("compose-netns");
        kind.getItems().setAll(THROWAWAY, NAMED, HOST);
        kind.setValue(THROWAWAY);
        name.setPromptText("namespace name");
        name.setPrefColumnCount(10);
        name.setVisible(false);
        name.managedProperty().bind(name.visibleProperty());
        kind.valueProperty().addListener((o, was, k) -> {
            if (HOST.equals(k) && !confirmHost(owner)) {
                javafx.application.Platform.runLater(() -> kind.setValue(was == null || HOST.equals(was) ? THROWAWAY : was));
            }
            name.setVisible(NAMED.equals(k));
        });
        getChildren().addAll(kind, name);
    }

    private static boolean confirmHost(Window owner) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "Messages sent to the host's network namespace change this machine's links, addresses and routes "
                        + "for real.", ButtonType.CANCEL, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText("Send to the host?");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** The chosen target. @throws IllegalArgumentException for a namespace name that cannot be one */
    SendTarget target() {
        return switch (kind.getValue()) {
            case NAMED -> SendTarget.named(name.getText().strip());
            case HOST -> SendTarget.host();
            default -> SendTarget.throwaway();
        };
    }

    /** Chooses a named namespace (tests, and a composer opened for one). */
    void chooseNamed(String netns) {
        kind.setValue(NAMED);
        name.setText(netns);
    }
}
