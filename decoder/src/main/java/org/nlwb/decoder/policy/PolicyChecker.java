package org.nlwb.decoder.policy;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.policy.PolicyProblem.Kind;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;

/**
 * Checks one encoded generic netlink request against a {@link KernelPolicy}, as the kernel's
 * {@code __nla_validate_parse} would: every attribute at every level against its table (an
 * attribute the table lacks is unknown to this kernel), nests through the tables their entries
 * name, nested arrays element by element. Attributes are named through {@code family}'s spec for
 * the problems' paths; the bytes decide, so a request the spec cannot describe is checked too.
 *
 * <p>It reports every problem, not only the first: the kernel stops at the first it meets (in
 * message order, a nest's contents after its own checks), which is {@link PolicyCheck#first()}.
 * Bytes that cannot be framed as attributes are one {@link Kind#TRAILING} problem, never an
 * exception.
 */
public final class PolicyChecker {
    private static final int MAX_DEPTH = 16; // the kernel's MAX_POLICY_RECURSION_DEPTH is 10

    private final KernelPolicy policy;
    private final Family family;

    public PolicyChecker(KernelPolicy policy, Family family) {
        this.policy = policy;
        this.family = family;
    }

    /** The problems of {@code message} (one netlink message, nlmsghdr first). */
    public PolicyCheck check(byte[] message) {
        ByteView m = ByteView.of(message);
        MessageLayout layout = MessageLayout.of(m, family);
        String basis = "the running kernel's policy of " + family.name() + " " + layout.describe();
        PolicyTable root = policy.root(layout.cmd(), layout.dump());
        if (root == null) {
            return new PolicyCheck(basis + ": the kernel has no policy for it (it validates no attributes)", true, List.of());
        }
        int end = m.length() >= 4 ? (int) Math.min(m.length(), m.u32le(0)) : m.length();
        List<PolicyProblem> out = new ArrayList<>();
        AttrSetSpec set = layout.op() == null ? null : family.attributeSets().get(layout.op().attributeSet());
        walk(m.slice(layout.attrsStart(), Math.max(0, end - layout.attrsStart())), root, null, set, "", "", 0, out);
        return new PolicyCheck(basis, true, out);
    }

    private void walk(ByteView region, PolicyTable table, Integer maxType, AttrSetSpec set, String path,
                      String specPath, int depth, List<PolicyProblem> out) {
        AttributeCursor c = new AttributeCursor(region);
        while (c.next()) {
            AttrSpec spec = set == null ? null : set.byValue(c.type());
            String here = SpecNames.join(path, SpecNames.of(spec, c.type()));
            String specHere = SpecNames.specJoin(specPath, spec);
            AttrPolicy p = table == null ? null : table.attribute(c.type());
            if (p == null) {
                out.add(unknown(c, maxType, here, specHere));
                continue;
            }
            List<PolicyProblem> own = AttrRules.check(p, c.attribute(), c.nested(), spec != null && spec.bigEndian(), here,
                    specHere);
            out.addAll(own);
            boolean framed = own.stream().noneMatch(x -> x.kind() == Kind.BAD_LENGTH);
            if (framed && p.type().isNested() && p.policyIdx() != null && depth < MAX_DEPTH) {
                PolicyTable inner = policy.table(p.policyIdx());
                AttrSetSpec innerSet = SpecNames.nestedSet(family, spec);
                if (p.type() == NlAttrType.NESTED_ARRAY) {
                    elements(c.payload(), inner, p.maxType(), innerSet, here, specHere, depth, out);
                } else {
                    walk(c.payload(), inner, p.maxType(), innerSet, here, specHere, depth + 1, out);
                }
            }
        }
        if (c.stop() != AttributeCursor.Stop.END) {
            int at = region.base() + c.offset();
            out.add(new PolicyProblem(Kind.TRAILING, path, specPath, at, region.base() + region.length() - at,
                    (region.length() - c.offset()) + " bytes after the last attribute are not an attribute ("
                            + c.stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", true));
        }
    }

    /** A nested array: each element a nest of {@code inner}'s attributes, its own type only an index. */
    private void elements(ByteView region, PolicyTable inner, Integer maxType, AttrSetSpec innerSet, String path,
                          String specPath, int depth, List<PolicyProblem> out) {
        AttributeCursor c = new AttributeCursor(region);
        while (c.next()) {
            walk(c.payload(), inner, maxType, innerSet, path + "/[" + c.type() + "]", specPath + "[" + c.type() + "]",
                    depth + 1, out);
        }
    }

    private static PolicyProblem unknown(AttributeCursor c, Integer maxType, String path, String specPath) {
        ByteView a = c.attribute();
        String why = maxType != null && (c.type() > maxType || c.type() == 0)
                ? "unknown attribute type " + c.type() + " (this kernel's table ends at " + maxType + ")"
                : "this kernel's policy has no attribute " + c.type() + " here";
        return new PolicyProblem(Kind.UNKNOWN_ATTRIBUTE, path, specPath, a.base(), a.length(), why, true);
    }
}
