package org.nlwb.decoder.diff;

import java.io.PrintWriter;
import java.util.List;
import org.nlwb.decoder.tree.Node;

/**
 * A comparison as text in the manner of {@code diff -u}: a {@code ---}/{@code +++} header naming
 * the two sides, then per pair of messages that differ an {@code @@} line with both message
 * numbers, and per difference its path and kind, the left side's lines with {@code -} and the
 * right side's with {@code +} ({@code name: value  [offset+length]}, whole subtrees for what one
 * side lacks). Prints nothing when the two are equal.
 */
public final class DiffText {
    private final PrintWriter out;
    private final boolean includeNoise;

    public DiffText(PrintWriter out, boolean includeNoise) {
        this.out = out;
        this.includeNoise = includeNoise;
    }

    public void write(String leftName, String rightName, ConversationDiff diff) {
        if (diff.equal(includeNoise)) {
            return;
        }
        out.println("--- " + leftName);
        out.println("+++ " + rightName);
        for (MessageDiff m : diff.pairs()) {
            List<Difference> ds = m.counted(includeNoise);
            if (ds.isEmpty()) {
                continue;
            }
            out.println("@@ " + number(m.leftIndex(), m.leftTree()) + " " + number(m.rightIndex(), m.rightTree()) + " @@");
            for (Difference d : ds) {
                write(d);
            }
        }
    }

    private static String number(int index, Node tree) {
        return index < 0 ? "(none)" : "#" + index + " " + tree.name();
    }

    private void write(Difference d) {
        out.println("  " + d.path() + "  (" + d.kind().label() + (d.isNoise() ? ", noise: " + d.noise().pattern() : "") + ")");
        side('-', d.left(), d.kind() == DiffKind.REMOVED);
        side('+', d.right(), d.kind() == DiffKind.ADDED);
    }

    private void side(char mark, Side s, boolean whole) {
        if (s == null) {
            return;
        }
        if (s.node() == null) {
            out.println(mark + "   " + s.text());
        } else if (whole) {
            subtree(mark, s.node(), 1);
        } else {
            out.println(mark + "   " + line(s.node()));
        }
    }

    private void subtree(char mark, Node n, int depth) {
        out.println(mark + "  " + "  ".repeat(depth) + line(n));
        for (Node c : n.children()) {
            if (!c.name().equals("nla_len") && !c.name().equals("nla_type") && !(c.name().equals("value") && c.isLeaf())) {
                subtree(mark, c, depth + 1);
            }
        }
    }

    private static String line(Node n) {
        return n.name() + ": " + Side.describe(n) + "  [" + n.offset() + "+" + n.length() + "]";
    }
}
