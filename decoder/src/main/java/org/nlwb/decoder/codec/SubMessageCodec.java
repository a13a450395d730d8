package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.NodeList;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.StructDef;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * {@code sub-message} ({@code IFLA_INFO_DATA}): the layout (an optional fixed header, then
 * attributes) named by the value of the selector attribute ({@code IFLA_INFO_KIND}), found in
 * this or an enclosing nest, the nearest first, both when decoding and in a JSON description.
 * An integer selector with an enum (nftables' object type) names its format by the enum entry.
 * Sent without NLA_F_NESTED unless the description's object says {@code "$nested": true} (as nft,
 * tc and iproute2's RTA_ENCAP send it), whatever the nests of the message do.
 */
final class SubMessageCodec implements TypeCodec, BoundDecoder.Source {
    static final SubMessageCodec INSTANCE = new SubMessageCodec();

    private SubMessageCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return decode(f, f.family().subMessages().get(f.spec().subMessage()), selectorCandidates(f), p, scope);
    }

    /** The sub-message and the selector's candidates looked up once; the format still per payload. */
    @Override
    public BoundDecoder bind(Field f) {
        SubMessageSpec sm = f.family().subMessages().get(f.spec().subMessage());
        List<AttrSpec> candidates = selectorCandidates(f);
        return (p, netByteOrder, scope) -> decode(f, sm, candidates, p, scope);
    }

    private static Decoded decode(Field f, SubMessageSpec sm, List<AttrSpec> candidates, ByteView p, DecodeScope scope) {
        AttrSpec a = f.spec();
        AttrSpec selector = null;
        Object sel = null;
        for (AttrSpec candidate : candidates) {
            sel = scope.lookup(candidate.kernelName());
            if (sel != null) {
                selector = candidate;
                break;
            }
        }
        if (sm == null || sel == null) {
            Decoded b = Values.binary(p);
            return b.withStatus(Status.UNKNOWN, "sub-message " + a.subMessage() + ": selector " + a.selector()
                    + " not found before this attribute");
        }
        SubMessageSpec.Format fmt = format(f.family(), sm, selector, sel);
        if (fmt == null) {
            Decoded b = Values.binary(p);
            return b.withStatus(Status.UNKNOWN, "sub-message " + a.subMessage() + " has no format for "
                    + selector.kernelName() + " = " + sel);
        }
        return body(f, sm, fmt, p, scope);
    }

    /** The format the selector's decoded value names: by its text, or by its enum entry's name. */
    private static SubMessageSpec.Format format(Family family, SubMessageSpec sm, AttrSpec selector, Object sel) {
        SubMessageSpec.Format fmt = sm.formats().get(sel.toString());
        EnumDef names = selector.enumName() == null ? null : family.enums().get(selector.enumName());
        if (fmt == null && sel instanceof Long v && names != null) {
            for (Map.Entry<String, Long> e : names.entries().entrySet()) {
                if (e.getValue() == v.longValue()) {
                    fmt = sm.formats().get(e.getKey());
                }
            }
        }
        return fmt;
    }

    private static Decoded body(Field f, SubMessageSpec sm, SubMessageSpec.Format fmt, ByteView p, DecodeScope scope) {
        NodeList.Builder kids = NodeList.builder(8);
        int off = 0;
        if (fmt.fixedHeader() != null) {
            StructDef s = f.family().structs().get(fmt.fixedHeader());
            off = Math.min(p.length(), s.size());
            kids.add(f.codecs().structNode(s, p.slice(0, off)));
        }
        ByteView rest = p.from(off);
        if (!rest.isEmpty()) {
            if (fmt.attributeSet() != null) {
                kids.addAll(scope.walk(rest, f.codecs().set(fmt.attributeSet())));
            } else {
                kids.add(new Node("payload", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 64),
                        Status.UNKNOWN, "format " + fmt.value() + " of " + sm.name() + " names no attributes", List.of()));
            }
        }
        if (kids.size() == 0) {
            return Decoded.of(fmt.value(), "(empty " + fmt.value() + ")");
        }
        return Decoded.container(fmt.value() + " (" + p.length() + " bytes)", kids.build());
    }

    /**
     * The attributes the selector may be: the one in this attribute's own set first, then any
     * set's attribute of that name (a selector outside the set lives in an enclosing nest).
     */
    private static List<AttrSpec> selectorCandidates(Field f) {
        String name = f.spec().selector();
        List<AttrSpec> out = new ArrayList<>();
        AttrSpec own = f.owner().byName(name);
        if (own != null) {
            out.add(own);
        }
        for (AttrSetSpec other : f.family().attributeSets().values()) {
            AttrSpec s = other.byName(name);
            if (s != null && out.stream().noneMatch(x -> x.kernelName().equals(s.kernelName()))) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        AttrSpec a = f.spec();
        SubMessageSpec sm = f.family().subMessages().get(a.subMessage());
        if (sm == null) {
            throw new ValueException(path, "the spec has no sub-message " + a.subMessage());
        }
        String selector = enc.enclosingValue(a.selector());
        if (selector == null) {
            throw new ValueException(path, a.name() + " is a sub-message chosen by '" + a.selector()
                    + "': give " + a.selector() + " beside it or in an enclosing object");
        }
        SubMessageSpec.Format fmt = sm.formats().get(selector);
        if (fmt == null && selector.matches("\\d+")) {
            // an integer selector with an enum (nftables' object type 1 = counter), as decode reads it
            for (AttrSpec candidate : selectorCandidates(f)) {
                fmt = fmt != null ? fmt : format(f.family(), sm, candidate, Long.valueOf(selector));
            }
        }
        if (fmt == null) {
            throw new ValueException(path, "sub-message " + sm.name() + " has no format for " + a.selector() + " = '"
                    + selector + "'" + Suggestions.suggestion(selector, sm.formats().keySet()) + "; it has: "
                    + Suggestions.list(new TreeSet<>(sm.formats().keySet())));
        }
        ObjectNode obj = JsonValues.object(v, path, "sub-message " + sm.name() + " format " + selector);
        boolean nested = nestedFlag(obj, path);
        if (obj.has(Encoding.NESTED)) {
            obj = obj.deepCopy();
            obj.remove(Encoding.NESTED);
        }
        StructDef header = fmt.fixedHeader() == null ? null : f.family().structs().get(fmt.fixedHeader());
        AttrSetSpec set = fmt.attributeSet() == null ? null : f.family().attributeSets().get(fmt.attributeSet());
        enc.attr(out, a.value() | (nested ? Netlink.NLA_F_NESTED : 0), enc.nestedBody(header, set, obj, path));
    }

    /** {@code "$nested": true}: the sub-message is sent with NLA_F_NESTED (off unless it says so, as before). */
    private static boolean nestedFlag(ObjectNode obj, String path) throws ValueException {
        JsonNode n = obj.get(Encoding.NESTED);
        if (n != null && !n.isBoolean()) {
            throw JsonValues.wrongType(JsonValues.join(path, Encoding.NESTED), "NLA_F_NESTED", "true or false", n);
        }
        return n != null && n.booleanValue();
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        SubMessageSpec sm = f.family().subMessages().get(f.spec().subMessage());
        SubMessageSpec.Format fmt = sm == null || n.value() == null ? null
                : sm.formats().get(n.value().toString().replaceAll(" \\(.*", ""));
        if (fmt == null && sm != null && n.display() != null) {
            // a decoded sub-message's display starts with its format's name
            fmt = sm.formats().get(n.display().split(" ")[0]);
        }
        if (fmt == null) {
            throw new ValueException(path, "sub-message format not decoded");
        }
        ObjectNode o = Describing.JSON.objectNode();
        StructDef h = fmt.fixedHeader() == null ? null : f.family().structs().get(fmt.fixedHeader());
        AttrSetSpec set = fmt.attributeSet() == null ? null : f.family().attributeSets().get(fmt.attributeSet());
        if ((((Number) n.child("nla_type").value()).intValue() & Netlink.NLA_F_NESTED) != 0) {
            o.put(Encoding.NESTED, true);
        }
        d.body(o, h, set, Describing.payloadNodes(n), path);
        return o;
    }

    @Override
    public EditorHint editorHint(Field f) {
        AttrSpec a = f.spec();
        return EditorHint.of(EditorKind.SUB_MESSAGE, a.type())
                .withSubMessage(a.selector(), f.family().subMessages().get(a.subMessage())).withMulti(a.multiAttr());
    }
}
