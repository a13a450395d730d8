package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * One encoding of a JSON description into attributes, through a family's codecs: a body (fixed
 * header members and attributes from one object), each attribute by its type's codec. Holds
 * what the run needs besides the values: whether nests carry NLA_F_NESTED, and the JSON objects
 * enclosing the one being written (a sub-message finds its selector there, the nearest first).
 * Attributes are written in the JSON object's order; fixed header members may also be given in
 * an object named for the struct ({@code "tc-netem-qopt": {"loss": 1}}), which a member named as
 * an attribute needs. Not thread-safe (one per encoding).
 */
public final class Encoding {
    /** The key of a raw-bytes value, {@code {"$hex": "..."}}, which any attribute takes. */
    public static final String RAW = "$hex";
    /** The key of a sub-message object sent with NLA_F_NESTED, {@code "$nested": true}. */
    public static final String NESTED = "$nested";
    /** The keys of a value whose attribute's padding is not zero, {@code {"$value": v, "$pad": "a5a5"}}. */
    public static final String VALUE = "$value";
    public static final String PAD = "$pad";

    private final FamilyCodecs codecs;
    private final boolean nestedFlag;
    private final Deque<ObjectNode> scopes = new ArrayDeque<>();

    /** @param nestedFlag whether nests carry NLA_F_NESTED (YNL sets it, iproute2 does not) */
    public Encoding(FamilyCodecs codecs, boolean nestedFlag) {
        this(codecs, nestedFlag, List.of());
    }

    /** @param enclosing objects already around what is encoded, innermost first */
    Encoding(FamilyCodecs codecs, boolean nestedFlag, List<ObjectNode> enclosing) {
        this.codecs = codecs;
        this.nestedFlag = nestedFlag;
        enclosing.forEach(scopes::addLast);
    }

    FamilyCodecs codecs() {
        return codecs;
    }

    /**
     * A message body: the members of {@code header} (if any; missing ones zero) and the attributes
     * of {@code set} from {@code values}, written to {@code out}, the header padded to 4 bytes.
     */
    public void message(MessageWriter out, StructDef header, AttrSetSpec set, ObjectNode values) throws ValueException {
        scopes.push(values);
        try {
            body(out, header, set, values, "");
        } finally {
            scopes.pop();
        }
    }

    /** The bytes of a nested body from {@code obj}, which encloses what is inside while it is written. */
    byte[] nestedBody(StructDef header, AttrSetSpec set, ObjectNode obj, String path) throws ValueException {
        MessageWriter w = MessageWriter.payload();
        scopes.push(obj);
        try {
            body(w, header, set, obj, path);
        } finally {
            scopes.pop();
        }
        return w.toByteArray();
    }

    /** A fixed header (members from {@code obj}) then the attributes of {@code set} from the rest of {@code obj}. */
    private void body(MessageWriter out, StructDef header, AttrSetSpec set, ObjectNode obj, String path)
            throws ValueException {
        List<Map.Entry<String, JsonNode>> attrs = new ArrayList<>();
        ObjectNode headerValues = obj.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AttrSpec a = set == null ? null : attr(set, e.getKey());
            StructDef.Member m = header == null ? null : StructCodec.member(header, e.getKey());
            if (a != null) {
                attrs.add(e);
            } else if (m != null) {
                headerValues.set(m.name(), e.getValue());
            } else if (header != null && e.getKey().equals(header.name()) && e.getValue().isObject()) {
                // members named as attributes are (netem's loss) are given in an object named for the struct
                headerValues.setAll((ObjectNode) e.getValue());
            } else {
                throw unknownKey(header, set, e.getKey(), path);
            }
        }
        if (header != null) {
            out.bytes(codecs.structs().encode(header, headerValues, path));
            out.align();
        }
        for (Map.Entry<String, JsonNode> e : attrs) {
            attribute(out, new Field(codecs, set, attr(set, e.getKey())), e.getValue(), JsonValues.join(path, e.getKey()));
        }
    }

    private static ValueException unknownKey(StructDef header, AttrSetSpec set, String key, String path) {
        List<String> known = new ArrayList<>();
        if (set != null) {
            set.attributes().forEach(x -> known.add(x.name()));
        }
        if (header != null) {
            header.members().forEach(m -> known.add(m.name()));
        }
        String where = set != null ? set.name() + (header != null ? " or struct " + header.name() : "")
                : header != null ? "struct " + header.name() : "this message (it takes no attributes)";
        return new ValueException(JsonValues.join(path, key), "unknown attribute '" + key + "' in " + where
                + Suggestions.suggestion(key, known));
    }

    /** The attribute {@code key} names: its spec name, or its kernel constant in any case. */
    private static AttrSpec attr(AttrSetSpec set, String key) {
        AttrSpec a = set.byName(key);
        if (a == null) {
            for (AttrSpec x : set.attributes()) {
                if (x.kernelName() != null && x.kernelName().equalsIgnoreCase(key)) {
                    return x;
                }
            }
        }
        return a;
    }

    /** One attribute, or each value of a multi-attr one given as an array. */
    void attribute(MessageWriter out, Field f, JsonNode v, String path) throws ValueException {
        if (v.isArray() && f.spec().multiAttr()) {
            int i = 0;
            for (JsonNode item : v) {
                single(out, f, item, path + "[" + i++ + "]");
            }
            return;
        }
        single(out, f, v, path);
    }

    /** One value: raw bytes, or what the type's codec makes of it. */
    void single(MessageWriter out, Field f, JsonNode v, String path) throws ValueException {
        AttrSpec a = f.spec();
        if (v.isObject() && v.has(PAD)) {
            padded(out, f, v, path);
            return;
        }
        if (v.isObject() && v.has(RAW) && v.size() == 1) {
            attr(out, a.value(), JsonValues.hex(v.get(RAW), path + "." + RAW));
            return;
        }
        TypeCodec codec = f.codec();
        if (v.isArray() && !codec.takesArray(a)) {
            throw new ValueException(path, a.name() + " in " + f.owner().name() + " is not multi-attr: give one "
                    + a.type() + " value, not an array");
        }
        codec.encode(f, v, this, out, path);
    }

    /**
     * {@code {"$value": v, "$pad": "hex"}}: the attribute {@code v} describes, its padding bytes those
     * given (as many as NLA_ALIGN adds; a clean value has no {@code $pad} and zero padding).
     */
    private void padded(MessageWriter out, Field f, JsonNode v, String path) throws ValueException {
        JsonNode value = JsonValues.member(v, VALUE, path, "an attribute with " + PAD);
        byte[] pad = JsonValues.hex(v.get(PAD), path + "." + PAD);
        MessageWriter w = MessageWriter.payload();
        single(w, f, value, path);
        byte[] b = w.toByteArray();
        int len = b.length < 4 ? 0 : (b[0] & 0xff) | (b[1] & 0xff) << 8;
        if (b.length != ((len + 3) & ~3) || b.length - len != pad.length) {
            throw new ValueException(path + "." + PAD, pad.length + " padding bytes given, the attribute has "
                    + Math.max(0, b.length - len));
        }
        System.arraycopy(pad, 0, b, len, pad.length);
        out.bytes(b);
    }

    /** The attribute set {@code name} a nest names; a problem when the spec has none. */
    AttrSetSpec set(String name, String path) throws ValueException {
        AttrSetSpec s = name == null ? null : codecs.family().attributeSets().get(name);
        if (s == null) {
            throw new ValueException(path, "the spec names no attribute set '" + name + "' for this nest");
        }
        return s;
    }

    /** {@code type} as a nest's nla_type: with NLA_F_NESTED when this encoding sets it. */
    int nestType(int type) {
        return type | (nestedFlag ? Netlink.NLA_F_NESTED : 0);
    }

    /** The text of {@code key} in the nearest enclosing object that has it ({@code {"value": v}} gives v), or null. */
    String enclosingValue(String key) {
        for (ObjectNode scope : scopes) {
            JsonNode s = scope.get(key);
            if (s != null) {
                return s.isObject() && s.has("value") ? s.get("value").asText() : s.asText();
            }
        }
        return null;
    }

    /** One nlattr; nla_len is 16 bits, so a larger payload is a problem. */
    void attr(MessageWriter out, int type, byte[] payload) throws ValueException {
        if (payload.length + 4 > 0xffff) {
            throw new ValueException("", "attribute of type " + (type & Netlink.NLA_TYPE_MASK) + " is " + (payload.length + 4)
                    + " bytes; nla_len is 16 bits");
        }
        out.attr(type, payload);
    }
}
