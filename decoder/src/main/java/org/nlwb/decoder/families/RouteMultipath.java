package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.NamedSubtree;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * RTA_MULTIPATH: a list of next hops, each a {@code struct rtnexthop} followed by route
 * attributes (RTA_GATEWAY, RTA_ENCAP, ...) up to {@code rtnh_len}. YNL has no type for "struct then
 * attributes, repeated", so the rt-route spec calls it binary and this plugin decodes it.
 *
 * <pre>
 *  0          2           3          4              8          rtnh_len   RTNH_ALIGN
 *  | rtnh_len | rtnh_flags | rtnh_hops | rtnh_ifindex | route attrs ... | pad |
 *                                         (hops = weight - 1)
 * </pre>
 */
final class RouteMultipath extends SpecNamedCodec implements NamedSubtree {
    private static final int RTNH_SIZE = 8;
    private static final String[] FLAGS = {"RTNH_F_DEAD", "RTNH_F_PERVASIVE", "RTNH_F_ONLINK", "RTNH_F_OFFLOAD",
        "RTNH_F_LINKDOWN", "RTNH_F_UNRESOLVED", "RTNH_F_TRAP"};

    private final AttributeSet routeAttrs;

    private RouteMultipath(String name, AttributeSet routeAttrs) {
        super(name);
        this.routeAttrs = routeAttrs;
    }

    static void contribute(Registry.Builder registry) {
        registry.attributeCodec("rt-route", "route-attrs", "multipath", RouteMultipath::create);
    }

    private static AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> sets) {
        return new RouteMultipath(specCodec.name(), sets.apply("route-attrs"));
    }

    @Override
    public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
        List<Node> hops = new ArrayList<>();
        int off = 0;
        int n = 0;
        while (off < p.length()) {
            int left = p.length() - off;
            int len = left >= 2 ? p.u16le(off) : 0;
            if (left < RTNH_SIZE || len < RTNH_SIZE || len > left) {
                ByteView rest = p.slice(off, left);
                hops.add(new Node("malformed", null, rest.base(), left, rest.hex(), Values.spacedHex(rest, 32),
                        Status.MALFORMED, left < RTNH_SIZE ? left + " bytes left: too short for an 8-byte rtnexthop"
                        : "rtnh_len " + len + (len < RTNH_SIZE ? " is under 8" : " runs past RTA_MULTIPATH (" + left + " bytes left)"),
                        List.of()));
                break;
            }
            hops.add(nexthop(p.slice(off, len), n++, scope));
            off += len;
            int pad = Math.min((len + 3 & ~3) - len, p.length() - off);
            if (pad > 0) {
                hops.add(Node.padding(p.abs(off), pad));
                off += pad;
            }
        }
        // The value stays the payload's hex, as for the spec's binary type: the children explain it,
        // and a request described from this tree (nlwb send --from) still carries its bytes.
        return new Decoded(p.hex(), n + " next hop" + (n == 1 ? "" : "s"), hops, Status.OK, null);
    }

    private Node nexthop(ByteView h, int index, DecodeScope scope) {
        int flags = h.u8(2);
        int hops = h.u8(3);
        int ifindex = h.s32le(4);
        List<Node> kids = new ArrayList<>();
        kids.add(Node.leaf("rtnh_len", h.base(), 2, (long) h.length(), Integer.toString(h.length())));
        kids.add(Node.leaf("rtnh_flags", h.base() + 2, 1, (long) flags,
                Values.flagsValue(flags, bit -> bit < FLAGS.length ? FLAGS[bit] : null).display()));
        kids.add(Node.leaf("rtnh_hops", h.base() + 3, 1, (long) hops, hops + " (weight " + (hops + 1) + ")"));
        kids.add(Node.leaf("rtnh_ifindex", h.base() + 4, 4, (long) ifindex, Integer.toString(ifindex)));
        List<Node> attrs = scope.walk(h.from(RTNH_SIZE), routeAttrs);
        kids.addAll(attrs);
        StringBuilder d = new StringBuilder();
        for (Node a : attrs) {
            if (a.name().equals("RTA_GATEWAY") && a.display() != null) {
                d.append("via ").append(a.display()).append(' ');
            }
        }
        d.append("dev ").append(ifindex).append(" weight ").append(hops + 1);
        return new Node("rtnexthop", index, h.base(), h.length(), null, d.toString(), Status.OK, null, kids);
    }

    private static final Set<String> NAMES = Set.of("rtnexthop", "rtnh_len", "rtnh_flags", "rtnh_hops", "rtnh_ifindex",
            "malformed", "padding");

    @Override
    public boolean mayName(String name) {
        return NAMES.contains(name);
    }

    @Override
    public Set<String> walkedSets() {
        return Set.of("route-attrs");
    }
}
