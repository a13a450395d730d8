package org.nlwb.app.ui.capture;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nlwb.decoder.model.Capture;

/**
 * The live-capture side panel: choose a source (monitor groups, trace a command, nlmon) and a
 * namespace, start / pause / stop, see the counters grow; the messages appear in a tab of their
 * own, following the newest unless auto-scroll is off. A view only: the state is the
 * {@link LiveSession}'s, observed through its properties.
 */
public final class CapturePanel extends VBox {
    private final LiveSession session;
    private final ChoiceBox<CaptureSpec.Kind> kind = new ChoiceBox<>();
    private final ComboBox<String> protocol = new ComboBox<>();
    private final TextField groups = new TextField("link,ipv4-ifaddr,ipv6-ifaddr,ipv4-route,ipv6-route");
    private final TextField command = new TextField("ip addr show");
    private final ComboBox<String> netns = new ComboBox<>();
    private final TextField writeFile = new TextField();
    private final Button start = new Button("Start");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Button stop = new Button("Stop");
    private final CheckBox autoScroll = new CheckBox("Auto-scroll");
    private final Label counters = new Label();
    private final Label status = new Label();

    /** @param openTab opens a tab on a capture that is being filled (the window's {@code openCapture}) */
    public CapturePanel(Function<Capture, ? extends LiveTab> openTab) {
        this.session = new LiveSession(openTab);
        getStyleClass().add("capture-panel");
        setSpacing(8);
        setPadding(new Insets(8));

        kind.getItems().setAll(CaptureSpec.Kind.values());
        kind.setValue(CaptureSpec.Kind.MONITOR);
        protocol.getItems().setAll(CaptureSpec.protocols());
        protocol.setEditable(true);
        protocol.setValue("route");
        netns.setEditable(true);
        netns.setPromptText("nlwb's own namespace");
        // Filling the list clears the editor; what was typed or picked stays, and a pick from the
        // list is the field's text at once (the capture reads the text, never silently nothing).
        netns.setOnShowing(e -> {
            String typed = netns.getEditor().getText();
            netns.getItems().setAll(namespaces());
            netns.getEditor().setText(typed);
        });
        netns.valueProperty().addListener((o, was, v) -> {
            if (v != null && !v.isBlank()) {
                netns.getEditor().setText(v);
            }
        });
        writeFile.setPromptText("optional: file.pcap / file.pcapng");
        groups.setPromptText("link,ipv4-ifaddr | nlctrl:notify | all");
        command.setPromptText("ip addr show");

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Source"), kind);
        form.addRow(row++, new Label("Namespace"), netns);
        Label protoLabel = new Label("Protocol");
        Label groupsLabel = new Label("Groups");
        Label commandLabel = new Label("Command");
        form.addRow(row++, protoLabel, protocol);
        form.addRow(row++, groupsLabel, groups);
        form.addRow(row++, commandLabel, command);
        form.addRow(row, new Label("Write to"), writeFile);
        // The labels keep their width ("Namespace", not "Namesp…"); the fields take what is left.
        form.getChildren().forEach(n -> {
            if (n instanceof Label l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        for (javafx.scene.Node n : new javafx.scene.Node[] {kind, netns, protocol, groups, command, writeFile}) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            if (n instanceof javafx.scene.control.Control c) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
        }
        var isMonitor = kind.valueProperty().isEqualTo(CaptureSpec.Kind.MONITOR);
        var isTrace = kind.valueProperty().isEqualTo(CaptureSpec.Kind.TRACE);
        for (javafx.scene.Node n : new javafx.scene.Node[] {protoLabel, protocol, groupsLabel, groups}) {
            n.visibleProperty().bind(isMonitor);
            n.managedProperty().bind(isMonitor);
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {commandLabel, command}) {
            n.visibleProperty().bind(isTrace);
            n.managedProperty().bind(isTrace);
        }
        form.disableProperty().bind(session.runningProperty());

        start.setDefaultButton(true);
        start.disableProperty().bind(session.runningProperty());
        start.setOnAction(e -> session.start(spec()));
        pause.disableProperty().bind(session.runningProperty().not().or(session.canPauseProperty().not()));
        pause.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                session.pause();
            } else {
                session.resume();
            }
        });
        session.pausedProperty().addListener((o, was, p) -> pause.setSelected(p));
        stop.disableProperty().bind(session.runningProperty().not());
        stop.setOnAction(e -> session.stop());
        autoScroll.selectedProperty().bindBidirectional(session.autoScrollProperty());
        HBox buttons = new HBox(6, start, pause, stop, autoScroll);

        counters.textProperty().bind(Bindings.format("Messages: %,d   Bytes: %,d   Overruns: %,d",
                session.messagesProperty(), session.bytesProperty(), session.overrunsProperty()));
        counters.getStyleClass().add("capture-counters");
        status.textProperty().bind(session.statusProperty());
        status.setWrapText(true);
        status.getStyleClass().add("capture-status");
        session.overrunsProperty().addListener((o, was, n) -> counters.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("overrun"), n.longValue() > 0));

        getChildren().addAll(form, buttons, counters, status);
    }

    public LiveSession session() {
        return session;
    }

    /** The spec the form describes now. */
    public CaptureSpec spec() {
        String file = writeFile.getText();
        return new CaptureSpec(kind.getValue(), protocol.getValue(), groups.getText(), command.getText(),
                namespaceText(), file == null || file.isBlank() ? null : Path.of(file.strip()));
    }

    /** The namespace typed, or else the one picked from the list (an editor can lag behind a pick). */
    private String namespaceText() {
        String typed = netns.getEditor().getText();
        return typed != null && !typed.isBlank() ? typed : netns.getValue();
    }

    public ChoiceBox<CaptureSpec.Kind> kindChoice() {
        return kind;
    }

    public TextField groupsField() {
        return groups;
    }

    public TextField commandField() {
        return command;
    }

    public ComboBox<String> namespaceField() {
        return netns;
    }

    public TextField writeFileField() {
        return writeFile;
    }

    public Label countersLabel() {
        return counters;
    }

    public Button startButton() {
        return start;
    }

    public Button stopButton() {
        return stop;
    }

    private static java.util.List<String> namespaces() {
        try (var s = java.nio.file.Files.list(org.nlwb.capture.netns.NetNamespace.NETNS_DIR)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }
}
