package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrChecks;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.StructDef;

/**
 * Structs (fixed headers, binary attributes with {@code struct:}, nested members) all four ways:
 * members decoded over the payload with alignment holes as padding; written from a JSON object
 * (by spec or C member name, the rest zero); described back (zero members left out); and their
 * members' editor hints. Member types are the fixed-width integers, string, binary and pad. A
 * struct sent shorter than its {@code sizeof} is described with {@code "$size": n} and written so.
 */
final class StructCodec {
    /** The key of a struct object sent as fewer bytes than its sizeof, {@code {"$size": 6, ...}}. */
    static final String SIZE = "$size";

    private final FamilyCodecs codecs;
    private final StructLayouts layouts;

    StructCodec(FamilyCodecs codecs) {
        this.codecs = codecs;
        this.layouts = new StructLayouts(codecs);
    }

    private StructDef nested(StructDef.Member m) {
        return m.struct() == null ? null : codecs.family().structs().get(m.struct());
    }

    private EnumDef names(StructDef.Member m) {
        return m.enumName() == null ? null : codecs.family().enums().get(m.enumName());
    }

    // ---------------------------------------------------------------- decode

    /**
     * A struct attribute: members tile the payload. A payload that stops after the last member
     * (a packed copy, without the tail padding) is whole; bytes past {@code sizeof} are shown as
     * unknown (a newer kernel's fields).
     */
    Decoded value(StructDef s, ByteView p) {
        StructLayouts.Layout l = layouts.of(s);
        NodeList.Builder kids = NodeList.builder(l.members.length + 1);
        members(l, p, kids);
        int covered = Math.min(p.length(), s.size());
        if (p.length() > s.size()) {
            ByteView extra = p.from(s.size());
            kids.add(new Node("unknown", null, extra.base(), extra.length(), extra.hex(), Values.spacedHex(extra, 32),
                    Status.UNKNOWN, extra.length() + " bytes past struct " + s.name() + " (" + s.size()
                    + " bytes): a newer kernel's fields?", List.of()));
        }
        String display = covered == s.size() ? l.wholeDisplay : s.name() + " (" + covered + " bytes)";
        Decoded d = Decoded.container(display, kids.build());
        if (p.length() >= s.end()) {
            return d;
        }
        // a struct that grew between kernel versions (rtnl_link_stats64): an older kernel's copy
        // stops after a member; one cut inside a member is damaged
        String last = lastMemberEndingAt(s, p.length());
        return last != null ? d.withStatus(Status.OK, p.length() + " of " + s.end() + " bytes: struct " + s.name()
                + " ends after " + last + " here (the size differs from this spec's version: an older kernel's)")
                : d.withStatus(Status.MALFORMED, "struct " + s.name() + " needs " + s.end() + " bytes, payload has " + p.length());
    }

    /** The member (not padding) of {@code s} that ends exactly at {@code length}, or null. */
    private static String lastMemberEndingAt(StructDef s, int length) {
        for (StructDef.Member m : s.members()) {
            if (length > 0 && m.offset() + m.size() == length && m.type() != AttrType.PAD) {
                return StructDef.cName(m.name());
            }
        }
        return null;
    }

    /** A node named after the struct covering {@code p} (at most the struct's size). */
    Node node(StructDef s, ByteView p) {
        StructLayouts.Layout l = layouts.of(s);
        NodeList.Builder kids = NodeList.builder(l.members.length + 1);
        members(l, p, kids);
        boolean short_ = p.length() < s.end();
        // old dump requests send only the family byte (struct rtgenmsg) where the spec has ifinfomsg
        String last = short_ ? lastMemberEndingAt(s, p.length()) : null;
        return new Node(l.cName, null, p.base(), p.length(), null, s.name(),
                short_ && last == null ? Status.MALFORMED : Status.OK,
                !short_ ? null : last == null ? "struct " + s.name() + " needs " + s.size() + " bytes, only " + p.length() + " here"
                        : p.length() + " of " + s.size() + " bytes: struct " + s.name() + " ends after " + last
                        + " here (the size differs from this spec's version)", kids.build());
    }

    /**
     * The members of {@code l} over the start of {@code p} (up to {@code sizeof}) into {@code out},
     * alignment holes as padding; a member cut short becomes malformed.
     */
    private void members(StructLayouts.Layout l, ByteView p, NodeList.Builder out) {
        StructDef s = l.def;
        int off = 0;
        int limit = Math.min(p.length(), s.size());
        StructDef.Member[] ms = l.members;
        for (int i = 0; i < ms.length; i++) {
            StructDef.Member m = ms[i];
            if (m.offset() > off && off < limit) {
                int n = Math.min(m.offset(), limit) - off;
                out.add(hole(p.slice(off, n), l));
                off += n;
            }
            if (off >= limit) {
                break;
            }
            if (limit - off < m.size()) {
                ByteView rest = p.slice(off, limit - off);
                out.add(new Node(l.cNames[i], null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                        Status.MALFORMED, m.name() + " needs " + m.size() + " bytes, only " + rest.length() + " left", List.of()));
                off = limit;
                break;
            }
            if (m.size() != 0) {
                out.add(member(l, i, p, off));
            }
            off += m.size();
        }
        if (off < limit) {
            out.add(hole(p.slice(off, limit - off), l));
        }
    }

    private static Node hole(ByteView v, StructLayouts.Layout l) {
        Node pad = new Node("padding", null, v.base(), v.length(), null, Node.byteCount(v.length()),
                Status.PADDING, l.holeNote, List.of());
        return v.allZero() ? pad : pad.withStatus(Status.PADDING, "alignment bytes of struct " + l.def.name() + " are not zero: " + v.hex());
    }

    /** Member {@code i} of {@code l}, at {@code at} of {@code p}, which holds all of it. */
    private Node member(StructLayouts.Layout l, int i, ByteView p, int at) {
        StructDef.Member m = l.members[i];
        AttrType t = m.type();
        if (t.isInteger() && m.displayHint() == null && t.size() == m.size()) {
            // most members are plain integers: read in place, no view of them and no Decoded
            int size = m.size();
            long v = IntegerCodec.readAt(p, at, size, m.bigEndian(), t.signed());
            Object val = IntegerCodec.value(v, size, t.signed());
            return new Node(l.cNames[i], null, p.abs(at), size, val, IntegerCodec.display(v, val, l.names[i], m.asFlags()),
                    Status.OK, null, NodeList.EMPTY);
        }
        ByteView v = p.slice(at, m.size());
        if (m.type() == AttrType.PAD) {
            Node pad = Node.padding(v.base(), v.length());
            return v.allZero() ? pad : pad.withStatus(Status.PADDING, "pad bytes are not zero: " + v.hex());
        }
        StructDef inner = l.nested[i];
        if (inner != null) {
            StructLayouts.Layout il = layouts.of(inner);
            NodeList.Builder kids = NodeList.builder(il.members.length + 1);
            members(il, v, kids);
            if (v.length() > inner.size()) {
                ByteView extra = v.from(inner.size());
                kids.add(new Node("unknown", null, extra.base(), extra.length(), extra.hex(), Values.spacedHex(extra, 32),
                        Status.UNKNOWN, "bytes past struct " + inner.name(), List.of()));
            }
            return new Node(l.cNames[i], null, v.base(), v.length(), null, inner.name(), Status.OK, null, kids.build());
        }
        Decoded d;
        if (m.type().isInteger()) {
            d = IntegerCodec.read(m.type(), v, m.bigEndian(), l.names[i], m.asFlags(), m.displayHint());
        } else if (m.type() == AttrType.STRING) {
            d = Values.string(v, false);
        } else {
            d = DisplayHints.binary(v, m.displayHint());
        }
        return new Node(l.cNames[i], null, v.base(), v.length(), d.value(), d.display(), d.status(), d.note(), List.of());
    }

    // ---------------------------------------------------------------- encode

    /** The member {@code key} names, by spec or C name, or null. */
    static StructDef.Member member(StructDef s, String key) {
        for (StructDef.Member m : s.members()) {
            if (m.name().equals(key) || m.cName().equals(key)) {
                return m;
            }
        }
        return null;
    }

    /**
     * {@code sizeof(struct)} bytes, members from {@code obj} (by spec or C name), the rest zero; with
     * {@code "$size": n} only the first n (an old kernel's shorter struct, a packed one sent without
     * its tail padding), the members past them absent or zero.
     */
    byte[] encode(StructDef s, ObjectNode obj, String path) throws ValueException {
        byte[] b = new byte[s.size()];
        int size = s.size();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            StructDef.Member m = member(s, e.getKey());
            String p = JsonValues.join(path, e.getKey());
            if (e.getKey().equals(SIZE)) {
                size = sentSize(s, e.getValue(), p);
                continue;
            }
            if (m == null) {
                throw noMember(s, e.getKey(), p);
            }
            byte[] v = encodeMember(m, e.getValue(), p);
            System.arraycopy(v, 0, b, m.offset(), Math.min(v.length, m.size()));
        }
        for (int i = size; i < b.length; i++) {
            if (b[i] != 0) {
                throw new ValueException(JsonValues.join(path, SIZE), "struct " + s.name() + " sent as " + size
                        + " bytes has members past them that are not zero");
            }
        }
        return size == b.length ? b : Arrays.copyOf(b, size);
    }

    private static int sentSize(StructDef s, JsonNode v, String path) throws ValueException {
        if (!v.isInt() || v.intValue() < 1 || v.intValue() > s.size()) {
            throw JsonValues.wrongType(path, "size", "1 .. " + s.size() + " (bytes of struct " + s.name() + ")", v);
        }
        return v.intValue();
    }

    private static ValueException noMember(StructDef s, String key, String path) {
        List<String> known = s.members().stream().map(StructDef.Member::name).filter(n -> !n.startsWith("pad")).toList();
        return new ValueException(path, "struct " + s.name() + " has no member '" + key + "'"
                + Suggestions.suggestion(key, known) + "; it has: " + Suggestions.list(known));
    }

    private byte[] encodeMember(StructDef.Member m, JsonNode v, String path) throws ValueException {
        StructDef inner = nested(m);
        if (inner != null) {
            return encode(inner, JsonValues.object(v, path, "struct " + m.struct()), path);
        }
        if (m.type().isInteger()) {
            long n = IntegerJson.parse(m.type(), v, names(m), m.asFlags(), m.displayHint(), m.bigEndian(), path);
            return IntegerCodec.bytes(n, m.size(), m.bigEndian());
        }
        byte[] b;
        if (m.type() == AttrType.STRING) {
            if (!v.isTextual()) {
                throw JsonValues.wrongType(path, "string", "a JSON string", v);
            }
            b = v.asText().getBytes(StandardCharsets.UTF_8);
        } else if (m.type() == AttrType.PAD) {
            b = JsonValues.hex(v, path);
        } else {
            if (!v.isTextual()) {
                throw JsonValues.wrongType(path, m.type().specName(), DisplayHints.binaryExpectation(m.displayHint()), v);
            }
            b = DisplayHints.bytesFromText(m.displayHint(), v.asText().strip(), path);
        }
        if (b.length > m.size()) {
            throw new ValueException(path, "member " + m.name() + " holds " + m.size() + " bytes, the value has " + b.length);
        }
        return b;
    }

    /** What encoding {@code v} as member {@code key} of {@code s} would report, or empty. */
    Optional<Problem> validateMember(StructDef s, String key, JsonNode v, String path) {
        try {
            StructDef.Member m = member(s, key);
            if (m == null) {
                throw noMember(s, key, path);
            }
            encodeMember(m, v, path);
            return Optional.empty();
        } catch (ValueException e) {
            return Optional.of(e.problem());
        }
    }

    // ---------------------------------------------------------------- describe

    /** The members of decoded struct {@code node} into {@code out}, zero ones left out (the encoder zero-fills). */
    void describe(ObjectNode out, StructDef s, Node node, String path) throws ValueException {
        if (node.length() < s.size()) {
            out.put(SIZE, node.length());
        }
        for (StructDef.Member m : s.members()) {
            if (m.type() == AttrType.PAD || m.size() == 0) {
                continue;
            }
            Node c = node.child(m.cName());
            String p = JsonValues.join(path, m.name());
            if (c == null && m.offset() >= node.length()) {
                continue; // past the end of a shorter struct: "$size" says so
            }
            if (c == null) {
                throw new ValueException(p, "member missing from the decoded struct");
            }
            if (c.status() != Status.OK) {
                throw new ValueException(p, c.status().name().toLowerCase());
            }
            StructDef inner = nested(m);
            if (inner != null) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                describe(o, inner, c, p);
                out.set(m.name(), o);
            } else if (!isZero(c.value(), m)) {
                out.set(m.name(), Describing.scalar(c.value(), p));
            }
        }
        for (Node c : node.children()) {
            if (c.status() == Status.PADDING && c.note() != null && c.note().contains("not zero")) {
                throw new ValueException(path, "struct " + s.name() + " has non-zero padding");
            }
        }
    }

    private static boolean isZero(Object v, StructDef.Member m) {
        if (v instanceof BigInteger b) {
            return b.signum() == 0;
        }
        if (v instanceof Number n) {
            return n.longValue() == 0;
        }
        if (m.type() == AttrType.STRING) {
            return "".equals(v);
        }
        // binary members: hex digits, all zero
        return v instanceof String s && m.displayHint() == null && s.chars().allMatch(ch -> ch == '0');
    }

    // ---------------------------------------------------------------- editor hints

    Map<String, EditorHint> memberHints(StructDef s) {
        Map<String, EditorHint> out = new LinkedHashMap<>();
        for (StructDef.Member m : s.members()) {
            if (m.type() != AttrType.PAD && m.size() != 0) {
                out.put(m.name(), memberHint(m));
            }
        }
        return out;
    }

    private EditorHint memberHint(StructDef.Member m) {
        if (nested(m) != null) {
            return EditorHint.of(EditorKind.STRUCT, m.type()).withStruct(m.struct());
        }
        if (m.type().isInteger()) {
            return IntegerCodec.hint(m.type(), names(m), m.asFlags(), m.displayHint());
        }
        AttrChecks size = new AttrChecks(null, null, null, m.size());
        EditorKind kind = m.type() == AttrType.STRING ? EditorKind.STRING : DisplayHints.binaryKind(m.displayHint());
        return EditorHint.of(kind, m.type()).withDisplayHint(m.displayHint()).withChecks(size);
    }
}
