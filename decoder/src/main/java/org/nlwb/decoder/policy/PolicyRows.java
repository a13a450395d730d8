package org.nlwb.decoder.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * A kernel policy by attribute name, for showing: one row per attribute an operation's request may
 * carry, nests followed into the tables they name (each table at most once per path: policies of
 * nl80211 and others nest into themselves).
 */
public final class PolicyRows {
    private PolicyRows() {
    }

    /**
     * One attribute of the policy.
     *
     * @param depth    0 for the request's own attributes, 1 inside a nest ...
     * @param path     kernel names from the top, {@code /} between levels
     * @param name     the attribute's kernel name, or {@code attribute N}
     * @param specType the spec's type of it ({@code u8}, {@code nest}), or null when the spec lacks it
     * @param policy   the kernel's entry
     */
    public record Row(int depth, String path, String name, String specType, AttrPolicy policy) {
    }

    /** One operation form: its command, name and root table. */
    public record Form(int cmd, String op, boolean dump, int table) {
        /**
         * {@code linkmodes-set do}, {@code command 42 dump}. Command 0 is no operation: a
         * whole-family dump read as it is files operations without a do form there (the capture
         * module's policy fetch asks for those by their own commands).
         */
        public String describe() {
            String name = op != null ? op : cmd == 0 ? "an operation with no do form (the kernel calls it command 0)"
                    : "command " + cmd;
            return name + (dump ? " dump" : " do");
        }
    }

    /** Every operation form the policy has, in command order, named through {@code family} (which may be null). */
    public static List<Form> forms(KernelPolicy policy, Family family) {
        List<Form> out = new ArrayList<>();
        for (OpPolicy o : policy.operations().values()) {
            String name = opName(family, o.cmd());
            if (o.doTable() != null) {
                out.add(new Form(o.cmd(), name, false, o.doTable()));
            }
            if (o.dumpTable() != null) {
                out.add(new Form(o.cmd(), name, true, o.dumpTable()));
            }
        }
        return out;
    }

    /** The rows of one form. */
    public static List<Row> rows(KernelPolicy policy, Family family, Form form) {
        List<Row> out = new ArrayList<>();
        AttrSetSpec set = rootSet(family, form.cmd());
        add(policy, family, policy.table(form.table()), set, "", 0, new HashSet<>(), out);
        return out;
    }

    /** The spec's name of command {@code cmd}, or null. */
    public static String opName(Family family, int cmd) {
        OpSpec op = op(family, cmd);
        return op == null ? null : op.name();
    }

    static OpSpec op(Family family, int cmd) {
        if (family == null) {
            return null;
        }
        for (OpSpec o : family.operations()) {
            if (o.requestId() != null && o.requestId() == cmd) {
                return o;
            }
        }
        return null;
    }

    static AttrSetSpec rootSet(Family family, int cmd) {
        OpSpec op = op(family, cmd);
        return op == null ? null : family.attributeSets().get(op.attributeSet());
    }

    private static void add(KernelPolicy policy, Family family, PolicyTable table, AttrSetSpec set, String path,
                            int depth, Set<Integer> seen, List<Row> out) {
        if (table == null || !seen.add(table.index())) {
            return;
        }
        for (Map.Entry<Integer, AttrPolicy> e : table.attributes().entrySet()) {
            AttrSpec spec = set == null ? null : set.byValue(e.getKey());
            String name = SpecNames.of(spec, e.getKey());
            String here = SpecNames.join(path, name);
            AttrPolicy p = e.getValue();
            out.add(new Row(depth, here, name, spec == null ? null : spec.type().specName(), p));
            if (p.policyIdx() != null) {
                add(policy, family, policy.table(p.policyIdx()), SpecNames.nestedSet(family, spec), here, depth + 1,
                        seen, out);
            }
        }
        seen.remove(table.index());
    }
}
