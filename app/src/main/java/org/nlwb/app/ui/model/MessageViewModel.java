package org.nlwb.app.ui.model;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.nlwb.app.ui.model.HexViewModel.ByteRange;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.tree.Node;

/**
 * One message on screen: its decoded tree, the selected node, and the hex pane that follows the
 * selection. Selecting a node highlights exactly its bytes and shades its parent's; selecting
 * bytes selects the deepest node covering them. FX thread only.
 */
public final class MessageViewModel {
    private final ReadOnlyObjectWrapper<DecodedMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Node> selectedNode = new ReadOnlyObjectWrapper<>();
    private final HexViewModel hex = new HexViewModel();

    public ReadOnlyObjectProperty<DecodedMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Node> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public DecodedMessage message() {
        return message.get();
    }

    public Node selectedNode() {
        return selectedNode.get();
    }

    public HexViewModel hex() {
        return hex;
    }

    /** Shows {@code m} (or nothing for null) with no node selected. */
    public void show(DecodedMessage m) {
        selectedNode.set(null);
        hex.show(m == null ? ByteView.empty() : m.ref().bytes());
        message.set(m);
    }

    /** Selects {@code n} (a node of the shown tree, or null). */
    public void selectNode(Node n) {
        DecodedMessage m = message.get();
        if (m == null || n == null) {
            selectedNode.set(null);
            hex.mark(ByteRange.NONE, ByteRange.NONE);
            return;
        }
        List<Node> path = m.tree().pathTo(n);
        Node parent = path.size() >= 2 ? path.get(path.size() - 2) : null;
        hex.mark(new ByteRange(n.offset(), n.end()),
                parent == null ? ByteRange.NONE : new ByteRange(parent.offset(), parent.end()));
        selectedNode.set(n);
    }

    /** Selects the deepest node covering bytes {@code [from, to)} (a click is one byte). */
    public void selectBytes(int from, int to) {
        DecodedMessage m = message.get();
        if (m == null || from < 0 || to <= from) {
            return;
        }
        int len = hex.bytes().length();
        int a = Math.min(from, len - 1);
        int b = Math.min(to, len);
        Node n = m.tree().deepestCovering(a, Math.max(b, a + 1));
        hex.moveCaret(a);
        selectNode(n);
    }

    /** Moves the caret by {@code delta} bytes and selects what covers it (arrow keys in the hex pane). */
    public void moveCaret(int delta) {
        int len = hex.bytes().length();
        if (message.get() == null || len == 0) {
            return;
        }
        int c = hex.caretProperty().get();
        int to = Math.max(0, Math.min(len - 1, (c < 0 ? 0 : c) + delta));
        selectBytes(to, to + 1);
        hex.moveCaret(to);
    }

    /**
     * Selects the field (leaf) after ({@code step > 0}) or before the selected node's bytes: the
     * hex pane's way to walk the message node by node.
     */
    public void selectAdjacentField(int step) {
        DecodedMessage m = message.get();
        int len = hex.bytes().length();
        if (m == null || len == 0) {
            return;
        }
        Node cur = selectedNode.get();
        int at;
        if (cur == null) {
            at = step > 0 ? 0 : len - 1;
        } else {
            at = step > 0 ? cur.end() : cur.offset() - 1;
        }
        if (at < 0 || at >= len) {
            return;
        }
        Node leaf = m.tree().deepestCovering(at, at + 1);
        hex.moveCaret(leaf.offset());
        selectNode(leaf);
    }

    /** Finds the node in the shown tree with this name at this place (trees are rebuilt when decoded again). */
    public Node findNode(String name, int offset, int length) {
        DecodedMessage m = message.get();
        if (m == null) {
            return null;
        }
        Node[] found = new Node[1];
        m.tree().walk(n -> {
            if (found[0] == null && n.name().equals(name) && n.offset() == offset && n.length() == length) {
                found[0] = n;
            }
        });
        return found[0];
    }
}
