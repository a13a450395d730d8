package org.nlwb.decoder.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule that keeps decoders honest: the leaves of a message tile its bytes exactly, each byte
 * once, and every child lies inside its parent.
 */
public final class TreeChecks {
    private TreeChecks() {
    }

    /**
     * Problems with {@code root} as the tree of a message of {@code messageLength} bytes; empty when
     * the tree is sound.
     */
    public static List<String> violations(Node root, int messageLength) {
        List<String> problems = new ArrayList<>();
        if (root.offset() != 0 || root.length() != messageLength) {
            problems.add("root covers " + root.offset() + "+" + root.length() + ", message is 0+" + messageLength);
        }
        checkContainment(root, problems, root.name());
        List<Node> leaves = new ArrayList<>();
        collectLeaves(root, leaves);
        int expected = 0;
        for (Node leaf : leaves) {
            if (leaf.length() == 0) {
                continue;
            }
            if (leaf.offset() != expected) {
                problems.add((leaf.offset() > expected ? "bytes " + expected + ".." + (leaf.offset() - 1) + " unexplained"
                        : "bytes " + leaf.offset() + ".." + (expected - 1) + " explained twice") + " (at leaf " + leaf.name() + ")");
            }
            expected = Math.max(expected, leaf.end());
        }
        if (expected != messageLength) {
            problems.add("leaves end at " + expected + ", message has " + messageLength + " bytes");
        }
        return problems;
    }

    /**
     * Problems with {@code nodes} as what explains the region {@code [offset, offset+length)} of a
     * message (a body, an attribute's payload): every node lies inside the region and its parent,
     * and their leaves cover each byte of the region once. Empty when sound; a null list or node
     * is a problem too. For checking what a plugin returned before it goes into a tree; builds no
     * text unless something is wrong.
     */
    public static List<String> tilingViolations(List<Node> nodes, int offset, int length) {
        if (nodes == null) {
            return List.of("no node list (null)");
        }
        if (nodes.stream().anyMatch(Objects::isNull)) {
            return List.of("a null node in the list");
        }
        Tiling t = new Tiling(offset);
        for (Node n : nodes) {
            t.visit(offset, offset + length, n);
        }
        if (t.expected != offset + length) {
            t.problems.add("leaves end at " + t.expected + ", the region at " + (offset + length));
        }
        return t.problems;
    }

    /** {@code problems} in one line for a note: the first, and how many more. */
    public static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }

    /** One pass over a region's nodes: containment, and leaves in order without gap or overlap. */
    private static final class Tiling {
        private final List<String> problems = new ArrayList<>();
        private int expected;

        Tiling(int start) {
            this.expected = start;
        }

        void visit(int from, int to, Node n) {
            if (n.offset() < from || n.end() > to) {
                problems.add(n.name() + " (" + n.offset() + "+" + n.length() + ") lies outside " + from + ".." + (to - 1));
            }
            if (!n.isLeaf()) {
                for (Node c : n.children()) {
                    visit(n.offset(), n.end(), c);
                }
                return;
            }
            if (n.length() == 0) {
                return;
            }
            if (n.offset() != expected) {
                problems.add((n.offset() > expected ? "bytes " + expected + ".." + (n.offset() - 1) + " unexplained"
                        : "bytes " + n.offset() + ".." + (expected - 1) + " explained twice") + " (at leaf " + n.name() + ")");
            }
            expected = Math.max(expected, n.end());
        }
    }

    private static void checkContainment(Node n, List<String> problems, String path) {
        for (Node c : n.children()) {
            String p = path + "/" + c.name();
            if (c.offset() < n.offset() || c.end() > n.end()) {
                problems.add(p + " (" + c.offset() + "+" + c.length() + ") lies outside its parent (" + n.offset() + "+" + n.length() + ")");
            }
            checkContainment(c, problems, p);
        }
    }

    private static void collectLeaves(Node n, List<Node> out) {
        if (n.isLeaf()) {
            out.add(n);
        } else {
            for (Node c : n.children()) {
                collectLeaves(c, out);
            }
        }
    }
}
