package org.nlwb.decoder.families;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.NamedSubtree;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * RTA_VIA: a {@code struct rtvia} -- the next hop's address family, then its address, as long as
 * that family's addresses are (an IPv4 route through an IPv6 gateway: {@code ip route add ... via
 * inet6 fe80::1}; MPLS routes through IPv4, IPv6 or link-layer next hops). YNL can say neither
 * the flexible array nor that the family picks its form, so the rt-route spec calls it binary.
 *
 * <pre>
 *  0              2
 *  | rtvia_family | rtvia_addr (4 bytes for AF_INET, 16 for AF_INET6, a MAC for AF_PACKET) |
 * </pre>
 */
final class RouteVia extends SpecNamedCodec implements NamedSubtree {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_PACKET = 17;

    private RouteVia(String name) {
        super(name);
    }

    static void contribute(Registry.Builder registry) {
        registry.attributeCodec("rt-route", "route-attrs", "via", RouteVia::create);
    }

    private static AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> sets) {
        return new RouteVia(specCodec.name());
    }

    @Override
    public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (p.length() < 2) {
            return Decoded.malformed(p.hex(), Values.spacedHex(p, 16), "struct rtvia needs its 2-byte family, payload has "
                    + p.length());
        }
        int family = p.u16le(0);
        String af = family == AF_INET ? "AF_INET" : family == AF_INET6 ? "AF_INET6" : family == AF_PACKET ? "AF_PACKET"
                : Integer.toString(family);
        Node familyNode = Node.leaf("rtvia_family", p.abs(0), 2, (long) family, family == AF_INET || family == AF_INET6
                || family == AF_PACKET ? af + " (" + family + ")" : af);
        ByteView addr = p.from(2);
        int want = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        Node addrNode;
        String shown;
        if (want > 0 && addr.length() == want) {
            Decoded a = Values.decode(ValueType.ADDRESS, addr, false);
            addrNode = Node.leaf("rtvia_addr", addr.base(), addr.length(), a.value(), a.display());
            shown = a.display();
        } else if (family == AF_PACKET && addr.length() > 0) {
            shown = Values.mac(addr);
            addrNode = Node.leaf("rtvia_addr", addr.base(), addr.length(), shown, shown);
        } else {
            shown = addr.hex();
            addrNode = new Node("rtvia_addr", null, addr.base(), addr.length(), addr.hex(), Values.spacedHex(addr, 32),
                    want > 0 ? Status.MALFORMED : Status.OK, want > 0 ? af + " addresses are " + want + " bytes, this one has "
                    + addr.length() : null, List.of());
        }
        // the value stays the payload's hex, as for the spec's binary type, so a request described from
        // this tree (nlwb send --from) still carries its bytes; the display reads as the address
        return new Decoded(p.hex(), shown + " (" + af + ")", List.of(familyNode, addrNode), Status.OK, null);
    }

    @Override
    public boolean mayName(String name) {
        return name.equals("rtvia_family") || name.equals("rtvia_addr");
    }

    @Override
    public Set<String> walkedSets() {
        return Set.of();
    }
}
