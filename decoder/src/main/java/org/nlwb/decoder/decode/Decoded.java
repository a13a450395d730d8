package org.nlwb.decoder.decode;

import java.util.List;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;

/**
 * What a value decoder says about a payload: its value, how to show it, and, for nested
 * attributes and structs, the child nodes that tile the payload.
 *
 * @param value    JSON-friendly value (see {@link Node}) or null for containers
 * @param display  text a person reads
 * @param children nodes tiling the payload exactly, or empty for a scalar (the walker then adds
 *                 one {@code value} leaf over the payload)
 * @param status   {@link Status#OK}, {@link Status#UNKNOWN} or {@link Status#MALFORMED}
 * @param note     why malformed / what was guessed, or null
 *
 * <p>{@code children} is a {@link NodeList}, as {@link Node}'s are: taken as it is, any other
 * list copied into one.
 */
public record Decoded(Object value, String display, List<Node> children, Status status, String note) {
    public Decoded {
        children = NodeList.of(children);
    }

    public static Decoded of(Object value, String display) {
        return new Decoded(value, display, NodeList.EMPTY, Status.OK, null);
    }

    public static Decoded container(String display, List<Node> children) {
        return new Decoded(null, display, children, Status.OK, null);
    }

    public static Decoded malformed(Object value, String display, String note) {
        return new Decoded(value, display, NodeList.EMPTY, Status.MALFORMED, note);
    }

    public Decoded withStatus(Status s, String n) {
        return new Decoded(value, display, children, s, n);
    }
}
