package org.nlwb.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * {@code nlwb send --list-ops FAMILY}: what a spec family lets one send, as {@code --do}/{@code
 * --dump}/{@code --multi} take it: each operation's name, its forms (do, dump), its message id,
 * the fixed header's members and the request attributes of each form (where the spec lists none,
 * those of the operation's attribute set); then the notifications, which only the kernel sends. Text, or with {@code --json-out} one JSON object.
 */
final class OperationList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Family family;

    OperationList(Family family) {
        this.family = family;
    }

    void print(PrintWriter out, boolean json) {
        out.print(json ? json() : text());
        out.flush();
    }

    private String text() {
        StringBuilder sb = new StringBuilder();
        List<OpSpec> sendable = sendable();
        sb.append("== ").append(family.name()).append(": ").append(SendView.count(sendable.size(), "operation", "operations"))
                .append(" to send (").append(family.schema().label()).append(" on ").append(Protocol.name(family.protocol()))
                .append("; ").append(family.origin()).append(")\n");
        for (OpSpec op : sendable) {
            sb.append(op.name()).append("  ").append(forms(op).isEmpty() ? "(the spec gives no form)" : String.join(", ", forms(op)))
                    .append("  ").append(op.toKernelName()).append(" (").append(op.requestId()).append(")");
            StructDef header = header(op);
            if (header != null) {
                sb.append(", fixed header ").append(header.name()).append(" (").append(String.join(", ", members(header)))
                        .append(")");
            }
            sb.append('\n');
            for (String form : forms(op)) {
                sb.append("    ").append(form).append(" request: ").append(requestText(op, form)).append('\n');
            }
        }
        Set<String> sets = new LinkedHashSet<>();
        for (OpSpec op : sendable) {
            for (String form : forms(op)) {
                if (op.attributeLists().getOrDefault(form + " request", List.of()).isEmpty() && !setAttributes(op).isEmpty()) {
                    sets.add(op.attributeSet());
                }
            }
        }
        for (String set : sets) {
            sb.append("attribute set ").append(set).append(": ").append(String.join(", ",
                    family.attributeSets().get(set).attributes().stream().map(AttrSpec::name).toList())).append('\n');
        }
        List<String> notes = new ArrayList<>();
        for (OpSpec op : family.operations()) {
            if (op.requestId() == null) {
                notes.add(op.name() + (op.fromKernelName() != null ? " (" + op.fromKernelName() + ")" : ""));
            }
        }
        if (!notes.isEmpty()) {
            sb.append("notifications (the kernel sends them): ").append(String.join(", ", notes)).append('\n');
        }
        return sb.toString();
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("family", family.name());
        root.put("protocol", Protocol.shortName(family.protocol()));
        root.put("origin", family.origin());
        ArrayNode ops = root.putArray("operations");
        for (OpSpec op : sendable()) {
            ObjectNode o = ops.addObject();
            o.put("name", op.name());
            forms(op).forEach(o.putArray("forms")::add);
            o.put("type", op.toKernelName());
            o.put("id", op.requestId());
            StructDef header = header(op);
            if (header != null) {
                o.put("fixed_header", header.name());
                members(header).forEach(o.putArray("header_members")::add);
            }
            for (String form : forms(op)) {
                ArrayNode a = o.putArray(form + "_request");
                op.attributeLists().getOrDefault(form + " request", List.of()).forEach(a::add);
            }
            if (op.attributeSet() != null) {
                o.put("attribute_set", op.attributeSet());
                setAttributes(op).forEach(o.putArray("attribute_set_members")::add);
            }
        }
        ArrayNode notes = root.putArray("notifications");
        for (OpSpec op : family.operations()) {
            if (op.requestId() == null) {
                notes.add(op.name());
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    private List<OpSpec> sendable() {
        return family.operations().stream().filter(op -> op.requestId() != null).toList();
    }

    /** {@code do}, {@code dump}: the forms the spec describes. */
    private static List<String> forms(OpSpec op) {
        List<String> out = new ArrayList<>();
        for (String form : List.of("do", "dump")) {
            if (op.attributeLists().containsKey(form + " request") || op.attributeLists().containsKey(form + " reply")) {
                out.add(form);
            }
        }
        return out;
    }

    /** The attributes the spec lists for the request; where it lists none, those its attribute set has. */
    private String requestText(OpSpec op, String form) {
        List<String> attrs = op.attributeLists().getOrDefault(form + " request", List.of());
        if (!attrs.isEmpty()) {
            return String.join(", ", attrs);
        }
        return setAttributes(op).isEmpty() ? "(no attributes)"
                : "(the spec lists none: any of " + op.attributeSet() + ", below)";
    }

    private List<String> setAttributes(OpSpec op) {
        AttrSetSpec set = op.attributeSet() == null ? null : family.attributeSets().get(op.attributeSet());
        return set == null ? List.of() : set.attributes().stream().map(AttrSpec::name).toList();
    }

    private StructDef header(OpSpec op) {
        return op.fixedHeader() == null ? null : family.structs().get(op.fixedHeader());
    }

    private static List<String> members(StructDef s) {
        return s.members().stream().map(StructDef.Member::name).filter(n -> !n.startsWith("pad")).toList();
    }
}
