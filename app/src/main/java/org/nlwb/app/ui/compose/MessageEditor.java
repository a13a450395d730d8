package org.nlwb.app.ui.compose;

import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * One {@link ComposedMessage} edited: protocol → family → operation (do or dump), nlmsg_flags
 * as check boxes (ACK on by default), the fixed header by member and the attributes of the
 * operation's set with their typed editors.
 */
final class MessageEditor extends VBox {
    private static final List<String> FLAGS = List.of("CREATE", "EXCL", "REPLACE", "APPEND", "ECHO", "NONREC", "ATOMIC");
    private final ComposedMessage message;
    private final SpecCatalog catalog;
    private final ComboBox<String> protocol = new ComboBox<>();
    private final ComboBox<String> family = new ComboBox<>();
    private final ComboBox<String> op = new ComboBox<>();
    private final CheckBox dump = new CheckBox("dump");
    private final VBox body = new VBox(6);
    private boolean loading;

    MessageEditor(ComposedMessage message, SpecCatalog catalog) {
        this.message = message;
        this.catalog = catalog;
        getStyleClass().add("compose-message");
        setSpacing(6);
        protocol.setId("compose-protocol");
        family.setId("compose-family");
        op.setId("compose-op");
        protocol.getItems().setAll(new TreeSet<>(catalog.entries().stream()
                .map(e -> Protocol.shortName(e.facts().protocol())).toList()));
        protocol.valueProperty().addListener((o, was, p) -> fillFamilies(p));
        family.valueProperty().addListener((o, was, f) -> fillOps(f));
        op.valueProperty().addListener((o, was, x) -> chosen());
        dump.selectedProperty().addListener((o, was, x) -> chosen());
        // a flow, not a row: in a narrow composer pane a row cut its labels to "Prot..." and "Fa..."
        FlowPane picker = new FlowPane(6, 4);
        picker.getChildren().addAll(pair("Protocol", protocol), pair("Family", family), pair("Operation", op), dump);
        picker.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dump.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(picker, flagBoxes(), body);
        load();
    }

    /** A label and its drop-down, kept on one line and never cut. */
    private static HBox pair(String text, ComboBox<String> box) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox h = new HBox(4, l, box);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    private FlowPane flagBoxes() {
        FlowPane p = new FlowPane(10, 2);
        p.getChildren().add(new Label("nlmsg_flags: REQUEST"));
        CheckBox ack = new CheckBox("ACK");
        ack.setId("flag-ACK");
        ack.setSelected(message.ack());
        ack.selectedProperty().addListener((o, was, on) -> message.setAck(on));
        p.getChildren().add(ack);
        for (String f : FLAGS) {
            CheckBox b = new CheckBox(f);
            b.setId("flag-" + f);
            b.setSelected(message.flags().contains(f));
            b.selectedProperty().addListener((o, was, on) -> message.setFlag(f, on));
            p.getChildren().add(b);
        }
        return p;
    }

    /** Shows the message as it is (after a template or file was loaded into it). */
    void load() {
        loading = true;
        try {
            Family f = catalog.family(message.family()).orElse(null);
            if (f != null) {
                protocol.setValue(Protocol.shortName(f.protocol()));
                fillFamilies(protocol.getValue());
            }
            family.setValue(message.family());
            fillOps(message.family());
            op.setValue(message.op());
            dump.setSelected(message.dump());
        } finally {
            loading = false;
        }
        rebuildBody();
    }

    private void fillFamilies(String proto) {
        String was = family.getValue();
        family.getItems().setAll(catalog.entries().stream().map(e -> e.facts())
                .filter(f -> Protocol.shortName(f.protocol()).equals(proto)).map(f -> f.name()).sorted().toList());
        if (was != null && family.getItems().contains(was)) {
            family.setValue(was);
        }
    }

    private void fillOps(String fam) {
        Family f = fam == null ? null : catalog.family(fam).orElse(null);
        op.getItems().setAll(f == null ? List.of() : f.operations().stream().filter(o -> o.requestId() != null)
                .map(OpSpec::name).toList());
    }

    private void chosen() {
        if (loading || family.getValue() == null || op.getValue() == null) {
            return;
        }
        message.setOperation(family.getValue(), op.getValue(), dump.isSelected());
        rebuildBody();
    }

    private void rebuildBody() {
        body.getChildren().clear();
        Family f = catalog.family(message.family()).orElse(null);
        OpSpec o = f == null ? null : f.operations().stream().filter(x -> x.name().equals(message.op())).findFirst()
                .orElse(null);
        if (o == null) {
            body.getChildren().add(new Label("No spec operation " + message.family() + " " + message.op()));
            return;
        }
        EditContext ctx = new EditContext(new FamilyCodecs(f), message::changed);
        if (o.fixedHeader() != null) {
            Label h = new Label(o.fixedHeader());
            h.getStyleClass().add("compose-section");
            body.getChildren().addAll(h, StructFields.header(ctx, o.fixedHeader(), message.values(), o.attributeSet()));
        }
        if (o.attributeSet() != null) {
            Label a = new Label("Attributes (" + o.attributeSet() + ")");
            a.getStyleClass().add("compose-section");
            body.getChildren().addAll(a, new AttributeList(ctx, o.attributeSet(), message.values(), List.of(),
                    StructFields.members(ctx, o.fixedHeader()), ""));
        }
    }
}
