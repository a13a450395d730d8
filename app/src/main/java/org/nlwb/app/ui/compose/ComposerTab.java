package org.nlwb.app.ui.compose;

import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.spec.SpecCatalog;

/**
 * A composer tab: the composition (typed editors per message, or raw hex) on the left, the last
 * send's conversation on the right, the templates, the target and Send above, the policy Check
 * and the first problem of the composition below. One {@link SessionHolder} per tab, closed with it.
 */
public final class ComposerTab extends Tab {
    private final ComposerHost host;
    private final SpecCatalog catalog;
    private final MessageEncoder encoder;
    private final Composition composition;
    private final SessionHolder sessions = new SessionHolder();
    private final VBox messages = new VBox(10);
    private final RawPane raw = new RawPane(this::rawEdited);
    private final BorderPane left = new BorderPane();
    private final ConversationPane conversation;
    private final TargetChooser target;
    private final ToggleButton rawToggle = new ToggleButton("Raw hex");
    private final CheckBox fixUp = new CheckBox("fix up seq/pid");
    private final Label problem = new Label();
    private final Button send = new Button("Send");
    private final TextField subscribe = new TextField();
    private final PolicyCheckAction policyCheck;
    private int sends;

    ComposerTab(String title, ComposerHost host, SpecCatalog catalog, List<Request> requests) {
        super(title);
        this.host = host;
        this.catalog = catalog;
        this.encoder = new MessageEncoder(catalog);
        this.composition = new Composition(requests);
        this.conversation = new ConversationPane(host);
        this.target = new TargetChooser(host.owner());
        this.policyCheck = new PolicyCheckAction(this, () -> messages.getChildren().stream()
                .filter(n -> n instanceof MessageEditor).toList());
        getStyleClass().add("composer-tab");
        problem.setId("compose-problem");
        problem.getStyleClass().add("compose-problem");
        send.setId("compose-send");
        send.setDefaultButton(true);
        send.setOnAction(e -> send());
        subscribe.setId("compose-subscribe");
        subscribe.setPromptText("link, ipv4-ifaddr, nlctrl:notify");
        subscribe.setPrefColumnCount(16); // the example in it whole
        subscribe.setTooltip(new Tooltip("Multicast groups to listen to while sending, named as nlwb monitor --groups"
                + " names them; their notifications show in the conversation"));
        rawToggle.setId("compose-raw-toggle");
        rawToggle.selectedProperty().addListener((o, was, on) -> setRaw(on));
        fixUp.setSelected(true);
        fixUp.selectedProperty().addListener((o, was, on) -> composition.setFixUp(on));
        composition.addListener(this::validate);
        SplitPane split = new SplitPane(left, conversation);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        BorderPane root = new BorderPane(split);
        root.setTop(toolBar());
        javafx.scene.Node check = policyCheck.node();
        if (check instanceof javafx.scene.layout.Region r) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // Check and Policy… stay whole beside a long problem
        }
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(10, check, problem);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the first problem of the composition, whole: a narrow window wraps it rather than cut it
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(problem, javafx.scene.layout.Priority.ALWAYS);
        root.setBottom(bottom);
        root.getStylesheets().add(ComposerTab.class.getResource("compose.css").toExternalForm());
        setContent(root);
        showMessages();
        setOnClosed(e -> sessions.close());
    }

    /**
     * The tab's controls, wrapping onto a second line in a narrow window: a tool bar hid the
     * target, Subscribe and Send behind its overflow arrow at 1024×700. A label stays with its field.
     */
    private FlowPane toolBar() {
        MenuButton templates = new MenuButton("Templates");
        templates.setId("compose-templates");
        for (Templates.Template t : Templates.all()) {
            MenuItem mi = new MenuItem(t.name());
            mi.setMnemonicParsing(false); // a template's name is shown as written
            mi.setOnAction(e -> loadTemplate(t));
            templates.getItems().add(mi);
        }
        Button add = new Button("Add message");
        add.setTooltip(new javafx.scene.control.Tooltip("Another message in the same datagram (a batch)"));
        add.setOnAction(e -> {
            composition.add(composition.messages().get(composition.messages().size() - 1).request());
            showMessages();
        });
        ComposerFileActions files = new ComposerFileActions(this);
        FlowPane bar = new FlowPane(6, 4, templates, add, rawToggle, files.saveButton(), files.loadButton(),
                together(new Label("Target"), target), together(new Label("Subscribe"), subscribe), together(fixUp, send));
        bar.getStyleClass().add("tool-bar");
        bar.setId("compose-tool-bar");
        return bar;
    }

    private static javafx.scene.layout.HBox together(javafx.scene.Node... nodes) {
        javafx.scene.layout.HBox h = new javafx.scene.layout.HBox(6, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return h;
    }

    public Composition composition() {
        return composition;
    }

    ComposerHost host() {
        return host;
    }

    MessageEncoder encoder() {
        return encoder;
    }

    /** The Check action: the composition against the running kernel's policy. */
    public PolicyCheckAction policyCheck() {
        return policyCheck;
    }

    public ConversationPane conversation() {
        return conversation;
    }

    RawPane rawPane() {
        return raw;
    }

    TargetChooser targetChooser() {
        return target;
    }

    /** The "Subscribe" field: group names to listen to while sending. */
    public TextField subscribe() {
        return subscribe;
    }

    public SessionHolder sessions() {
        return sessions;
    }

    /** Replaces the composition with a template's messages. */
    public void loadTemplate(Templates.Template t) {
        load(t.messages());
        setText("Compose: " + t.name());
    }

    public void load(List<Request> requests) {
        rawToggle.setSelected(false);
        composition.load(requests);
        showMessages();
    }

    /** Raw bytes to edit and send (a replay, a .data or hex file). */
    void loadRaw(int protocol, String family, byte[] bytes) {
        composition.loadRaw(protocol, family, bytes);
        raw.show(bytes, protocol, family, host.registry());
        rawToggle.setSelected(true);
        left.setCenter(raw);
    }

    private void showMessages() {
        messages.getChildren().clear();
        int i = 0;
        for (ComposedMessage m : composition.messages()) {
            MessageEditor e = new MessageEditor(m, catalog);
            if (composition.messages().size() > 1) {
                Label title = new Label("Message " + (++i));
                title.getStyleClass().add("compose-section");
                Button remove = AttributeList.small("✕", "Remove this message from the batch", () -> {
                    composition.remove(m);
                    showMessages();
                });
                messages.getChildren().add(new javafx.scene.layout.HBox(6, title, remove));
            }
            messages.getChildren().add(e);
        }
        ScrollPane scroll = new ScrollPane(messages);
        scroll.setFitToWidth(true);
        left.setCenter(scroll);
        validate();
        policyCheck.refresh();
    }

    private void setRaw(boolean on) {
        if (on == composition.isRaw()) {
            left.setCenter(on ? raw : left.getCenter());
            return;
        }
        if (on) {
            try {
                byte[] b = composition.datagram(encoder, n -> ComposedMessage.PLACEHOLDER_GENL_ID);
                String fam = composition.familyName();
                loadRaw(composition.protocol(encoder), fam, b);
            } catch (EncodeException e) {
                problem.setText("Cannot show as bytes: " + e.getMessage());
                rawToggle.setSelected(false);
            }
        } else {
            composition.leaveRaw();
            showMessages();
        }
    }

    private void rawEdited(byte[] b) {
        if (composition.isRaw()) {
            composition.loadRaw(composition.protocolOrZero(encoder), composition.familyName(), b);
        }
    }

    private void validate() {
        problem.setText(composition.problem(encoder).orElse(""));
    }

    /** Sends the composition in the background; the conversation shows when the answer is in. */
    public void send() {
        ComposerSend.Prepared p;
        SendTarget t;
        try {
            p = ComposerSend.Prepared.of(composition, encoder, subscribe.getText());
            t = target.target();
        } catch (java.io.IOException e) {
            conversation.notSent("Subscribe: " + e.getMessage());
            return;
        } catch (EncodeException | IllegalArgumentException e) {
            problem.setText("Not sent: " + e.getMessage());
            return;
        }
        int number = ++sends;
        Task<ComposerSend.Outcome> task = new Task<>() {
            @Override
            protected ComposerSend.Outcome call() throws Exception {
                updateTitle("Sending (" + number + ") to " + t.describe());
                return ComposerSend.send(sessions.session(t), p, encoder, org.nlwb.capture.send.SendRequest.DEFAULT_TIMEOUT_MS);
            }
        };
        send.setDisable(true);
        host.run(task, outcome -> {
            send.setDisable(false);
            conversation.show(outcome, host.registry(), catalog);
            host.status("Sent in " + sessions.current().map(s -> s.where()).orElse(t.describe()) + ": "
                    + conversation.answer().summary());
        }, e -> {
            send.setDisable(false);
            String why = "Not sent: " + (e == null ? "failed" : e.getMessage());
            problem.setText(why);
            conversation.notSent(why);
        });
    }
}
