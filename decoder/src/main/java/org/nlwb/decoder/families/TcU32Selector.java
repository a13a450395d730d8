package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * TCA_U32_SEL: {@code struct tc_u32_sel} (16 bytes, decoded by the tc spec) followed by
 * {@code nkeys} {@code struct tc_u32_key}s, a flexible array member YNL cannot describe.
 *
 * <pre>
 *  tc_u32_key (16): | mask be32 | val be32 | off s32 | offmask s32 |
 *  "match ip protocol 6 0xff" is mask 0x00ff0000 val 0x00060000 at off 8
 * </pre>
 */
final class TcU32Selector implements AttributeCodec {
    private static final int SEL_SIZE = 16;
    private static final int KEY_SIZE = 16;

    private final AttributeCodec spec;

    private TcU32Selector(AttributeCodec spec) {
        this.spec = spec;
    }

    static void contribute(Registry.Builder registry) {
        registry.attributeCodec("tc", "u32-attrs", "sel", TcU32Selector::create);
    }

    private static AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> sets) {
        return new TcU32Selector(specCodec);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (p.length() < SEL_SIZE) {
            return spec.decode(p, netByteOrder, scope);
        }
        Decoded sel = spec.decode(p.slice(0, SEL_SIZE), netByteOrder, scope);
        List<Node> kids = new ArrayList<>(sel.children().isEmpty()
                ? List.of(new Node("tc_u32_sel", null, p.base(), SEL_SIZE, p.slice(0, SEL_SIZE).hex(), sel.display(),
                        sel.status(), sel.note(), List.of()))
                : sel.children());
        int nkeys = p.u8(2);
        int off = SEL_SIZE;
        for (int k = 0; k < nkeys && p.length() - off >= KEY_SIZE; k++, off += KEY_SIZE) {
            kids.add(key(p.slice(off, KEY_SIZE), k));
        }
        Status status = sel.status();
        String note = sel.note();
        if (off < p.length()) {
            ByteView rest = p.from(off);
            boolean short_ = (p.length() - SEL_SIZE) / KEY_SIZE < nkeys;
            kids.add(new Node(short_ ? "malformed" : "unknown", null, rest.base(), rest.length(), rest.hex(),
                    Values.spacedHex(rest, 32), short_ ? Status.MALFORMED : Status.UNKNOWN,
                    short_ ? "nkeys " + nkeys + " needs " + (SEL_SIZE + nkeys * KEY_SIZE) + " bytes, the attribute has " + p.length()
                            : rest.length() + " bytes after the " + nkeys + " keys", List.of()));
            if (short_) {
                status = Status.MALFORMED;
                note = "fewer keys than nkeys says";
            }
        }
        return new Decoded(p.hex(), nkeys + " key" + (nkeys == 1 ? "" : "s"), kids, status, note);
    }

    private static Node key(ByteView k, int index) {
        long mask = k.be32(0);
        long val = k.be32(4);
        int off = k.s32le(8);
        int offmask = k.s32le(12);
        String d = String.format("match %08x/%08x at %d", val, mask, off) + (offmask != 0 ? " offmask " + offmask : "");
        return new Node("tc_u32_key", index, k.base(), KEY_SIZE, null, d, Status.OK, null, List.of(
                Node.leaf("mask", k.base(), 4, mask, String.format("0x%08x", mask)),
                Node.leaf("val", k.base() + 4, 4, val, String.format("0x%08x", val)),
                Node.leaf("off", k.base() + 8, 4, (long) off, Integer.toString(off)),
                Node.leaf("offmask", k.base() + 12, 4, (long) offmask, Integer.toString(offmask))));
    }
}
