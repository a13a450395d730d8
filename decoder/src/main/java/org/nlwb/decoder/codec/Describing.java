package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.StructDef;

/**
 * One description of a decoded body back into JSON, through a family's codecs: the fixed header
 * node's members, then each attribute node by its type's codec. Notes whether the nests carried
 * NLA_F_NESTED (all must agree). Refuses, naming the node, what a description cannot say:
 * unknown, malformed or trailing parts, NLA_F_NET_BYTEORDER, NLA_F_NESTED on a value, a
 * single-valued attribute given twice. Non-zero padding after an attribute is kept in its value
 * ({@code {"$value": v, "$pad": "hex"}}). A sub-message's NLA_F_NESTED is its own ({@code "$nested": true}). Not thread-safe (one per description).
 */
public final class Describing {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final FamilyCodecs codecs;
    private Boolean nested;

    public Describing(FamilyCodecs codecs) {
        this.codecs = codecs;
    }

    FamilyCodecs codecs() {
        return codecs;
    }

    /** Whether the nests carried NLA_F_NESTED (true when there were none: YNL's habit). */
    public boolean nestedFlag() {
        return nested == null || nested;
    }

    /** A fixed header node (if the format has one) and attribute nodes into {@code out}. */
    public void body(ObjectNode out, StructDef header, AttrSetSpec set, List<Node> nodes, String path) throws ValueException {
        AttrSpec last = null;
        for (Node n : nodes) {
            if (n.status() == Status.PADDING) {
                if (n.note() != null && n.note().contains("not zero")) {
                    padding(out, last, n, path);
                }
                continue;
            }
            last = null;
            if (n.status() == Status.MALFORMED || n.status() == Status.UNKNOWN || n.status() == Status.TRAILING) {
                throw new ValueException(JsonValues.join(path, n.name()), n.status().name().toLowerCase()
                        + (n.note() != null ? ": " + n.note() : ""));
            }
            if (header != null && n.type() == null && n.name().equals(StructDef.cName(n.name()))
                    && n.name().equals(StructDef.cName(header.name()))) {
                if (n.length() > header.size()) {
                    throw new ValueException(n.name(), "struct " + header.name() + " is " + n.length() + " bytes, sizeof is "
                            + header.size());
                }
                ObjectNode members = JSON.objectNode();
                codecs.structs().describe(members, header, n, path);
                headerMembers(out, header, set, members);
                continue;
            }
            if (n.type() == null || set == null) {
                throw new ValueException(JsonValues.join(path, n.name()), "not an attribute of the spec");
            }
            last = attribute(out, set, n, path);
        }
    }

    /**
     * The fixed header's members into {@code out}, beside the attributes; a member named as an
     * attribute of {@code set} is (netem's {@code loss}), and the {@code $size} of a shorter header,
     * go into an object named for the struct.
     */
    private static void headerMembers(ObjectNode out, StructDef header, AttrSetSpec set, ObjectNode members) {
        for (var it = members.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(StructCodec.SIZE) || set != null && set.byName(e.getKey()) != null) {
                JsonNode own = out.get(header.name());
                (own instanceof ObjectNode o ? o : out.putObject(header.name())).set(e.getKey(), e.getValue());
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Non-zero padding after attribute {@code a} (ethtool 6.1 leaves it uninitialised): its value,
     * the last one of a multi-attr array, becomes {@code {"$value": v, "$pad": "hex"}}.
     */
    private static void padding(ObjectNode out, AttrSpec a, Node pad, String path) throws ValueException {
        int at = pad.note().lastIndexOf(": ");
        if (a == null || at < 0) {
            throw new ValueException(path, "padding bytes are not zero");
        }
        String hex = pad.note().substring(at + 2).strip();
        if (a.multiAttr() && out.get(a.name()) instanceof ArrayNode arr) {
            arr.set(arr.size() - 1, padded(arr.get(arr.size() - 1), hex));
        } else {
            out.set(a.name(), padded(out.get(a.name()), hex));
        }
    }

    private static JsonNode padded(JsonNode v, String hex) {
        ObjectNode o = JSON.objectNode();
        o.set(Encoding.VALUE, v);
        return o.put(Encoding.PAD, hex);
    }

    /** Describes attribute node {@code n} into {@code out}; its spec. */
    private AttrSpec attribute(ObjectNode out, AttrSetSpec set, Node n, String path) throws ValueException {
        AttrSpec a = set.byValue(n.type());
        String p = JsonValues.join(path, a == null ? n.name() : a.name());
        if (a == null) {
            throw new ValueException(p, "attribute " + n.type() + " is not in " + set.name());
        }
        JsonNode v = value(new Field(codecs, set, a), n, p);
        if (a.multiAttr()) {
            JsonNode have = out.get(a.name());
            ArrayNode arr = have instanceof ArrayNode x ? x : out.putArray(a.name());
            arr.add(v);
        } else {
            if (out.has(a.name())) {
                throw new ValueException(p, "appears twice but is not multi-attr");
            }
            out.set(a.name(), v);
        }
        return a;
    }

    /** The JSON value of attribute node {@code n}: its nla_type flags checked, then its type's codec. */
    JsonNode value(Field f, Node n, String path) throws ValueException {
        int rawType = ((Number) n.child("nla_type").value()).intValue();
        if ((rawType & Netlink.NLA_F_NET_BYTEORDER) != 0) {
            throw new ValueException(path, "NLA_F_NET_BYTEORDER is set");
        }
        boolean hasNested = (rawType & Netlink.NLA_F_NESTED) != 0;
        if (f.spec().type().isNestLike()) {
            noteNested(hasNested, path);
        } else if (hasNested && f.spec().type() != AttrType.SUB_MESSAGE) {
            // a sub-message says its own NLA_F_NESTED ($nested): iproute2 and tc set it there and on no nest
            throw new ValueException(path, "NLA_F_NESTED on a " + f.spec().type());
        }
        return f.codec().describe(f, n, this, path);
    }

    private void noteNested(boolean has, String path) throws ValueException {
        if (nested == null) {
            nested = has;
        } else if (nested != has) {
            throw new ValueException(path, "some nests carry NLA_F_NESTED and some do not");
        }
    }

    /** What decoding an attribute made, after its nla_len and nla_type. */
    static List<Node> payloadNodes(Node attribute) {
        return attribute.children().subList(2, attribute.children().size());
    }

    /** A decoded value as JSON: numbers, text, booleans; a problem when nothing was decoded. */
    static JsonNode scalar(Object v, String path) throws ValueException {
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return JSON.numberNode(b);
        }
        if (v instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        throw new ValueException(path, "no value decoded");
    }
}
