package org.nlwb.decoder.diff;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.tree.Node;

/**
 * Which node of one message tree is which of the other, matched as {@link TreeDiff} matches them
 * (by name, namesakes by order, padding by the sibling before it): what lets a view select a
 * node's counterpart, and find the node a {@link Difference#path} names. Nodes are matched by
 * identity, so the trees must be the ones compared.
 */
public final class NodeMatch {
    private final Map<Node, Node> leftToRight = new IdentityHashMap<>();
    private final Map<Node, Node> rightToLeft = new IdentityHashMap<>();

    private NodeMatch() {
    }

    /** Matches {@code left} with {@code right}; either may be null (nothing matches then). */
    public static NodeMatch of(Node left, Node right) {
        NodeMatch m = new NodeMatch();
        if (left != null && right != null) {
            m.match(left, right);
        }
        return m;
    }

    private void match(Node l, Node r) {
        leftToRight.put(l, r);
        rightToLeft.put(r, l);
        Map<String, Node> rs = keyed(r.children());
        for (Map.Entry<String, Node> e : keyed(l.children()).entrySet()) {
            Node other = rs.get(e.getKey());
            if (other != null) {
                match(e.getValue(), other);
            }
        }
    }

    /** The right tree's counterpart of a left node, or null when the right tree lacks it. */
    public Node right(Node left) {
        return leftToRight.get(left);
    }

    /** The left tree's counterpart of a right node, or null. */
    public Node left(Node right) {
        return rightToLeft.get(right);
    }

    /**
     * The node of {@code tree} that {@code path} (a {@link Difference#path}) names, or the deepest
     * node on the way when the tree lacks the rest; null for a metadata path or a null tree.
     */
    public static Node find(Node tree, String path) {
        if (tree == null || path.startsWith("@")) {
            return null;
        }
        Iterator<String> segments = List.of(path.split("/")).iterator();
        segments.next(); // the root's own name, which may differ between the sides
        Node at = tree;
        while (segments.hasNext()) {
            Node next = keyed(at.children()).get(segments.next());
            if (next == null) {
                return at;
            }
            at = next;
        }
        return at;
    }

    private static Map<String, Node> keyed(List<Node> children) {
        Map<String, Node> out = new LinkedHashMap<>();
        Keys keys = new Keys();
        for (Node c : children) {
            out.put(keys.next(c), c);
        }
        return out;
    }
}
