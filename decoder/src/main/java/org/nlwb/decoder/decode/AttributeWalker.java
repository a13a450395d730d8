package org.nlwb.decoder.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;

/**
 * Walks a stream of netlink attributes ({@code struct nlattr}) and builds one node per attribute.
 *
 * <pre>
 *  0        2        4                  nla_len   NLA_ALIGN(nla_len)
 *  | nla_len | nla_type | payload ...      | padding |
 *             bit 15 Netlink.NLA_F_NESTED, bit 14 Netlink.NLA_F_NET_BYTEORDER, bits 0-13 the type
 * </pre>
 *
 * An attribute node covers {@code [start, start+nla_len)}; its children are the {@code nla_len}
 * and {@code nla_type} leaves, then either the nodes its codec made (nests, structs) or one
 * {@code value} leaf over the payload. Alignment bytes become {@code padding} siblings.
 *
 * <p>Every read is bounded by the region: {@code nla_len < 4} or past the region becomes a
 * {@code malformed} node over the rest, with a note, and the walk of that region ends there
 * (nothing after it can be framed). A codec that throws is caught: its attribute becomes
 * {@code malformed}, the exception text in the note. Nesting deeper than {@link #MAX_DEPTH} is
 * shown as bytes.
 */
public final class AttributeWalker {
    public static final int MAX_DEPTH = 32;

    private AttributeWalker() {
    }

    /** A scope for walking the attributes of a message body. */
    public static DecodeScope rootScope(Conversation conversation) {
        return new Scope(null, conversation, 0, null);
    }

    /**
     * A scope at {@code depth} whose look-ups, past the values decoded inside it, go to {@code outer}:
     * for decoding one attribute alone as it would be decoded at that depth of a message (the filter
     * reads one attribute's subtree without the rest). Its {@link DecodeScope#siblings} holds only
     * what was decoded inside it.
     */
    public static DecodeScope scopeAt(int depth, Conversation conversation, Function<String, Object> outer) {
        return new Scope(null, conversation, depth, java.util.Objects.requireNonNull(outer, "outer"));
    }

    /** Walks {@code region} in a fresh root scope. */
    public static List<Node> walk(ByteView region, AttributeSet set, Conversation conversation) {
        return rootScope(conversation).walk(region, set);
    }

    private static final class Scope implements DecodeScope {
        private final Scope parent;
        private final Conversation conversation;
        private final int depth;
        /** Where a root scope's look-ups go past its own values, or null ({@link #scopeAt}). */
        private final Function<String, Object> outer;
        /**
         * The nodes of this level as the walk adds them (null for the root scope, which has no
         * level of its own), then, once the walk is done, their list. The values a lookup asks for
         * are read from them: an attribute's node holds the value its codec decoded, and keeping
         * every value in a table of its own beside them cost two arrays a level, grown as it
         * filled, for the sub-message selectors that alone ever ask.
         */
        private NodeList.Builder level;
        private List<Node> done;

        Scope(Scope parent, Conversation conversation, int depth, Function<String, Object> outer) {
            this.parent = parent;
            this.conversation = conversation;
            this.depth = depth;
            this.outer = outer;
        }

        @Override
        public Conversation conversation() {
            return conversation;
        }

        @Override
        public int depth() {
            return depth;
        }

        /** A later attribute of the same name wins, as it did when each value was remembered in turn. */
        @Override
        public Object lookup(String attributeName) {
            Scope root = this;
            for (Scope s = this; s != null; s = s.parent) {
                for (int i = s.size() - 1; i >= 0; i--) {
                    Node n = s.node(i);
                    if (n.name().equals(attributeName) && decodedValue(n)) {
                        return n.value();
                    }
                }
                root = s;
            }
            return root.outer == null ? null : root.outer.apply(attributeName);
        }

        /** A snapshot: the values decoded at this level so far. */
        @Override
        public Map<String, Object> siblings() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0, size = size(); i < size; i++) {
                Node n = node(i);
                if (decodedValue(n)) {
                    m.put(n.name(), n.value());
                }
            }
            return Collections.unmodifiableMap(m);
        }

        private int size() {
            return done != null ? done.size() : level != null ? level.size() : 0;
        }

        private Node node(int i) {
            return done != null ? done.get(i) : level.get(i);
        }

        /**
         * Whether {@code n} of this level is an attribute with a decoded value: what {@link
         * #attribute} makes always starts with its {@code nla_len} leaf, the walk's padding and
         * malformed rests have no children, a truncated attribute no value.
         */
        private static boolean decodedValue(Node n) {
            if (n.value() == null) {
                return false;
            }
            List<Node> kids = n.children();
            return !kids.isEmpty() && kids.get(0).name().equals("nla_len");
        }

        @Override
        public List<Node> walk(ByteView region, AttributeSet set) {
            Scope inner = new Scope(this, conversation, depth + 1, null);
            if (depth + 1 > MAX_DEPTH) {
                return List.of(new Node("nested", null, region.base(), region.length(), region.hex(),
                        Values.spacedHex(region, 32), Status.UNKNOWN,
                        "nesting deeper than " + MAX_DEPTH + " levels is not decoded", List.of()));
            }
            // about one attribute in 12 bytes, and a padding node for some
            NodeList.Builder out = NodeList.builder(region.length() / 12 + 2);
            inner.level = out;
            AttributeCursor c = new AttributeCursor(region);
            while (c.next()) {
                out.add(inner.attribute(c.payload(), region.base() + c.offset(), c.nlaLen(), set, c.rawType()));
                int pad = c.paddingAfter();
                if (pad > 0) {
                    int at = c.offset() + c.nlaLen();
                    Node p = Node.padding(region.abs(at), pad);
                    out.add(zero(region, at, pad) ? p
                            : p.withStatus(Status.PADDING, "padding bytes are not zero: " + region.slice(at, pad).hex()));
                }
            }
            int left = region.length() - c.offset();
            ByteView rest = region.from(c.offset());
            switch (c.stop()) {
                case SHORT_TAIL -> out.add(rest.allZero() ? Node.padding(rest.base(), left)
                        : malformedRest(rest, left + " bytes left in " + set.name() + ": too short for a 4-byte nlattr header"));
                case LENGTH_UNDER_HEADER -> out.add(malformedRest(rest, "nla_len " + c.nlaLen()
                        + " is less than the 4-byte header; the remaining " + left + " bytes of " + set.name()
                        + " cannot be framed"));
                case LENGTH_PAST_REGION -> out.add(truncated(rest, set, c.rawType(), c.nlaLen()));
                default -> {
                }
            }
            NodeList built = out.build();
            inner.done = built;
            return built;
        }

        /** The attribute at {@code nlaBase} (absolute) of {@code nlaLen} bytes, header included. */
        private Node attribute(ByteView payload, int nlaBase, int nlaLen, AttributeSet set, int rawType) {
            int type = rawType & Netlink.NLA_TYPE_MASK;
            boolean nested = (rawType & Netlink.NLA_F_NESTED) != 0;
            boolean netOrder = (rawType & Netlink.NLA_F_NET_BYTEORDER) != 0;
            AttributeCodec codec = set.codec(type);
            String name = codec != null ? codec.name() : unknownName(set, type);
            Decoded d;
            if (codec == null) {
                d = Guess.attribute(payload, nested, this);
            } else {
                try {
                    d = codec.decode(payload, netOrder, this);
                } catch (RuntimeException e) {
                    d = Decoded.malformed(payload.hex(), Values.spacedHex(payload, 64),
                            "decoder for " + name + " failed: " + e);
                }
            }
            Node len = Node.leaf("nla_len", nlaBase, 2, Values.boxed(nlaLen), decimal(nlaLen));
            Node typeLeaf = Node.leaf("nla_type", nlaBase + 2, 2, Values.boxed(rawType), typeDisplay(type, rawType));
            NodeList kids;
            if (!d.children().isEmpty()) {
                kids = NodeList.of(len, typeLeaf, d.children());
            } else if (payload.length() > 0) {
                boolean bad = d.status() == Status.MALFORMED;
                // a malformed node always says why, the payload leaf too (a JSON reader may look at it alone)
                kids = NodeList.of(len, typeLeaf, new Node("value", null, payload.base(), payload.length(), d.value(),
                        d.display(), bad ? Status.MALFORMED : Status.OK, bad ? payloadNote(name, d.note()) : null, NodeList.EMPTY));
            } else {
                kids = NodeList.of(len, typeLeaf);
            }
            String note = d.status() == Status.MALFORMED && d.note() == null ? payloadNote(name, null) : d.note();
            return new Node(name, type, nlaBase, nlaLen, d.value(), d.display(), d.status(), note, kids);
        }

        private static String typeDisplay(int type, int rawType) {
            if (rawType == type) {
                return Values.decimal(type);
            }
            StringBuilder sb = new StringBuilder(Integer.toString(type));
            if ((rawType & Netlink.NLA_F_NESTED) != 0) {
                sb.append(" | NLA_F_NESTED");
            }
            if ((rawType & Netlink.NLA_F_NET_BYTEORDER) != 0) {
                sb.append(" | NLA_F_NET_BYTEORDER");
            }
            return sb.toString();
        }

        private Node truncated(ByteView rest, AttributeSet set, int rawType, int nlaLen) {
            int type = rawType & Netlink.NLA_TYPE_MASK;
            AttributeCodec codec = set.codec(type);
            String name = codec != null ? codec.name() : unknownName(set, type);
            List<Node> kids = new ArrayList<>();
            kids.add(Node.leaf("nla_len", rest.base(), 2, (long) nlaLen, Integer.toString(nlaLen)));
            kids.add(Node.leaf("nla_type", rest.base() + 2, 2, (long) rawType, typeDisplay(type, rawType)));
            if (rest.length() > 4) {
                ByteView p = rest.from(4);
                kids.add(new Node("value", null, p.base(), p.length(), p.hex(), Values.spacedHex(p, 64),
                        Status.MALFORMED, "what is left of the payload of " + name + ", cut short", List.of()));
            }
            return new Node(name, type, rest.base(), rest.length(), null, "truncated", Status.MALFORMED,
                    "nla_len " + nlaLen + " runs past its parent " + set.name() + ": only " + rest.length()
                            + " bytes left", kids);
        }
    }

    /** Decimal text of the numbers every attribute header carries (nla_len, nla_type), small ones made once. */
    private static String decimal(int n) {
        return Values.decimal(n);
    }

    /** Whether the {@code n} bytes at {@code at} of {@code region} are all zero (padding always is), without a view of them. */
    private static boolean zero(ByteView region, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (region.u8(at + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Why the payload of a malformed attribute is malformed: its codec's note, or a plain statement. */
    private static String payloadNote(String name, String note) {
        return note != null ? note : "the payload does not fit the type of " + name;
    }

    /** The name of an attribute no codec knows: {@code link-attrs[62]}. */
    static String unknownName(AttributeSet set, int type) {
        return set.name() + "[" + type + "]";
    }

    private static Node malformedRest(ByteView rest, String note) {
        return new Node("malformed", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 64),
                Status.MALFORMED, note, List.of());
    }
}
