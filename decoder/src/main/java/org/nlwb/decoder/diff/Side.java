package org.nlwb.decoder.diff;

import org.nlwb.decoder.tree.Node;

/**
 * One side of a difference: the node (its bytes are {@code offset}/{@code length} of its
 * message) and what a person reads for it. For an order or metadata difference there is no
 * single node: {@code node} is null and {@code text} says it.
 */
public record Side(Node node, String text) {

    /** A node's side, its display (else value) as the text. */
    public static Side of(Node n) {
        return new Side(n, describe(n));
    }

    public static Side text(String text) {
        return new Side(null, text);
    }

    /** {@code display}, else the value, else the length: what a tree row shows as the value. */
    static String describe(Node n) {
        if (n.display() != null) {
            return n.display();
        }
        if (n.value() != null) {
            return String.valueOf(n.value());
        }
        return n.length() + " bytes";
    }
}
