package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * RTA_ENCAP whose RTA_ENCAP_TYPE comes after it. The rt-route spec picks RTA_ENCAP's layout by
 * RTA_ENCAP_TYPE, as YNL sub-messages do, from a selector decoded before; but the kernel writes the
 * pair the other way round (net/core/lwtunnel.c, lwtunnel_fill_encap: the RTA_ENCAP nest, then
 * the type), and so does iproute2. This fixer re-reads such an RTA_ENCAP by the type that follows
 * it, with the spec's own attribute set for that type ({@code encap-seg6-attrs} for
 * LWTUNNEL_ENCAP_SEG6), wherever the pair is (route attributes, each RTA_MULTIPATH next hop).
 */
final class RouteEncap {
    /** Types below this are netlink's own control messages (NLMSG_ERROR, NLMSG_DONE, ...). */
    private static final int NLMSG_MIN_TYPE = 0x10;
    private static final String NOT_BEFORE = "not found before this attribute";

    private RouteEncap() {
    }

    static void contribute(Registry.Builder registry) {
        // the spec's attribute sets by name, as the registry gives them to codec factories
        AtomicReference<Function<String, AttributeSet>> sets = new AtomicReference<>();
        registry.attributeCodec("rt-route", "route-attrs", "encap", (spec, byName) -> {
            sets.set(byName);
            return spec;
        });
        registry.messageFixer(Protocol.ROUTE, (msg, tree) -> sets.get() == null || !mayHoldEncap(tree) ? tree
                : fix(msg, tree, sets.get()));
    }

    /**
     * Whether RTA_ENCAP can be anywhere in {@code tree}: the route attributes follow an rtmsg
     * (RTA_MULTIPATH's next hops nest inside them), and a control message (an error, a done) may
     * carry a request of any kind. A link, address or neighbour message holds none, so its tree,
     * most of a dump, is not walked.
     */
    static boolean mayHoldEncap(Node tree) {
        Integer type = tree.type();
        if (type == null || type < NLMSG_MIN_TYPE) {
            return true;
        }
        for (Node c : tree.children()) {
            if (c.name().equals("rtmsg")) {
                return true;
            }
        }
        return false;
    }

    static Node fix(MessageContext msg, Node node, Function<String, AttributeSet> sets) {
        if (node.children().isEmpty()) {
            return node;
        }
        // runs on every route message and nearly always changes nothing: a copy of the children
        // is made only from the first one that changes
        List<Node> children = node.children();
        List<Node> kids = null;
        for (int i = 0; i < children.size(); i++) {
            Node c = children.get(i);
            // the note first: nearly every node has none
            Node fixed = c.note() != null && c.status() == Status.UNKNOWN && c.name().equals("RTA_ENCAP")
                    && c.note().contains(NOT_BEFORE) ? reread(msg, c, typeAfter(children, i), sets)
                    : c.children().isEmpty() ? c : fix(msg, c, sets);
            if (fixed != c && kids == null) {
                kids = new ArrayList<>(children.subList(0, i));
            }
            if (kids != null) {
                kids.add(fixed);
            }
        }
        return kids != null ? new Node(node.name(), node.type(), node.offset(), node.length(), node.value(),
                node.display(), node.status(), node.note(), kids) : node;
    }

    /** The RTA_ENCAP_TYPE sibling after {@code i}, or null. */
    private static Node typeAfter(List<Node> siblings, int i) {
        for (int j = i + 1; j < siblings.size(); j++) {
            if (siblings.get(j).name().equals("RTA_ENCAP_TYPE")) {
                return siblings.get(j);
            }
        }
        return null;
    }

    private static Node reread(MessageContext msg, Node encap, Node type, Function<String, AttributeSet> sets) {
        Node payload = encap.child("value");
        if (type == null || payload == null || !(payload.value() instanceof String hex) || type.display() == null) {
            return encap;
        }
        // "LWTUNNEL_ENCAP_SEG6_LOCAL (7)" -> encap-seg6-local-attrs
        String display = type.display();
        int cut = display.indexOf(' ');
        String constant = cut < 0 ? display : display.substring(0, cut);
        if (!constant.startsWith("LWTUNNEL_ENCAP_")) {
            return encap;
        }
        AttributeSet set = sets.apply("encap-" + constant.substring(15).toLowerCase(Locale.ROOT).replace('_', '-') + "-attrs");
        if (set == null) {
            return encap;
        }
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        byte[] buf = new byte[payload.offset() + bytes.length];
        System.arraycopy(bytes, 0, buf, payload.offset(), bytes.length);
        List<Node> inner = AttributeWalker.walk(ByteView.of(buf).slice(payload.offset(), bytes.length), set, msg.conversation());
        List<Node> kids = new ArrayList<>();
        for (Node k : encap.children()) {
            if (k == payload) {
                kids.addAll(inner);
            } else {
                kids.add(k);
            }
        }
        boolean bad = inner.stream().anyMatch(n -> n.status() == Status.MALFORMED);
        return new Node(encap.name(), encap.type(), encap.offset(), encap.length(), encap.value(), constant.substring(15)
                .toLowerCase(Locale.ROOT) + " encapsulation", bad ? Status.MALFORMED : Status.OK,
                "read by the RTA_ENCAP_TYPE after it (" + display + "): the kernel and iproute2 put the type last", kids);
    }
}
