package org.nlwb.decoder.tree;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The unmodifiable list of nodes every {@link Node} (and {@code Decoded}) holds as its children.
 * A {@link Builder} hands its array over exactly once: after {@link Builder#build()} nothing holds
 * a reference that could change the list, so a node takes it without copying (every attribute of
 * every message builds its children once; copying them again in each constructor was a tenth of
 * the decode). Any other list is copied into one by {@link #of}. That every children list is of
 * this one class also keeps each loop over children a direct call, not a dispatch among the JDK's
 * list classes.
 *
 * <p>It is a plain {@link List}: equal to, and with the same hash code and text as, any list of
 * the same nodes; every mutator throws {@link UnsupportedOperationException}; null elements are
 * refused when added.
 */
public final class NodeList extends AbstractList<Node> implements RandomAccess {
    /** The empty list: every leaf's children. */
    public static final NodeList EMPTY = new NodeList(new Node[0], 0);

    /** {@code List.of()}, one instance: the usual "no children" before this class. */
    private static final List<Node> JDK_EMPTY = List.of();

    private final Node[] nodes;
    private final int size;

    private NodeList(Node[] nodes, int size) {
        this.nodes = nodes;
        this.size = size;
    }

    /**
     * {@code list} as a NodeList: itself when it is one, {@link #EMPTY} for null or an empty
     * list, else a copy.
     *
     * @throws NullPointerException when the list holds a null (as {@code List.copyOf} does)
     */
    public static NodeList of(List<Node> list) {
        if (list instanceof NodeList n) {
            return n;
        }
        if (list == null || list == JDK_EMPTY || list.isEmpty()) {
            return EMPTY;
        }
        Node[] a = list.toArray(new Node[0]);
        for (Node n : a) {
            Objects.requireNonNull(n, "node");
        }
        return new NodeList(a, a.length);
    }

    /** The list of {@code a} and {@code b} (neither null). */
    public static NodeList of(Node a, Node b) {
        return new NodeList(new Node[] {Objects.requireNonNull(a, "node"), Objects.requireNonNull(b, "node")}, 2);
    }

    /** The list of {@code a}, {@code b} and {@code c} (none null). */
    public static NodeList of(Node a, Node b, Node c) {
        return new NodeList(new Node[] {Objects.requireNonNull(a, "node"), Objects.requireNonNull(b, "node"),
            Objects.requireNonNull(c, "node")}, 3);
    }

    /** {@code a}, {@code b}, then every node of {@code rest}: an attribute's header leaves and its payload's nodes. */
    public static NodeList of(Node a, Node b, List<Node> rest) {
        int n = rest.size();
        Node[] all = new Node[n + 2];
        all[0] = Objects.requireNonNull(a, "node");
        all[1] = Objects.requireNonNull(b, "node");
        int i = 2;
        for (Node x : rest) {
            if (i == all.length) {
                throw new java.util.ConcurrentModificationException("the list grew while it was copied");
            }
            all[i++] = Objects.requireNonNull(x, "node");
        }
        return new NodeList(i == all.length ? all : Arrays.copyOf(all, i), i);
    }

    /** A builder expecting about {@code capacity} nodes (it grows past that). */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    @Override
    public Node get(int index) {
        Objects.checkIndex(index, size);
        return nodes[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Node> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Node next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return nodes[next++];
            }
        };
    }

    @Override
    public void forEach(Consumer<? super Node> action) {
        for (int i = 0; i < size; i++) {
            action.accept(nodes[i]);
        }
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(nodes, size, Object[].class);
    }

    /**
     * Collects nodes for one {@link NodeList}. Not thread-safe; {@link #build()} ends it (a later
     * {@code add} or {@code build} throws {@link IllegalStateException}).
     */
    public static final class Builder {
        private Node[] nodes;
        private int size;

        private Builder(int capacity) {
            this.nodes = new Node[Math.max(1, capacity)];
        }

        /** Appends {@code n}, which must not be null. */
        public Builder add(Node n) {
            Objects.requireNonNull(n, "node");
            Node[] a = open();
            if (size == a.length) {
                nodes = a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = n;
            return this;
        }

        /** Appends every node of {@code list}, in order. */
        public Builder addAll(List<Node> list) {
            int n = list.size();
            Node[] a = open();
            if (size + n > a.length) {
                nodes = Arrays.copyOf(a, Math.max(a.length * 2, size + n));
            }
            if (list instanceof RandomAccess) {
                for (int i = 0; i < n; i++) {
                    nodes[size++] = Objects.requireNonNull(list.get(i), "node");
                }
            } else {
                for (Node x : list) {
                    nodes[size++] = Objects.requireNonNull(x, "node");
                }
            }
            return this;
        }

        /** Node {@code index} of those added so far. */
        public Node get(int index) {
            Node[] a = open();
            Objects.checkIndex(index, size);
            return a[index];
        }

        /** How many nodes were added so far. */
        public int size() {
            return size;
        }

        /** The list of the nodes added ({@link #EMPTY} when none); the builder is used up. */
        public NodeList build() {
            Node[] a = open();
            nodes = null;
            return size == 0 ? EMPTY : new NodeList(a, size);
        }

        private Node[] open() {
            if (nodes == null) {
                throw new IllegalStateException("this builder already built its list");
            }
            return nodes;
        }
    }
}
