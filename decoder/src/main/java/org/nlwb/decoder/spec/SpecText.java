package org.nlwb.decoder.spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * A family as text for people ({@code nlwb spec show}): its messages with kernel names and
 * numbers in both directions, its attribute sets with every attribute's constant, number and
 * type, and its structs and enums.
 */
public final class SpecText {
    private SpecText() {
    }

    public static void describe(Family f, String origin, List<String> overridden, PrintWriter out) {
        out.printf("%s  (%s, %s%s)%n", f.name(), f.schema().label(), Protocol.name(f.protocol()),
                f.directional() ? ", directional message ids" : "");
        out.println("  from " + origin);
        for (String o : overridden) {
            out.println("  overrides " + o);
        }
        if (f.doc() != null && !f.doc().isBlank()) {
            out.println("  " + f.doc().strip().replace("\n", " "));
        }
        messages(f, out);
        attributeSets(f, out);
        structs(f, out);
        enums(f, out);
    }

    private static void messages(Family f, PrintWriter out) {
        out.println();
        out.println("messages:");
        for (OpSpec op : f.operations()) {
            StringBuilder sb = new StringBuilder("  ").append(op.name());
            if (op.requestId() != null) {
                sb.append("  → kernel ").append(op.toKernelName()).append(" (").append(op.requestId()).append(')');
            }
            if (op.replyId() != null) {
                sb.append("  ← kernel ").append(op.fromKernelName()).append(" (").append(op.replyId()).append(')');
                sb.append(switch (op.kind()) {
                    case NOTIFY -> " notification of " + op.notifyOf();
                    case EVENT -> " event";
                    case REQUEST -> " reply";
                });
            }
            if (op.fixedHeader() != null) {
                sb.append("  header ").append(op.fixedHeader());
            }
            if (op.attributeSet() != null) {
                sb.append("  attributes ").append(op.attributeSet());
            }
            if (op.mcgrp() != null) {
                sb.append("  group ").append(op.mcgrp());
            }
            out.println(sb);
        }
        if (!f.mcastGroups().isEmpty()) {
            out.println();
            out.println("multicast groups:");
            for (Family.McastGroup g : f.mcastGroups()) {
                out.println("  " + g.name() + (g.value() != null ? " (" + g.value() + ")" : ""));
            }
        }
    }

    private static void attributeSets(Family f, PrintWriter out) {
        out.println();
        out.println("attribute sets:");
        for (AttrSetSpec s : f.attributeSets().values()) {
            out.println("  " + s.name() + (s.subsetOf() != null ? "  (subset of " + s.subsetOf() + ")" : ""));
            for (AttrSpec a : s.attributes()) {
                out.printf("    %4d  %-36s %s%n", a.value(), a.kernelName(), typeText(a));
            }
        }
        if (!f.subMessages().isEmpty()) {
            out.println();
            out.println("sub-messages (layout chosen by the selector's value):");
            for (SubMessageSpec sm : new TreeMap<>(f.subMessages()).values()) {
                out.println("  " + sm.name());
                for (SubMessageSpec.Format fm : new TreeMap<>(sm.formats()).values()) {
                    out.printf("    %-14s %s%s%n", fm.value(), fm.fixedHeader() != null ? "header " + fm.fixedHeader() + " " : "",
                            fm.attributeSet() != null ? "attributes " + fm.attributeSet() : "");
                }
            }
        }
    }

    private static void structs(Family f, PrintWriter out) {
        if (!f.structs().isEmpty()) {
            out.println();
            out.println("structs:");
            for (StructDef s : new TreeMap<>(f.structs()).values()) {
                out.println("  " + s.name() + " (" + s.size() + " bytes)");
                for (StructDef.Member m : s.members()) {
                    out.printf("    %4d  %-28s %s%s%s%n", m.offset(), m.cName(),
                            m.struct() != null ? "struct " + m.struct() : m.type() + (m.type().isFixedInteger() ? "" : "[" + m.size() + "]"),
                            m.bigEndian() ? " big-endian" : "", m.enumName() != null ? " enum " + m.enumName() : "");
                }
            }
        }
    }

    private static void enums(Family f, PrintWriter out) {
        if (!f.enums().isEmpty()) {
            out.println();
            out.println("enums and flags:");
            for (EnumDef e : new TreeMap<>(f.enums()).values()) {
                out.println("  " + e.name() + (e.flags() ? " (flags: bit positions)" : ""));
                for (Map.Entry<Long, String> n : e.kernelNames().entrySet()) {
                    long shown = e.flags() ? 1L << n.getKey() : n.getKey();
                    out.printf("    %10s  %s%n", e.flags() ? "0x" + Long.toHexString(shown) : Long.toString(shown), n.getValue());
                }
            }
        }
    }

    private static String typeText(AttrSpec a) {
        StringBuilder sb = new StringBuilder(a.type().specName());
        if (a.subType() != null) {
            sb.append(" of ").append(a.subType());
        }
        if (a.nested() != null) {
            sb.append(" → ").append(a.nested());
        }
        if (a.struct() != null) {
            sb.append(" struct ").append(a.struct());
        }
        if (a.subMessage() != null) {
            sb.append(" ").append(a.subMessage()).append(" by ").append(a.selector());
        }
        if (a.enumName() != null) {
            sb.append(a.asFlags() ? " flags " : " enum ").append(a.enumName());
        }
        if (a.bigEndian()) {
            sb.append(" big-endian");
        }
        if (a.displayHint() != null) {
            sb.append(" (").append(a.displayHint()).append(')');
        }
        if (a.multiAttr()) {
            sb.append(" multi-attr");
        }
        return sb.toString();
    }
}
