package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * TCA_XSTATS and TCA_STATS_APP of fq_codel: {@code struct tc_fq_codel_xstats}, a {@code type}
 * followed by a union YNL cannot say -- the qdisc's statistics ({@code tc_fq_codel_qd_stats},
 * type 0, fq_codel_dump_stats) or one flow's ({@code tc_fq_codel_cl_stats}, type 1,
 * fq_codel_dump_class_stats). Every other kind is left to the spec's sub-message.
 *
 * <pre>
 *  0      4
 *  | type | qdisc_stats (36 bytes) or class_stats (24 bytes) |
 * </pre>
 */
final class FqCodelXstats implements AttributeCodec {
    static final StructLayout QDISC = StructLayout.builder("tc_fq_codel_qd_stats")
            .field("maxpacket", ValueType.U32).field("drop_overlimit", ValueType.U32)
            .field("ecn_mark", ValueType.U32).field("new_flow_count", ValueType.U32)
            .field("new_flows_len", ValueType.U32).field("old_flows_len", ValueType.U32)
            .field("ce_mark", ValueType.U32).field("memory_usage", ValueType.U32)
            .field("drop_overmemory", ValueType.U32).build();
    static final StructLayout CLASS = StructLayout.builder("tc_fq_codel_cl_stats")
            .field("deficit", ValueType.S32).field("ldelay", ValueType.U32).field("count", ValueType.U32)
            .field("lastcount", ValueType.U32).field("dropping", ValueType.U32).field("drop_next", ValueType.S32)
            .build();
    private static final String KIND = "TCA_KIND";

    private final AttributeCodec spec;

    private FqCodelXstats(AttributeCodec spec) {
        this.spec = spec;
    }

    static void contribute(Registry.Builder registry) {
        registry.attributeCodec("tc", "tc-attrs", "xstats", FqCodelXstats::create);
        registry.attributeCodec("tc", "tca-stats-attrs", "app", FqCodelXstats::create);
    }

    private static AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> sets) {
        return new FqCodelXstats(specCodec);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (!"fq_codel".equals(scope.lookup(KIND))) {
            return spec.decode(p, netByteOrder, scope);
        }
        if (p.length() < 4) {
            return Decoded.malformed(p.hex(), Values.spacedHex(p, 16),
                    "struct tc_fq_codel_xstats needs its 4-byte type, payload has " + p.length());
        }
        long type = p.u32le(0);
        StructLayout union = type == 0 ? QDISC : type == 1 ? CLASS : null;
        String typeName = type == 0 ? "TCA_FQ_CODEL_XSTATS_QDISC" : type == 1 ? "TCA_FQ_CODEL_XSTATS_CLASS" : null;
        List<Node> kids = new ArrayList<>();
        kids.add(Node.leaf("type", p.abs(0), 4, type, typeName == null ? Long.toString(type) : typeName + " (" + type + ")"));
        ByteView rest = p.from(4);
        if (union == null) {
            kids.add(new Node("union", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                    Status.UNKNOWN, "no statistics of type " + type + " in this kernel's fq_codel", List.of()));
            return new Decoded(null, "tc_fq_codel_xstats", kids, Status.OK, null);
        }
        // the union is as large as its larger member: class statistics leave its tail unused (zero)
        int used = union == CLASS && rest.length() > CLASS.size() && rest.length() <= QDISC.size() ? CLASS.size()
                : rest.length();
        ByteView member = rest.slice(0, used);
        Decoded stats = union.decode(member);
        kids.add(new Node(type == 0 ? "qdisc_stats" : "class_stats", null, member.base(), used, null,
                stats.display(), stats.status(), stats.note(), stats.children()));
        if (used < rest.length()) {
            ByteView tail = rest.from(used);
            Node pad = Node.padding(tail.base(), tail.length());
            kids.add(tail.allZero() ? pad : pad.withStatus(Status.PADDING, "unused union bytes are not zero: " + tail.hex()));
        }
        return new Decoded(null, "tc_fq_codel_xstats (" + (type == 0 ? "qdisc" : "class") + ")", kids, Status.OK, null);
    }
}
