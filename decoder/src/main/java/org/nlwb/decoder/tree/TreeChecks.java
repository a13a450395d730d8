package org.nlwb.decoder.tree;

import java.util.ArrayList;
import java.util.List;

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
