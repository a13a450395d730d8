package org.nlwb.decoder.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.spec.AttrSetSpec;
import org.nlwb.decoder.spec.AttrSpec;
import org.nlwb.decoder.spec.Family;
import org.nlwb.decoder.spec.OpMatch;
import org.nlwb.decoder.spec.OpSpec;
import org.nlwb.decoder.spec.StructDef;
import org.nlwb.decoder.spec.SubMessageSpec;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Turns a decoded request (a message to the kernel that a spec family decoded) back into the
 * {@link Request} that {@link MessageEncoder} would build it from: operation, flags by name,
 * fixed header members and attributes by spec name. Carried over as they were, not derived:
 * nlmsg_seq, nlmsg_pid, the genlmsghdr version and whether nests had NLA_F_NESTED (iproute2
 * leaves it off, YNL sets it). Fixed header members that are zero are left out (the encoder
 * zero-fills), so a description reads like what a person would write.
 *
 * <p>Refuses (with the reason) what a description cannot say: unknown or malformed parts,
 * strings with bytes after their NUL, a {@code uint} sent wider than it needs, a struct shorter
 * than its {@code sizeof}, nests that disagree about NLA_F_NESTED.
 */
public final class RequestDescriber {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Family f;
    private Boolean nested;

    private RequestDescriber(Family f) {
        this.f = f;
    }

    /** The description of {@code m}, a request decoded by family {@code f}'s spec. */
    public static Request describe(Family f, DecodedMessage m) throws EncodeException {
        return describe(f, m.tree());
    }

    /**
     * The description of a decoded request's tree (also one read back from {@code decode --json},
     * see {@link JsonTrees}): the tree alone says enough, lengths and values of its leaves.
     */
    public static Request describe(Family f, Node tree) throws EncodeException {
        return new RequestDescriber(f).describeTree(tree);
    }

    private Request describeTree(Node root) throws EncodeException {
        Node h = root.child("nlmsghdr");
        if (h == null) {
            throw new EncodeException("", "no nlmsghdr");
        }
        int type = ((Number) h.child("nlmsg_type").value()).intValue();
        int flags = ((Number) h.child("nlmsg_flags").value()).intValue();
        long seq = ((Number) h.child("nlmsg_seq").value()).longValue();
        long pid = ((Number) h.child("nlmsg_pid").value()).longValue();
        if ((flags & NlFlags.REQUEST) == 0) {
            throw new EncodeException("flags", "NLM_F_REQUEST is not set");
        }
        int id = type;
        int version = 1;
        Node genl = root.child("genlmsghdr");
        if (f.schema().isGeneric()) {
            if (genl == null) {
                throw new EncodeException("", "generic netlink message without a genlmsghdr");
            }
            id = ((Number) genl.child("cmd").value()).intValue();
            version = ((Number) genl.child("version").value()).intValue();
            if (((Number) genl.child("reserved").value()).intValue() != 0) {
                throw new EncodeException("genlmsghdr", "reserved is not zero");
            }
        }
        OpMatch match = OpMatch.find(f, id, Direction.TO_KERNEL, flags, seq);
        if (match == null) {
            throw new EncodeException("", f.name() + " has no request with id " + id);
        }
        OpSpec op = match.op();
        boolean dump = (flags & NlFlags.DUMP) == NlFlags.DUMP;
        boolean ack = (flags & NlFlags.ACK) != 0;
        int extra = flags & ~(NlFlags.REQUEST | NlFlags.ACK | (dump ? NlFlags.DUMP : 0));
        List<String> names = new ArrayList<>();
        if (extra != 0) {
            FlagKind kind = NlFlags.kindOfName(op.toKernelName());
            names.addAll(Arrays.asList(NlFlags.describe(extra, kind).split("\\|")));
        }
        ObjectNode values = JSON.objectNode();
        StructDef header = op.fixedHeader() == null ? null : f.structs().get(op.fixedHeader());
        AttrSetSpec set = op.attributeSet() == null ? null : f.attributeSets().get(op.attributeSet());
        List<Node> body = new ArrayList<>();
        for (Node c : root.children()) {
            if (c != h && c != genl) {
                body.add(c);
            }
        }
        body(values, header, set, body, "");
        return new Request(f.name(), op.name(), dump, ack, names, values, seq, pid, version, nested == null || nested);
    }

    /** A fixed header node (if the format has one) and attribute nodes into {@code out}. */
    private void body(ObjectNode out, StructDef header, AttrSetSpec set, List<Node> nodes, String path) throws EncodeException {
        for (Node n : nodes) {
            if (n.status() == Status.PADDING) {
                if (n.note() != null && n.note().contains("not zero")) {
                    throw new EncodeException(path, "padding bytes are not zero");
                }
                continue;
            }
            if (n.status() == Status.MALFORMED || n.status() == Status.UNKNOWN || n.status() == Status.TRAILING) {
                throw new EncodeException(MessageEncoder.join(path, n.name()), n.status().name().toLowerCase()
                        + (n.note() != null ? ": " + n.note() : ""));
            }
            if (header != null && n.type() == null && n.name().equals(n.name().replace('-', '_'))
                    && n.name().equals(header.name().replace('-', '_'))) {
                if (n.length() != header.size()) {
                    throw new EncodeException(n.name(), "struct " + header.name() + " is " + n.length() + " bytes, sizeof is "
                            + header.size());
                }
                struct(out, header, n, path);
                continue;
            }
            if (n.type() == null || set == null) {
                throw new EncodeException(MessageEncoder.join(path, n.name()), "not an attribute of the spec");
            }
            attribute(out, set, n, path);
        }
    }

    private void struct(ObjectNode out, StructDef s, Node node, String path) throws EncodeException {
        for (StructDef.Member m : s.members()) {
            if (m.type().equals("pad") || m.size() == 0) {
                continue;
            }
            Node c = node.child(m.name().replace('-', '_'));
            if (c == null) {
                throw new EncodeException(MessageEncoder.join(path, m.name()), "member missing from the decoded struct");
            }
            if (c.status() != Status.OK) {
                throw new EncodeException(MessageEncoder.join(path, m.name()), c.status().name().toLowerCase());
            }
            if (m.struct() != null && f.structs().containsKey(m.struct())) {
                ObjectNode inner = JSON.objectNode();
                struct(inner, f.structs().get(m.struct()), c, MessageEncoder.join(path, m.name()));
                out.set(m.name(), inner);
            } else if (!isZero(c.value(), m)) {
                // zero members are left out: the encoder zero-fills what is not given, as YNL does
                out.set(m.name(), scalar(c.value(), MessageEncoder.join(path, m.name())));
            }
        }
        for (Node c : node.children()) {
            if (c.status() == Status.PADDING && c.note() != null && c.note().contains("not zero")) {
                throw new EncodeException(path, "struct " + s.name() + " has non-zero padding");
            }
        }
    }

    private void attribute(ObjectNode out, AttrSetSpec set, Node n, String path) throws EncodeException {
        AttrSpec a = set.byValue(n.type());
        String p = MessageEncoder.join(path, a == null ? n.name() : a.name());
        if (a == null) {
            throw new EncodeException(p, "attribute " + n.type() + " is not in " + set.name());
        }
        JsonNode v = value(a, n, p);
        if (a.multiAttr()) {
            JsonNode have = out.get(a.name());
            ArrayNode arr = have instanceof ArrayNode x ? x : out.putArray(a.name());
            arr.add(v);
        } else {
            if (out.has(a.name())) {
                throw new EncodeException(p, "appears twice but is not multi-attr");
            }
            out.set(a.name(), v);
        }
    }

    private JsonNode value(AttrSpec a, Node n, String path) throws EncodeException {
        int rawType = ((Number) n.child("nla_type").value()).intValue();
        if ((rawType & org.nlwb.decoder.message.Netlink.NLA_F_NET_BYTEORDER) != 0) {
            throw new EncodeException(path, "NLA_F_NET_BYTEORDER is set");
        }
        boolean hasNested = (rawType & org.nlwb.decoder.message.Netlink.NLA_F_NESTED) != 0;
        int payloadLength = n.length() - 4;
        List<Node> kids = n.children().subList(2, n.children().size());
        switch (a.type()) {
            case "nest", "indexed-array", "nest-type-value" -> noteNested(hasNested, path);
            default -> {
                if (hasNested) {
                    throw new EncodeException(path, "NLA_F_NESTED on a " + a.type());
                }
            }
        }
        switch (a.type()) {
            case "flag" -> {
                return JSON.booleanNode(true);
            }
            case "string" -> {
                String s = (String) n.value();
                int textLength = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (s.indexOf('\uFFFD') >= 0) {
                    throw new EncodeException(path, "string is not valid UTF-8");
                }
                if (payloadLength == textLength) {
                    ObjectNode o = JSON.objectNode();
                    o.put("value", s);
                    o.put("nul", false);
                    return o;
                }
                if (payloadLength != textLength + 1) {
                    throw new EncodeException(path, "bytes after the string's NUL");
                }
                return JSON.textNode(s);
            }
            case "nest" -> {
                ObjectNode o = JSON.objectNode();
                body(o, null, f.attributeSets().get(a.nested()), kids, path);
                return o;
            }
            case "indexed-array" -> {
                ArrayNode arr = JSON.arrayNode();
                int i = 0;
                for (Node item : kids) {
                    if (item.status() == Status.PADDING) {
                        continue;
                    }
                    if (item.type() == null || item.type() != i) {
                        throw new EncodeException(path, "indexed-array items are not numbered 0, 1, 2 ...");
                    }
                    AttrSpec itemSpec = new AttrSpec(a.name(), item.name(), i, a.subType() == null ? "nest" : a.subType(),
                            a.bigEndian(), false, a.nested(), a.enumName(), a.asFlags(), a.displayHint(), a.struct(), null,
                            null, null, List.of(), null);
                    arr.add(value(itemSpec, item, path + "[" + i + "]"));
                    i++;
                }
                return arr;
            }
            case "sub-message" -> {
                SubMessageSpec sm = f.subMessages().get(a.subMessage());
                SubMessageSpec.Format fmt = sm == null || n.value() == null ? null
                        : sm.formats().get(n.value().toString().replaceAll(" \\(.*", ""));
                if (fmt == null) {
                    fmt = formatOf(sm, n);
                }
                if (fmt == null) {
                    throw new EncodeException(path, "sub-message format not decoded");
                }
                ObjectNode o = JSON.objectNode();
                StructDef h = fmt.fixedHeader() == null ? null : f.structs().get(fmt.fixedHeader());
                body(o, h, fmt.attributeSet() == null ? null : f.attributeSets().get(fmt.attributeSet()), kids, path);
                return o;
            }
            case "bitfield32" -> {
                ObjectNode o = JSON.objectNode();
                o.set("value", scalar(kids.get(0).value(), path));
                o.set("selector", scalar(kids.get(1).value(), path));
                return o;
            }
            case "binary" -> {
                if (a.struct() != null && f.structs().containsKey(a.struct())) {
                    StructDef s = f.structs().get(a.struct());
                    if (payloadLength != s.size()) {
                        throw new EncodeException(path, "struct " + s.name() + " sent as " + payloadLength
                                + " bytes, sizeof is " + s.size());
                    }
                    ObjectNode o = JSON.objectNode();
                    Node holder = new Node(s.name(), null, n.offset() + 4, payloadLength, null, null, Status.OK, null, kids);
                    struct(o, s, holder, path);
                    return o;
                }
                if (a.subType() != null && MessageEncoder.isInteger(a.subType())) {
                    ArrayNode arr = JSON.arrayNode();
                    for (Node item : kids) {
                        arr.add(scalar(item.value(), path));
                    }
                    return arr;
                }
                return scalar(n.value(), path);
            }
            default -> {
                long v = n.value() instanceof Number x ? x.longValue() : 0;
                if (a.type().equals("uint") && payloadLength == 8 && (v & 0xffffffff00000000L) == 0) {
                    throw new EncodeException(path, "uint sent as 8 bytes though it fits in 4");
                }
                if (a.type().equals("sint") && payloadLength == 8 && v == (int) v) {
                    throw new EncodeException(path, "sint sent as 8 bytes though it fits in 4");
                }
                return scalar(n.value(), path);
            }
        }
    }

    /** The format a decoded sub-message used: the one whose fixed header or attribute set its children name. */
    private SubMessageSpec.Format formatOf(SubMessageSpec sm, Node n) {
        if (sm == null || n.display() == null) {
            return null;
        }
        String sel = n.display().split(" ")[0];
        return sm.formats().get(sel);
    }

    private void noteNested(boolean has, String path) throws EncodeException {
        if (nested == null) {
            nested = has;
        } else if (nested != has) {
            throw new EncodeException(path, "some nests carry NLA_F_NESTED and some do not");
        }
    }

    private static JsonNode scalar(Object v, String path) throws EncodeException {
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
        throw new EncodeException(path, "no value decoded");
    }

    private static boolean isZero(Object v, StructDef.Member m) {
        if (v instanceof BigInteger b) {
            return b.signum() == 0;
        }
        if (v instanceof Number n) {
            return n.longValue() == 0;
        }
        if (m.type().equals("string")) {
            return "".equals(v);
        }
        // binary members: hex digits, all zero
        return v instanceof String s && m.displayHint() == null && s.chars().allMatch(ch -> ch == '0');
    }

}
