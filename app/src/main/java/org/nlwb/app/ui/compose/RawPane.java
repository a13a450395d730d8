package org.nlwb.app.ui.compose;

import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.app.ui.view.MessagePane;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * Raw mode: the datagram as hex text, editable byte by byte, decoded as you type in the same
 * tree and hex views (a node selected in the tree selects its digits here too). Whatever parses
 * as hex is sent exactly so: wrong lengths, unknown types and all.
 */
final class RawPane extends BorderPane {
    private final TextArea text = new TextArea();
    private final Label problem = new Label();
    private final ComboBox<Integer> which = new ComboBox<>();
    private final MessagePane pane = new MessagePane(null);
    private final Consumer<byte[]> edited;
    private DecodedCapture preview;
    private Registry registry;
    private int protocol;
    private String genlFamily;

    RawPane(Consumer<byte[]> edited) {
        this.edited = edited;
        text.setId("compose-raw");
        text.getStyleClass().add("compose-raw");
        text.setPrefRowCount(8);
        problem.getStyleClass().add("compose-problem");
        which.setPromptText("message");
        which.valueProperty().addListener((o, was, i) -> showMessage(i));
        text.textProperty().addListener((o, was, t) -> reparse(t));
        pane.model().selectedNodeProperty().addListener((o, was, n) -> selectDigits(n));
        SplitPane split = new SplitPane(new VBox(4, text, new HBox(8, new Label("Decoded message"), which, problem)), pane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        setCenter(split);
        // the decoded tree beside its bytes only where both fit: in the composer's half of a
        // 1024-wide window the hex kept its full width and squeezed the tree to "RTM_NE", "ifi_fa"
        pane.split().setOrientation(Orientation.VERTICAL);
        widthProperty().addListener((o, was, w) -> pane.split().setOrientation(
                w.doubleValue() >= HexView.FULL_WIDTH + TREE_BESIDE ? Orientation.HORIZONTAL : Orientation.VERTICAL));
    }

    /** The tree's width beside the hex, below which it goes above it. */
    private static final double TREE_BESIDE = 320;

    MessagePane messagePane() {
        return pane;
    }

    TextArea text() {
        return text;
    }

    /** Shows {@code bytes} to edit; {@code genlFamily} names a generic netlink id while previewing. */
    void show(byte[] bytes, int proto, String family, Registry reg) {
        this.protocol = proto;
        this.genlFamily = family;
        this.registry = reg;
        text.setText(HexText.format(bytes));
    }

    private void reparse(String t) {
        byte[] b;
        try {
            b = HexText.parse(t);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        problem.setText(b.length + " bytes");
        edited.accept(b);
        if (registry == null) {
            return;
        }
        Capture c = new Capture("composer raw", "live");
        c.append(new Record(0, Direction.TO_KERNEL, protocol, -1, -1, "sendto", "raw", ByteView.of(b)));
        ConversationPolicy policy = ConversationPolicy.captureOnly();
        if (genlFamily != null) {
            policy = policy.withUserFamilies(Map.of(ComposedMessage.PLACEHOLDER_GENL_ID, genlFamily));
        }
        preview = new DecodedCapture(c, registry, policy, null);
        Integer was = which.getValue();
        which.getItems().clear();
        for (int i = 0; i < preview.messageCount(); i++) {
            which.getItems().add(i + 1);
        }
        which.setValue(was != null && was <= preview.messageCount() ? was : preview.messageCount() > 0 ? 1 : null);
        showMessage(which.getValue());
    }

    private void showMessage(Integer i) {
        if (preview == null || i == null || i < 1 || i > preview.messageCount()) {
            pane.model().show(null);
            return;
        }
        pane.model().show(preview.decoded(i - 1));
        pane.setTitle("Decoded as typed: " + preview.decoded(i - 1).typeName());
    }

    /** The digits of the selected node's bytes, selected in the text (while it is laid out as formatted). */
    private void selectDigits(Node n) {
        if (n == null || pane.model().message() == null || text.isFocused()) {
            return;
        }
        int base = pane.model().message().ref().offset();
        int from = base + n.offset();
        int to = from + n.length();
        if (n.length() > 0 && HexText.charOf(to - 1) + 2 <= text.getLength()) {
            text.selectRange(HexText.charOf(from), HexText.charOf(to - 1) + 2);
        }
    }
}
