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
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * SEG6_IPTUNNEL_SRH (RTA_ENCAP of a seg6 route): {@code struct seg6_iptunnel_encap} -- the mode --
 * then the IPv6 segment routing header the kernel pushes ({@code struct ipv6_sr_hdr},
 * linux/seg6.h), whose segment list is a flexible array YNL cannot say.
 *
 * <pre>
 *  0      4         5        6      7              8              9       10    12          12+16n
 *  | mode | nexthdr | hdrlen | type | segments_left | first_segment | flags | tag | segments[n] | TLVs |
 *         |<---------------------------- (hdrlen + 1) * 8 bytes ---------------------------------->|
 * </pre>
 */
final class Seg6Encap extends SpecNamedCodec implements NamedSubtree {
    private static final String[] MODES = {"SEG6_IPTUN_MODE_INLINE", "SEG6_IPTUN_MODE_ENCAP", "SEG6_IPTUN_MODE_L2ENCAP",
        "SEG6_IPTUN_MODE_ENCAP_RED", "SEG6_IPTUN_MODE_L2ENCAP_RED"};

    private Seg6Encap(String name) {
        super(name);
    }

    static void contribute(Registry.Builder registry) {
        registry.attributeCodec("rt-route", "encap-seg6-attrs", "srh", Seg6Encap::create);
    }

    private static AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> sets) {
        return new Seg6Encap(specCodec.name());
    }

    @Override
    public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (p.length() < 12) {
            return Decoded.malformed(p.hex(), Values.spacedHex(p, 32), "seg6_iptunnel_encap + ipv6_sr_hdr need 12 bytes, payload has "
                    + p.length());
        }
        List<Node> kids = new ArrayList<>();
        int mode = (int) p.u32le(0);
        kids.add(Node.leaf("mode", p.abs(0), 4, (long) mode, mode >= 0 && mode < MODES.length ? MODES[mode] + " (" + mode + ")"
                : Integer.toString(mode)));
        ByteView srh = p.from(4);
        int hdrLen = (srh.u8(1) + 1) * 8;
        int segments = srh.u8(4) + 1;
        kids.add(Node.leaf("nexthdr", srh.abs(0), 1, (long) srh.u8(0), Integer.toString(srh.u8(0))));
        kids.add(Node.leaf("hdrlen", srh.abs(1), 1, (long) srh.u8(1), srh.u8(1) + " (" + hdrLen + " bytes)"));
        kids.add(Node.leaf("type", srh.abs(2), 1, (long) srh.u8(2), Integer.toString(srh.u8(2))));
        kids.add(Node.leaf("segments_left", srh.abs(3), 1, (long) srh.u8(3), Integer.toString(srh.u8(3))));
        kids.add(Node.leaf("first_segment", srh.abs(4), 1, (long) srh.u8(4), Integer.toString(srh.u8(4))));
        kids.add(Node.leaf("flags", srh.abs(5), 1, (long) srh.u8(5), "0x" + Integer.toHexString(srh.u8(5))));
        kids.add(Node.leaf("tag", srh.abs(6), 2, (long) srh.be16(6), Integer.toString(srh.be16(6))));
        int off = 8;
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < segments && off + 16 <= Math.min(hdrLen, srh.length()); i++, off += 16) {
            Decoded a = Values.decode(ValueType.ADDRESS, srh.slice(off, 16), false);
            kids.add(Node.leaf("segments[" + i + "]", srh.abs(off), 16, a.value(), a.display()));
            shown.add(a.display());
        }
        if (off < srh.length()) {
            ByteView rest = srh.from(off);
            boolean tlvs = hdrLen == srh.length() && shown.size() == segments;
            kids.add(new Node(tlvs ? "tlvs" : "malformed", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                    tlvs ? Status.OK : Status.MALFORMED, tlvs ? "the header's TLVs (HMAC, padding)"
                    : "hdrlen says " + hdrLen + " bytes and " + segments + " segments, the payload holds " + srh.length(), List.of()));
        }
        boolean whole = hdrLen == srh.length() && shown.size() == segments;
        Decoded d = new Decoded(p.hex(), String.join(",", shown), kids, Status.OK, null);
        return whole ? d : d.withStatus(Status.MALFORMED, "ipv6_sr_hdr says " + hdrLen + " bytes, " + segments
                + " segments; the attribute holds " + srh.length() + " bytes");
    }

    private static final Set<String> NAMES = Set.of("mode", "nexthdr", "hdrlen", "type", "segments_left", "first_segment",
            "flags", "tag", "tlvs", "malformed");

    @Override
    public boolean mayName(String name) {
        return NAMES.contains(name) || name.startsWith("segments[");
    }

    @Override
    public Set<String> walkedSets() {
        return Set.of();
    }
}
