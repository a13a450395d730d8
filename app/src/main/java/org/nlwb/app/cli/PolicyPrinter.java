package org.nlwb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.nlwb.decoder.policy.AttrPolicy;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.policy.PolicyRows;
import org.nlwb.decoder.policy.SpecDifference;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * How {@code nlwb policy} prints: a text tree per operation form (attribute, kernel type, bounds,
 * the spec's type where it differs in name), or one JSON object:
 *
 * <pre>
 * {family, id, kernel: true, forms: [{op, cmd, form, table, attributes: [{path, name, depth, type, spec-type,
 *   min, max, min-length, max-length, mask, bitfield32-mask, policy, maxtype}]}], spec-compare: [{kind, where, path, kernel, spec}]}
 * {family, kernel: false, note, checks: [{op, path, min, max, min-length, max-length}]}     (no policy dump)
 * </pre>
 */
final class PolicyPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;

    PolicyPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A kernel policy; {@code differences} null when no comparison was asked for. */
    void policy(KernelPolicy p, Family family, List<SpecDifference> differences) {
        List<PolicyRows.Form> forms = PolicyRows.forms(p, family);
        if (json) {
            ObjectNode root = JSON.createObjectNode().put("family", p.family()).put("id", p.familyId()).put("kernel", true);
            ArrayNode fs = root.putArray("forms");
            for (PolicyRows.Form f : forms) {
                ObjectNode o = fs.addObject().put("op", f.op()).put("cmd", f.cmd()).put("form", f.dump() ? "dump" : "do")
                        .put("table", f.table());
                ArrayNode attrs = o.putArray("attributes");
                PolicyRows.rows(p, family, f).forEach(r -> attrs.add(row(r)));
            }
            if (differences != null) {
                ArrayNode ds = root.putArray("spec-compare");
                differences.forEach(d -> ds.addObject().put("kind", d.kind().name()).put("where", d.where())
                        .put("path", d.path()).put("kernel", d.kernel()).put("spec", d.spec()));
            }
            print(root);
            return;
        }
        out.println("== " + p.family() + " (id " + p.familyId() + "): the running kernel's policy, "
                + SendView.count(forms.size(), "operation form", "operation forms")
                + (family == null ? " (no spec names its attributes)" : ""));
        for (PolicyRows.Form f : forms) {
            out.println(f.describe() + " (command " + f.cmd() + ", table " + f.table() + ")");
            for (PolicyRows.Row r : PolicyRows.rows(p, family, f)) {
                String type = r.policy().type().shortName();
                String bounds = r.policy().bounds();
                String number = r.specType() == null ? "" : " (" + r.policy().attr() + ")";
                out.println("  " + "  ".repeat(r.depth()) + r.name() + number + ": " + type
                        + (bounds.isEmpty() ? "" : "  " + bounds) + (r.specType() == null ? "  [not in the spec]" : ""));
            }
        }
        if (differences != null) {
            out.println("== spec " + (family == null ? "" : family.origin()) + " against the kernel: "
                    + SendView.count(differences.size(), "difference", "differences"));
            differences.forEach(d -> out.println("  " + d.text()));
        }
        out.flush();
    }

    private static ObjectNode row(PolicyRows.Row r) {
        AttrPolicy p = r.policy();
        ObjectNode o = JSON.createObjectNode().put("path", r.path()).put("name", r.name()).put("attr", p.attr())
                .put("depth", r.depth()).put("type", p.type().shortName()).put("spec-type", r.specType());
        if (p.min() != null && !p.isTypeRange()) {
            o.put("min", p.min()).put("max", p.max());
        }
        if (p.minLength() != null) {
            o.put("min-length", p.minLength());
        }
        if (p.maxLength() != null) {
            o.put("max-length", p.maxLength());
        }
        if (p.mask() != null) {
            o.put("mask", p.mask());
        }
        if (p.bitfield32() != null) {
            o.put("bitfield32-mask", p.bitfield32());
        }
        if (p.policyIdx() != null) {
            o.put("policy", p.policyIdx()).put("maxtype", p.maxType());
        }
        return o;
    }

    /** A family the kernel reports no policy for: says so, and lists the spec's own checks. */
    void withoutDump(Family family, String op) {
        String note = family.name() + " is not a generic netlink family: the kernel has no policy dump for it "
                + "(CTRL_CMD_GETPOLICY is generic netlink's); nlwb send --check uses the spec's own checks";
        ArrayNode checks = JSON.createArrayNode();
        for (OpSpec o : family.operations()) {
            AttrSetSpec set = o.attributeSet() == null ? null : family.attributeSets().get(o.attributeSet());
            if (set == null || o.requestId() == null || (op != null && !op.equals(o.name()))) {
                continue;
            }
            for (AttrSpec a : set.attributes()) {
                if (!a.checks().isEmpty()) {
                    checks.addObject().put("op", o.name()).put("path", a.kernelName()).put("min", a.checks().min())
                            .put("max", a.checks().max()).put("min-length", a.checks().minLength())
                            .put("max-length", a.checks().maxLength());
                }
            }
        }
        if (json) {
            print(JSON.createObjectNode().put("family", family.name()).put("kernel", false).put("note", note)
                    .set("checks", checks));
            return;
        }
        out.println("== " + note + "; the spec (" + family.origin() + ") has "
                + SendView.count(checks.size(), "check", "checks") + (checks.isEmpty() ? "" : ":"));
        checks.forEach(c -> out.println("  " + c.get("op").asText() + ": " + c.get("path").asText() + ": "
                + range(c, "min", "max", "") + range(c, "min-length", "max-length", " bytes")));
        out.flush();
    }

    private static String range(com.fasterxml.jackson.databind.JsonNode c, String lo, String hi, String unit) {
        if (c.get(lo).isNull() && c.get(hi).isNull()) {
            return "";
        }
        return (c.get(lo).isNull() ? "" : c.get(lo).asText()) + ".." + (c.get(hi).isNull() ? "" : c.get(hi).asText())
                + unit + " ";
    }

    private void print(ObjectNode root) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
