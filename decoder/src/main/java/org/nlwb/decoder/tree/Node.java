package org.nlwb.decoder.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One node of a decoded message: an immutable value.
 *
 * <p>{@code offset} and {@code length} are absolute within the message (offset 0 is the first
 * byte of its nlmsghdr). {@code type} is the numeric wire type where the node has one (an
 * attribute's nla_type without flag bits, a message's nlmsg_type), else {@code null}.
 * {@code value} is JSON-friendly: {@code null}, {@link Long}, {@link java.math.BigInteger},
 * {@link Boolean} or {@link String} (binary values are lower-case hex strings).
 * {@code display} is what a person reads ({@code "-ENODEV"}, {@code "REQUEST|ACK"}).
 *
 * <p>The leaves of a message tile its bytes exactly, each byte once; see {@link TreeChecks}.
 *
 * <p>{@code children} is always a {@link NodeList} (unmodifiable; null is no children): the
 * constructor takes a NodeList as it is, since nobody can change it, and copies any other list
 * into one. Decoders build children with {@link NodeList#builder} for that reason: a tree is
 * built once, bottom-up, and copying every level's list again was a large part of the decode.
 */
public record Node(String name, Integer type, int offset, int length, Object value, String display,
                   Status status, String note, List<Node> children) {

    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset/length for " + name + ": " + offset + "+" + length);
        }
        children = NodeList.of(children);
    }

    /** A leaf. */
    public static Node leaf(String name, Integer type, int offset, int length, Object value, String display) {
        return new Node(name, type, offset, length, value, display, Status.OK, null, NodeList.EMPTY);
    }

    public static Node leaf(String name, int offset, int length, Object value, String display) {
        return leaf(name, null, offset, length, value, display);
    }

    /** Alignment bytes. */
    public static Node padding(int offset, int length) {
        return new Node("padding", null, offset, length, null, byteCount(length), Status.PADDING, null, NodeList.EMPTY);
    }

    /** {@code "1 byte"}, {@code "3 bytes"}: the display of padding (the small counts made once). */
    public static String byteCount(int length) {
        return length >= 0 && length < BYTE_COUNTS.length ? BYTE_COUNTS[length]
                : length + " byte" + (length == 1 ? "" : "s");
    }

    private static final String[] BYTE_COUNTS = new String[64];

    static {
        for (int i = 0; i < BYTE_COUNTS.length; i++) {
            BYTE_COUNTS[i] = i + " byte" + (i == 1 ? "" : "s");
        }
    }

    public int end() {
        return offset + length;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    public Node withStatus(Status s, String newNote) {
        return new Node(name, type, offset, length, value, display, s, newNote, children);
    }

    public Node withName(String newName) {
        return new Node(newName, type, offset, length, value, display, status, note, children);
    }

    public Node withChildren(List<Node> newChildren) {
        return new Node(name, type, offset, length, value, display, status, note, newChildren);
    }

    /** First direct child with this name, or null. */
    public Node child(String childName) {
        for (Node c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Depth-first, pre-order visit of this node and all below it. */
    public void walk(Consumer<Node> visitor) {
        visitor.accept(this);
        for (Node c : children) {
            c.walk(visitor);
        }
    }

    /** Every node (pre-order) whose name equals {@code wanted}. */
    public List<Node> findAll(String wanted) {
        List<Node> out = new ArrayList<>();
        walk(n -> {
            if (n.name.equals(wanted)) {
                out.add(n);
            }
        });
        return out;
    }

    /**
     * The deepest node whose range covers {@code [from, to)}, or this node when none below does.
     * The hex view uses it to turn a click or a drag over bytes into a tree selection.
     */
    public Node deepestCovering(int from, int to) {
        for (Node c : children) {
            if (c.offset <= from && to <= c.end() && c.length > 0) {
                return c.deepestCovering(from, to);
            }
        }
        return this;
    }

    /** The chain of nodes from this one down to {@code target} (inclusive), or an empty list. */
    public List<Node> pathTo(Node target) {
        List<Node> path = new ArrayList<>();
        return collectPath(target, path) ? path : List.of();
    }

    private boolean collectPath(Node target, List<Node> path) {
        path.add(this);
        if (this == target) {
            return true;
        }
        for (Node c : children) {
            if (c.collectPath(target, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** The same tree moved by {@code delta} bytes (used to embed a message inside NLMSG_ERROR). */
    public Node shifted(int delta) {
        if (delta == 0) {
            return this;
        }
        List<Node> moved = new ArrayList<>(children.size());
        for (Node c : children) {
            moved.add(c.shifted(delta));
        }
        return new Node(name, type, offset + delta, length, value, display, status, note, moved);
    }
}
