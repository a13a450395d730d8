package org.nlwb.decoder.ynl;

import java.util.List;
import java.util.Map;

/**
 * Checks, once everything is read, that every name a spec uses is defined: nested sets, enums,
 * structs, sub-messages and their selectors, fixed headers, notified operations and the
 * attributes in operations' lists. Each problem is placed at the key that names the missing thing.
 */
final class References {
    private final NodeReader r;
    private final Definitions defs;
    private final AttributeSets sets;
    private final Operations ops;

    References(NodeReader r, Definitions defs, AttributeSets sets, Operations ops) {
        this.r = r;
        this.defs = defs;
        this.sets = sets;
        this.ops = ops;
    }

    void check() {
        for (AttrSetSpec s : sets.sets.values()) {
            for (AttrSpec a : s.attributes()) {
                attribute(s, a, "attribute-sets[" + s.name() + "].attributes[" + a.name() + "]", sets.node(s.name(), a.name()));
            }
        }
        for (OpSpec op : ops.ops) {
            YamlNode at = ops.opNodes.getOrDefault(op.name(), null);
            if (at != null) {
                operation(op, "operations.list[" + op.name() + "]", at);
            }
        }
    }

    private void attribute(AttrSetSpec s, AttrSpec a, String path, YamlNode at) {
        if (a.nested() != null && !sets.sets.containsKey(a.nested())) {
            r.problemAt(at, "nested-attributes", path + ".nested-attributes", "attribute set \"" + a.nested() + "\" is not defined");
        }
        if (a.enumName() != null && !defs.enums.containsKey(a.enumName())) {
            r.problemAt(at, "enum", path + ".enum", "enum \"" + a.enumName() + "\" is not defined");
        }
        if (a.struct() != null && !defs.structs.containsKey(a.struct()) && !defs.structNodes.containsKey(a.struct())) {
            r.problemAt(at, "struct", path + ".struct", "struct \"" + a.struct() + "\" is not defined");
        }
        if (a.type() == AttrType.SUB_MESSAGE) {
            subMessage(s, a, path, at);
        }
        if ((a.type() == AttrType.NEST || a.type() == AttrType.NEST_TYPE_VALUE) && a.nested() == null) {
            r.problem(at, path, "a " + a.type() + " attribute needs \"nested-attributes\"");
        }
    }

    private void subMessage(AttrSetSpec s, AttrSpec a, String path, YamlNode at) {
        if (a.subMessage() == null || !sets.subMessages.containsKey(a.subMessage())) {
            r.problemAt(at, "sub-message", path + ".sub-message", a.subMessage() == null
                    ? "a sub-message attribute needs \"sub-message\""
                    : "sub-message \"" + a.subMessage() + "\" is not defined");
        }
        if (a.selector() == null) {
            r.problem(at, path, "a sub-message attribute needs \"selector\"");
        } else if (s.byName(a.selector()) == null
                && sets.sets.values().stream().noneMatch(o -> o.byName(a.selector()) != null)) {
            r.problemAt(at, "selector", path + ".selector", "selector \"" + a.selector() + "\" is not an attribute of "
                    + s.name() + " or of any set that could enclose it");
        }
    }

    private void operation(OpSpec op, String path, YamlNode at) {
        AttrSetSpec set = op.attributeSet() == null ? null : sets.sets.get(op.attributeSet());
        if (op.attributeSet() != null && set == null) {
            r.problemAt(at, "attribute-set", path + ".attribute-set", "attribute set \"" + op.attributeSet() + "\" is not defined");
        }
        if (op.fixedHeader() != null && !defs.structs.containsKey(op.fixedHeader())) {
            r.problemAt(at, "fixed-header", path + ".fixed-header", "struct \"" + op.fixedHeader() + "\" is not defined");
        }
        if (op.notifyOf() != null && ops.ops.stream().noneMatch(o -> o.name().equals(op.notifyOf()))) {
            r.problemAt(at, "notify", path + ".notify", "operation \"" + op.notifyOf() + "\" is not defined");
        }
        if (set == null) {
            return;
        }
        for (Map.Entry<String, List<String>> e : op.attributeLists().entrySet()) {
            for (String n : e.getValue()) {
                if (set.byName(n) == null) {
                    r.problem(at, path + "." + e.getKey().replace(' ', '.') + ".attributes",
                            "\"" + n + "\" is not an attribute of " + set.name());
                }
            }
        }
    }
}
