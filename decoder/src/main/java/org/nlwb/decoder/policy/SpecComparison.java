package org.nlwb.decoder.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nlwb.decoder.policy.SpecDifference.Kind;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;

/**
 * Compares a family's spec with the kernel's policy: attributes the kernel accepts that the spec
 * lacks, types that do not fit (each attribute of a set once, at the first operation form that
 * shows it: ethtool's header nest is in every operation), and the spec's attributes that no
 * request table of this kernel following the same set accepts. The last are judged over every
 * form the policy has, since specs share one set between requests and replies (a set's
 * reply-only attributes show there; weigh them, they are not errors). A policy of one operation
 * ({@code CTRL_ATTR_OP}) compares that operation only.
 */
public final class SpecComparison {
    private final KernelPolicy policy;
    private final Family family;
    private final List<SpecDifference> out = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final Set<String> walked = new HashSet<>();
    private final Map<String, Set<Integer>> accepted = new LinkedHashMap<>();

    private SpecComparison(KernelPolicy policy, Family family) {
        this.policy = policy;
        this.family = family;
    }

    /** Every difference, in command order; SPEC_ONLY ones last, by set. */
    public static List<SpecDifference> compare(KernelPolicy policy, Family family) {
        SpecComparison c = new SpecComparison(policy, family);
        for (PolicyRows.Form f : PolicyRows.forms(policy, family)) {
            c.table(f.describe(), policy.table(f.table()), PolicyRows.rootSet(family, f.cmd()), "");
        }
        c.specOnly();
        return List.copyOf(c.out);
    }

    private void table(String form, PolicyTable table, AttrSetSpec set, String path) {
        if (table == null || !walked.add(table.index() + "|" + (set == null ? "" : set.name()))) {
            return;
        }
        for (AttrPolicy p : table.attributes().values()) {
            AttrSpec spec = set == null ? null : set.byValue(p.attr());
            String here = SpecNames.join(path, SpecNames.of(spec, p.attr()));
            String key = (set == null ? "?" : set.name()) + "|" + p.attr();
            if (set != null) {
                accepted.computeIfAbsent(set.name(), k -> new TreeSet<>()).add(p.attr());
            }
            if (spec == null || spec.type() == AttrType.UNUSED) {
                report(key, new SpecDifference(Kind.KERNEL_ONLY, form, here, p.type().shortName(), null));
            } else if (!fits(p.type(), spec.type())) {
                report(key, new SpecDifference(Kind.TYPE_MISMATCH, form, here, p.type().shortName(), spec.type().specName()));
            } else if (p.policyIdx() != null) {
                table(form, policy.table(p.policyIdx()), SpecNames.nestedSet(family, spec), here);
            }
        }
    }

    private void report(String key, SpecDifference d) {
        if (reported.add(key)) {
            out.add(d);
        }
    }

    private void specOnly() {
        accepted.forEach((setName, numbers) -> {
            for (AttrSpec a : family.attributeSets().get(setName).attributes()) {
                if (a.type() != AttrType.PAD && a.type() != AttrType.UNUSED && !numbers.contains(a.value())) {
                    out.add(new SpecDifference(Kind.SPEC_ONLY, "set " + setName, SpecNames.of(a, a.value()), null,
                            a.type().specName()));
                }
            }
        });
    }

    /**
     * Whether a spec type describes what a kernel type takes: integers of the same width and
     * signedness (uint and sint also for the fixed ones the kernel widens), strings, binaries
     * (structs, arrays, bitfields spelled as binary), nests of every YNL kind.
     */
    static boolean fits(NlAttrType kernel, AttrType spec) {
        return switch (kernel) {
            case U8, U16, U32, U64, S8, S16, S32, S64 -> spec.specName().equals(kernel.shortName())
                    || (spec == AttrType.UINT && !kernel.signed()) || (spec == AttrType.SINT && kernel.signed());
            case UINT -> spec == AttrType.UINT || spec == AttrType.U32 || spec == AttrType.U64;
            case SINT -> spec == AttrType.SINT || spec == AttrType.S32 || spec == AttrType.S64;
            case STRING, NUL_STRING -> spec == AttrType.STRING;
            case BINARY -> spec == AttrType.BINARY || spec == AttrType.STRING;
            case FLAG -> spec == AttrType.FLAG;
            case BITFIELD32 -> spec == AttrType.BITFIELD32 || spec == AttrType.BINARY;
            case NESTED -> spec == AttrType.NEST || spec == AttrType.NEST_TYPE_VALUE || spec == AttrType.INDEXED_ARRAY
                    || spec == AttrType.SUB_MESSAGE;
            case NESTED_ARRAY -> spec == AttrType.INDEXED_ARRAY || spec == AttrType.NEST_TYPE_VALUE;
            default -> true;
        };
    }
}
