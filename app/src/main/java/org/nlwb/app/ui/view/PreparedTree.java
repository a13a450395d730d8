package org.nlwb.app.ui.view;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.TreeItem;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * A message's tree made ready for the {@link TreePane} on any thread: its items (not yet on
 * screen, so no thread rule applies to them until the pane takes them), each node's item, the
 * statuses its nodes have (the legend) and, per distinct name, the widest indent it is drawn at
 * (sizing Name measures each distinct name once, not each node). Made once, handed over once: the
 * pane owns the items from then on.
 *
 * @param root   the root item, header and top level expanded as the pane opens them
 * @param items  node → its item (identity: equal nodes of one tree are different rows)
 * @param indent name → the widest room before its text (indent, disclosure arrow, status mark)
 */
public record PreparedTree(DecodedMessage message, TreeItem<Node> root, Map<Node, TreeItem<Node>> items,
                           Set<Status> statuses, Map<String, Double> indent) {
    static final double INDENT = 10;
    static final double ARROW = 18;
    static final double MARK = 16;

    /** The items of {@code m}'s tree (any thread; null for null). */
    public static PreparedTree of(DecodedMessage m) {
        if (m == null) {
            return null;
        }
        Map<Node, TreeItem<Node>> items = new IdentityHashMap<>();
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        Map<String, Double> indent = new HashMap<>();
        TreeItem<Node> root = item(m.tree(), 0, items, statuses, indent);
        statuses.remove(Status.OK);
        return new PreparedTree(m, root, Collections.unmodifiableMap(items), Collections.unmodifiableSet(statuses),
                Collections.unmodifiableMap(indent));
    }

    private static TreeItem<Node> item(Node n, int depth, Map<Node, TreeItem<Node>> items, Set<Status> statuses,
                                       Map<String, Double> indent) {
        TreeItem<Node> it = new TreeItem<>(n);
        items.put(n, it);
        statuses.add(n.status());
        indent.merge(n.name(), depth * INDENT + ARROW + (n.status() == Status.OK ? 0 : MARK), Math::max);
        if (!n.children().isEmpty()) {
            TreeItem<?>[] children = new TreeItem<?>[n.children().size()];
            int i = 0;
            for (Node c : n.children()) {
                children[i++] = item(c, depth + 1, items, statuses, indent);
            }
            @SuppressWarnings("unchecked")
            TreeItem<Node>[] typed = (TreeItem<Node>[]) children;
            it.getChildren().setAll(typed); // one change event, not one per child
        }
        // Open the header and the top level; nested attributes open on demand.
        it.setExpanded(depth == 0 || (depth == 1 && !n.name().equals("nlmsghdr")) || n.status() == Status.MALFORMED);
        return it;
    }
}
