package org.nlwb.decoder.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.spec.AttrSetSpec;
import org.nlwb.decoder.spec.AttrSpec;
import org.nlwb.decoder.spec.EnumDef;
import org.nlwb.decoder.spec.Family;
import org.nlwb.decoder.spec.OpSpec;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.StructDef;
import org.nlwb.decoder.spec.SubMessageSpec;

/**
 * Builds the bytes of a netlink request from a {@link Request}, through the family's YNL spec, as
 * the kernel's YNL library does:
 *
 * <pre>
 *  | nlmsghdr 16 | genlmsghdr 4 (generic netlink: cmd, version, 0) | fixed header, NLMSG_ALIGNed | attributes ... |
 *  nlmsg_type: the operation's request id (netlink-raw) or the family id (generic netlink, asked at send time)
 * </pre>
 *
 * Values follow the spec's types: integers (enum and flag names accepted, range-checked for the
 * type), {@code flag} (true), {@code string} (sent NUL-terminated; {@code {"value": s, "nul": false}}
 * sends it without), {@code binary} as hex or by display hint (ipv4, ipv6, mac, uuid) or as a
 * struct object, nests as objects, multi-attr as arrays, sub-messages by their selector's value
 * (looked up in this and the enclosing objects). Any attribute may instead be given raw bytes as
 * {@code {"$hex": "..."}} (for crafting what the kernel must refuse). Attributes are written in
 * the JSON object's order; the fixed header's members may be given in the same object (as the
 * YNL CLI takes them), missing members are zero.
 *
 * <p>Never sends anything; stateless and thread-safe. Errors are {@link EncodeException}s naming
 * the field.
 */
public final class MessageEncoder {
    public static final int NLA_F_NESTED = 0x8000;
    public static final int GENL_ID_CTRL = 0x10;
    private static final String RAW = "$hex";
    private static final Map<String, Integer> FLAG_NAMES = Map.ofEntries(
            Map.entry("REQUEST", NlFlags.REQUEST), Map.entry("MULTI", NlFlags.MULTI), Map.entry("ACK", NlFlags.ACK),
            Map.entry("ECHO", NlFlags.ECHO), Map.entry("ROOT", NlFlags.ROOT), Map.entry("MATCH", NlFlags.MATCH),
            Map.entry("ATOMIC", NlFlags.ATOMIC), Map.entry("DUMP", NlFlags.DUMP), Map.entry("REPLACE", NlFlags.REPLACE),
            Map.entry("EXCL", NlFlags.EXCL), Map.entry("CREATE", NlFlags.CREATE), Map.entry("APPEND", NlFlags.APPEND),
            Map.entry("NONREC", NlFlags.NONREC), Map.entry("BULK", NlFlags.BULK));

    /** The bytes and what they were built from. */
    public record Encoded(byte[] bytes, Family family, OpSpec op, int flags) {
    }

    private final SpecCatalog catalog;

    public MessageEncoder(SpecCatalog catalog) {
        this.catalog = java.util.Objects.requireNonNull(catalog, "catalog");
    }

    /** The family named {@code name}; the error lists the known ones (and the closest). */
    public Family family(String name) throws EncodeException {
        var f = catalog.family(name);
        if (f.isPresent()) {
            return f.get();
        }
        List<String> known = catalog.entries().stream().map(e -> e.family().name()).toList();
        long broken = catalog.problems().stream().map(p -> p.file()).distinct().count();
        throw new EncodeException("family", "no spec for family '" + name + "'" + Names.suggestion(name, known)
                + "; known: " + Names.list(known) + (broken == 0 ? "" : " (" + broken + " spec file"
                + (broken == 1 ? " was" : "s were") + " skipped for errors: nlwb spec check shows them)"));
    }

    /**
     * The operation {@code name} of {@code f}. Whether it has the do or dump form is left to the
     * kernel: specs often leave out a form the kernel has (nlctrl's getfamily dump).
     */
    public OpSpec operation(Family f, String name, boolean dump) throws EncodeException {
        List<String> names = new ArrayList<>();
        for (OpSpec op : f.operations()) {
            if (op.requestId() != null) {
                names.add(op.name());
            }
            if (op.name().equals(name)) {
                if (op.requestId() == null) {
                    throw new EncodeException("op", "operation '" + name + "' of " + f.name()
                            + " is a notification; the kernel sends it, it cannot be sent");
                }
                return op;
            }
        }
        throw new EncodeException("op", "family " + f.name() + " has no operation '" + name + "'"
                + Names.suggestion(name, names) + "; it has: " + Names.list(names));
    }

    /** nlmsg_flags of a request: REQUEST, ACK unless turned off, DUMP for dumps, and the named extras. */
    public static int flags(Request r) throws EncodeException {
        int flags = NlFlags.REQUEST | (r.ack() ? NlFlags.ACK : 0) | (r.dump() ? NlFlags.DUMP : 0);
        for (String n : r.flags()) {
            String t = n.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    flags |= Integer.parseInt(t.substring(2), 16);
                    continue;
                }
                if (Character.isDigit(t.charAt(0))) {
                    flags |= Integer.parseInt(t);
                    continue;
                }
            } catch (NumberFormatException e) {
                throw new EncodeException("flags", "'" + t + "' is not a number");
            }
            String key = t.toUpperCase(Locale.ROOT);
            if (key.startsWith("NLM_F_")) {
                key = key.substring(6);
            }
            Integer bit = FLAG_NAMES.get(key);
            if (bit == null) {
                throw new EncodeException("flags", "unknown flag '" + t + "'" + Names.suggestion(key, FLAG_NAMES.keySet())
                        + "; known: " + String.join(", ", new java.util.TreeSet<>(FLAG_NAMES.keySet())));
            }
            flags |= bit;
        }
        if (flags > 0xffff) {
            throw new EncodeException("flags", "nlmsg_flags is 16 bits, 0x" + Integer.toHexString(flags) + " is not");
        }
        return flags;
    }

    /**
     * Encodes {@code r}.
     *
     * @param genlId the id the kernel gave a generic netlink family (by family name); asked only
     *               for generic netlink families other than nlctrl, whose id is fixed
     */
    public Encoded encode(Request r, ToIntFunction<String> genlId) throws EncodeException {
        Family f = family(r.family());
        OpSpec op = operation(f, r.op(), r.dump());
        if (!r.values().isObject()) {
            throw new EncodeException("json", "expects a JSON object of attributes, got " + kind(r.values()));
        }
        int flags = flags(r);
        boolean genl = f.schema().isGeneric();
        int type = genl ? (f.name().equals("nlctrl") ? GENL_ID_CTRL : genlId.applyAsInt(f.name())) : op.requestId();
        Out out = new Out();
        out.u32(0).u16(type).u16(flags).u32(r.seq()).u32(r.pid());
        if (genl) {
            if (r.genlVersion() < 0 || r.genlVersion() > 255) {
                throw new EncodeException("version", r.genlVersion() + " is out of range for the genlmsghdr's u8 version");
            }
            out.u8(op.requestId()).u8(r.genlVersion()).u16(0);
        }
        Ctx ctx = new Ctx(f, r.nestedFlag());
        ObjectNode values = (ObjectNode) r.values();
        StructDef header = op.fixedHeader() == null ? null : f.structs().get(op.fixedHeader());
        AttrSetSpec set = op.attributeSet() == null ? null : f.attributeSets().get(op.attributeSet());
        Deque<ObjectNode> scopes = new ArrayDeque<>();
        scopes.push(values);
        ctx.body(out, header, set, values, scopes, "");
        byte[] b = out.toByteArray();
        int len = b.length;
        b[0] = (byte) len;
        b[1] = (byte) (len >>> 8);
        b[2] = (byte) (len >>> 16);
        b[3] = (byte) (len >>> 24);
        return new Encoded(b, f, op, flags);
    }

    // ---------------------------------------------------------------- the family-bound work

    private static final class Ctx {
        private final Family f;
        private final boolean nestedFlag;

        Ctx(Family f, boolean nestedFlag) {
            this.f = f;
            this.nestedFlag = nestedFlag;
        }

        /** A fixed header (members from {@code obj}) then the attributes of {@code set} from the rest of {@code obj}. */
        void body(Out out, StructDef header, AttrSetSpec set, ObjectNode obj, Deque<ObjectNode> scopes, String path)
                throws EncodeException {
            Set<String> members = new LinkedHashSet<>();
            if (header != null) {
                header.members().forEach(m -> members.add(m.name()));
            }
            List<Map.Entry<String, JsonNode>> attrs = new ArrayList<>();
            ObjectNode headerValues = obj.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                AttrSpec a = set == null ? null : attr(set, e.getKey());
                if (a != null) {
                    attrs.add(e);
                } else if (header != null && member(header, e.getKey()) != null) {
                    headerValues.set(member(header, e.getKey()).name(), e.getValue());
                } else {
                    List<String> known = new ArrayList<>();
                    if (set != null) {
                        set.attributes().forEach(x -> known.add(x.name()));
                    }
                    known.addAll(members);
                    String where = set != null ? set.name() + (header != null ? " or struct " + header.name() : "")
                            : header != null ? "struct " + header.name() : "this message (it takes no attributes)";
                    throw new EncodeException(join(path, e.getKey()), "unknown attribute '" + e.getKey() + "' in " + where
                            + Names.suggestion(e.getKey(), known));
                }
            }
            if (header != null) {
                out.bytes(struct(header, headerValues, path));
                out.align();
            }
            for (Map.Entry<String, JsonNode> e : attrs) {
                attribute(out, set, attr(set, e.getKey()), e.getValue(), scopes, join(path, e.getKey()));
            }
        }

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

        private static StructDef.Member member(StructDef s, String key) {
            for (StructDef.Member m : s.members()) {
                if (m.name().equals(key) || m.name().replace('-', '_').equals(key)) {
                    return m;
                }
            }
            return null;
        }

        // ------------------------------------------------------------ attributes

        void attribute(Out out, AttrSetSpec owner, AttrSpec a, JsonNode v, Deque<ObjectNode> scopes, String path)
                throws EncodeException {
            if (v.isArray() && a.multiAttr()) {
                int i = 0;
                for (JsonNode item : v) {
                    single(out, owner, a, item, scopes, path + "[" + i++ + "]");
                }
                return;
            }
            single(out, owner, a, v, scopes, path);
        }

        private void single(Out out, AttrSetSpec owner, AttrSpec a, JsonNode v, Deque<ObjectNode> scopes, String path)
                throws EncodeException {
            if (v.isObject() && v.has(RAW) && v.size() == 1) {
                out.attr(a.value(), hex(v.get(RAW), path + "." + RAW));
                return;
            }
            if (v.isArray() && !a.type().equals("indexed-array") && !(a.type().equals("binary") && a.subType() != null)) {
                throw new EncodeException(path, a.name() + " in " + owner.name() + " is not multi-attr: give one "
                        + a.type() + " value, not an array");
            }
            String t = a.type();
            switch (t) {
                case "flag" -> {
                    if (!v.isBoolean()) {
                        throw wrongType(path, "flag", "true or false", v);
                    }
                    if (v.booleanValue()) {
                        out.attr(a.value(), new byte[0]);
                    }
                }
                case "string" -> out.attr(a.value(), string(v, path));
                case "binary" -> out.attr(a.value(), binary(a, v, path));
                case "bitfield32" -> out.attr(a.value(), bitfield32(a, v, path));
                case "nest" -> {
                    ObjectNode obj = object(v, path, "nest " + a.nested());
                    AttrSetSpec inner = set(a.nested(), path);
                    Out nest = new Out();
                    scopes.push(obj);
                    try {
                        body(nest, null, inner, obj, scopes, path);
                    } finally {
                        scopes.pop();
                    }
                    out.attr(a.value() | (nestedFlag ? NLA_F_NESTED : 0), nest.toByteArray());
                }
                case "indexed-array" -> out.attr(a.value() | (nestedFlag ? NLA_F_NESTED : 0), indexedArray(a, owner, v, scopes, path));
                case "nest-type-value" -> out.attr(a.value() | (nestedFlag ? NLA_F_NESTED : 0), typeValue(a, v, scopes, path));
                case "sub-message" -> out.attr(a.value(), subMessage(a, v, scopes, path));
                default -> {
                    if (isInteger(t)) {
                        EnumDef names = a.enumName() == null ? null : f.enums().get(a.enumName());
                        long n = integer(t, v, names, a.asFlags(), a.displayHint(), a.bigEndian(), path);
                        int size = size(t, n);
                        out.attr(a.value(), scalar(n, size, a.bigEndian()));
                    } else {
                        throw new EncodeException(path, "attributes of type " + t + " cannot be encoded; give raw bytes as {\""
                                + RAW + "\": \"...\"}");
                    }
                }
            }
        }

        private AttrSetSpec set(String name, String path) throws EncodeException {
            AttrSetSpec s = name == null ? null : f.attributeSets().get(name);
            if (s == null) {
                throw new EncodeException(path, "the spec names no attribute set '" + name + "' for this nest");
            }
            return s;
        }

        private byte[] indexedArray(AttrSpec a, AttrSetSpec owner, JsonNode v, Deque<ObjectNode> scopes, String path)
                throws EncodeException {
            if (!v.isArray()) {
                throw wrongType(path, "indexed-array", "a JSON array", v);
            }
            Out items = new Out();
            String st = a.subType() == null ? "nest" : a.subType();
            int i = 0;
            for (JsonNode item : v) {
                AttrSpec itemSpec = new AttrSpec(a.name(), "[" + i + "]", i, st, a.bigEndian(), false, a.nested(), a.enumName(),
                        a.asFlags(), a.displayHint(), a.struct(), null, null, null, List.of(), null);
                single(items, owner, itemSpec, item, scopes, path + "[" + i + "]");
                i++;
            }
            return items.toByteArray();
        }

        private byte[] typeValue(AttrSpec a, JsonNode v, Deque<ObjectNode> scopes, String path) throws EncodeException {
            ObjectNode obj = object(v, path, "nest-type-value (objects keyed by type number)");
            Out items = new Out();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int type;
                try {
                    type = Integer.parseInt(e.getKey());
                } catch (NumberFormatException x) {
                    throw new EncodeException(join(path, e.getKey()), "nest-type-value items are keyed by their type number");
                }
                ObjectNode inner = object(e.getValue(), join(path, e.getKey()), "nest " + a.nested());
                Out nest = new Out();
                scopes.push(inner);
                try {
                    body(nest, null, set(a.nested(), path), inner, scopes, join(path, e.getKey()));
                } finally {
                    scopes.pop();
                }
                items.attr(type | (nestedFlag ? NLA_F_NESTED : 0), nest.toByteArray());
            }
            return items.toByteArray();
        }

        /** {@code IFLA_INFO_DATA}: the format named by the selector's value in this or an enclosing object. */
        private byte[] subMessage(AttrSpec a, JsonNode v, Deque<ObjectNode> scopes, String path) throws EncodeException {
            SubMessageSpec sm = f.subMessages().get(a.subMessage());
            if (sm == null) {
                throw new EncodeException(path, "the spec has no sub-message " + a.subMessage());
            }
            String selector = null;
            for (ObjectNode scope : scopes) {
                JsonNode s = scope.get(a.selector());
                if (s != null) {
                    selector = s.isObject() && s.has("value") ? s.get("value").asText() : s.asText();
                    break;
                }
            }
            if (selector == null) {
                throw new EncodeException(path, a.name() + " is a sub-message chosen by '" + a.selector()
                        + "': give " + a.selector() + " beside it or in an enclosing object");
            }
            SubMessageSpec.Format fmt = sm.formats().get(selector);
            if (fmt == null) {
                throw new EncodeException(path, "sub-message " + sm.name() + " has no format for " + a.selector() + " = '"
                        + selector + "'" + Names.suggestion(selector, sm.formats().keySet()) + "; it has: "
                        + Names.list(new java.util.TreeSet<>(sm.formats().keySet())));
            }
            ObjectNode obj = object(v, path, "sub-message " + sm.name() + " format " + selector);
            StructDef header = fmt.fixedHeader() == null ? null : f.structs().get(fmt.fixedHeader());
            AttrSetSpec set = fmt.attributeSet() == null ? null : f.attributeSets().get(fmt.attributeSet());
            Out body = new Out();
            scopes.push(obj);
            try {
                body(body, header, set, obj, scopes, path);
            } finally {
                scopes.pop();
            }
            return body.toByteArray();
        }

        private byte[] bitfield32(AttrSpec a, JsonNode v, String path) throws EncodeException {
            ObjectNode obj = object(v, path, "bitfield32 {\"value\": ..., \"selector\": ...}");
            EnumDef names = a.enumName() == null ? null : f.enums().get(a.enumName());
            long value = obj.has("value") ? integer("u32", obj.get("value"), names, true, null, false, path + ".value") : 0;
            long sel = obj.has("selector") ? integer("u32", obj.get("selector"), names, true, null, false, path + ".selector")
                    : value;
            Out o = new Out();
            o.u32(value).u32(sel);
            return o.toByteArray();
        }

        private byte[] binary(AttrSpec a, JsonNode v, String path) throws EncodeException {
            if (a.struct() != null && f.structs().containsKey(a.struct())) {
                StructDef s = f.structs().get(a.struct());
                return struct(s, object(v, path, "struct " + s.name()), path);
            }
            if (a.subType() != null && isInteger(a.subType())) {
                if (!v.isArray()) {
                    throw wrongType(path, "binary array of " + a.subType(), "a JSON array of numbers", v);
                }
                EnumDef names = a.enumName() == null ? null : f.enums().get(a.enumName());
                Out o = new Out();
                int i = 0;
                for (JsonNode item : v) {
                    long n = integer(a.subType(), item, names, a.asFlags(), a.displayHint(), a.bigEndian(), path + "[" + i++ + "]");
                    o.bytes(scalar(n, size(a.subType(), n), a.bigEndian()));
                }
                return o.toByteArray();
            }
            return binaryValue(a.displayHint(), v, path, "binary");
        }

        // ------------------------------------------------------------ structs

        /** {@code sizeof(struct)} bytes, members from {@code obj} (by spec or C name), the rest zero. */
        byte[] struct(StructDef s, ObjectNode obj, String path) throws EncodeException {
            byte[] b = new byte[s.size()];
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                StructDef.Member m = member(s, e.getKey());
                String p = join(path, e.getKey());
                if (m == null) {
                    List<String> known = s.members().stream().map(StructDef.Member::name).filter(n -> !n.startsWith("pad")).toList();
                    throw new EncodeException(p, "struct " + s.name() + " has no member '" + e.getKey() + "'"
                            + Names.suggestion(e.getKey(), known) + "; it has: " + Names.list(known));
                }
                byte[] v = member(m, e.getValue(), p);
                System.arraycopy(v, 0, b, m.offset(), Math.min(v.length, m.size()));
            }
            return b;
        }

        private byte[] member(StructDef.Member m, JsonNode v, String path) throws EncodeException {
            if (m.struct() != null && f.structs().containsKey(m.struct())) {
                return struct(f.structs().get(m.struct()), object(v, path, "struct " + m.struct()), path);
            }
            if (isInteger(m.type())) {
                EnumDef names = m.enumName() == null ? null : f.enums().get(m.enumName());
                long n = integer(m.type(), v, names, m.asFlags(), m.displayHint(), m.bigEndian(), path);
                return scalar(n, m.size(), m.bigEndian());
            }
            byte[] b = switch (m.type()) {
                case "string" -> {
                    if (!v.isTextual()) {
                        throw wrongType(path, "string", "a JSON string", v);
                    }
                    yield v.asText().getBytes(StandardCharsets.UTF_8);
                }
                case "pad" -> hex(v, path);
                default -> binaryValue(m.displayHint(), v, path, m.type());
            };
            if (b.length > m.size()) {
                throw new EncodeException(path, "member " + m.name() + " holds " + m.size() + " bytes, the value has " + b.length);
            }
            return b;
        }

        // ------------------------------------------------------------ scalars

        /** An integer of YNL type {@code type} from a number, an enum or flag name (or array of flag names), a dotted IPv4 or hex text. */
        long integer(String type, JsonNode v, EnumDef names, boolean asFlags, String hint, boolean bigEndian, String path)
                throws EncodeException {
            boolean flagsLike = names != null && (names.flags() || asFlags);
            BigInteger n;
            if (v.isIntegralNumber()) {
                n = v.bigIntegerValue();
            } else if (v.isArray() && flagsLike) {
                long bits = 0;
                int i = 0;
                for (JsonNode item : v) {
                    bits |= integer(type, item, names, asFlags, hint, bigEndian, path + "[" + i++ + "]");
                }
                n = BigInteger.valueOf(bits);
            } else if (v.isTextual()) {
                n = text(type, v.asText().strip(), names, flagsLike, hint, bigEndian, path);
            } else {
                String expect = names == null ? "a number" : "a number or a name of " + names.name();
                throw wrongType(path, type, expect, v);
            }
            return checkRange(type, n, path);
        }

        private BigInteger text(String type, String s, EnumDef names, boolean flagsLike, String hint, boolean bigEndian,
                                String path) throws EncodeException {
            if (names != null && !s.isEmpty() && !Character.isDigit(s.charAt(0)) && s.charAt(0) != '-') {
                if (flagsLike && (s.contains("|") || s.contains(","))) {
                    long bits = 0;
                    for (String part : s.split("[|,]")) {
                        bits |= 1L << name(names, part.strip(), path);
                    }
                    return BigInteger.valueOf(bits);
                }
                long e = name(names, s, path);
                return BigInteger.valueOf(flagsLike ? 1L << e : e);
            }
            if ("ipv4".equals(hint) && s.contains(".")) {
                byte[] a = address(s, path);
                if (a.length != 4) {
                    throw new EncodeException(path, "'" + s + "' is not an IPv4 address");
                }
                long be = ((a[0] & 255L) << 24) | ((a[1] & 255L) << 16) | ((a[2] & 255L) << 8) | (a[3] & 255L);
                // written big-endian when the attribute is; otherwise the wire bytes still read a.b.c.d
                return BigInteger.valueOf(bigEndian ? be : Integer.reverseBytes((int) be) & 0xffffffffL);
            }
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    return new BigInteger(s.substring(2), 16);
                }
                return new BigInteger(s);
            } catch (NumberFormatException e) {
                String expect = names == null ? "a number" : "a number or a name of " + names.name();
                throw new EncodeException(path, "'" + s + "' is not " + expect + " for " + type);
            }
        }

        /** The value (enum) or bit position (flags) of entry {@code s}: spec spelling or kernel constant name. */
        private static long name(EnumDef names, String s, String path) throws EncodeException {
            Long v = names.entries().get(s);
            if (v == null) {
                for (Map.Entry<String, Long> e : names.entries().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(s)) {
                        v = e.getValue();
                    }
                }
                for (Map.Entry<Long, String> e : names.kernelNames().entrySet()) {
                    if (e.getValue().equalsIgnoreCase(s)) {
                        v = e.getKey();
                    }
                }
            }
            if (v == null) {
                throw new EncodeException(path, "'" + s + "' is not in " + (names.flags() ? "flags " : "enum ") + names.name()
                        + Names.suggestion(s, names.entries().keySet()) + "; it has: " + Names.list(names.entries().keySet()));
            }
            return v;
        }

        private static long checkRange(String type, BigInteger n, String path) throws EncodeException {
            boolean signed = type.startsWith("s");
            int bits = switch (type) {
                case "uint", "sint" -> 64;
                default -> SIZES.get(type) * 8;
            };
            BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                throw new EncodeException(path, n + " is out of range for " + type + " (" + min + ".." + max + ")");
            }
            return n.longValue();
        }

        private static int size(String type, long n) {
            if (type.equals("uint")) {
                return (n & 0xffffffff00000000L) == 0 ? 4 : 8;
            }
            if (type.equals("sint")) {
                return n == (int) n ? 4 : 8;
            }
            return SIZES.get(type);
        }

        private static byte[] string(JsonNode v, String path) throws EncodeException {
            boolean nul = true;
            JsonNode text = v;
            if (v.isObject() && v.has("value")) {
                text = v.get("value");
                JsonNode n = v.get("nul");
                if (n != null && !n.isBoolean()) {
                    throw wrongType(path + ".nul", "boolean", "true or false", n);
                }
                nul = n == null || n.booleanValue();
            }
            if (!text.isTextual()) {
                throw wrongType(path, "string", "a JSON string", text);
            }
            byte[] s = text.asText().getBytes(StandardCharsets.UTF_8);
            return nul ? java.util.Arrays.copyOf(s, s.length + 1) : s;
        }

        private static byte[] binaryValue(String hint, JsonNode v, String path, String type) throws EncodeException {
            if (!v.isTextual()) {
                throw wrongType(path, type, hint != null ? "a JSON string (" + hint + " or hex)" : "a JSON string of hex digits", v);
            }
            String s = v.asText().strip();
            if (hint != null) {
                switch (hint) {
                    case "ipv4", "ipv6", "ipv4-or-v6" -> {
                        if (s.contains(".") || s.contains(":")) {
                            return address(s, path);
                        }
                    }
                    case "mac", "fddi" -> {
                        if (s.contains(":")) {
                            return hex(s.replace(":", ""), path);
                        }
                    }
                    case "uuid" -> {
                        if (s.contains("-")) {
                            return hex(s.replace("-", ""), path);
                        }
                    }
                    default -> {
                    }
                }
            }
            return hex(s, path);
        }

        /** An IP address literal; never a host name (no DNS look-up). */
        private static byte[] address(String s, String path) throws EncodeException {
            boolean literal = s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3
                    || s.contains(":") && s.matches("[0-9a-fA-F:.]+");
            if (literal) {
                try {
                    return InetAddress.getByName(s).getAddress();
                } catch (UnknownHostException e) {
                    // falls through to the error below
                }
            }
            throw new EncodeException(path, "'" + s + "' is not an IPv4 or IPv6 address");
        }

        private static ObjectNode object(JsonNode v, String path, String what) throws EncodeException {
            if (!v.isObject()) {
                throw wrongType(path, what, "a JSON object", v);
            }
            return (ObjectNode) v;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final Map<String, Integer> SIZES = Map.of("u8", 1, "u16", 2, "u32", 4, "u64", 8, "s8", 1, "s16", 2,
            "s32", 4, "s64", 8);

    static boolean isInteger(String type) {
        return SIZES.containsKey(type) || type.equals("uint") || type.equals("sint");
    }

    static byte[] scalar(long v, int size, boolean bigEndian) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            byte x = (byte) (v >>> (8 * i));
            b[bigEndian ? size - 1 - i : i] = x;
        }
        return b;
    }

    static byte[] hex(JsonNode v, String path) throws EncodeException {
        if (!v.isTextual()) {
            throw wrongType(path, "bytes", "a JSON string of hex digits", v);
        }
        return hex(v.asText(), path);
    }

    static byte[] hex(String s, String path) throws EncodeException {
        String h = s.replaceAll("[\\s:]", "");
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        try {
            if (h.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of digits");
            }
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new EncodeException(path, "'" + s + "' is not hex bytes (" + e.getMessage() + ")");
        }
    }

    static EncodeException wrongType(String path, String type, String expected, JsonNode got) {
        return new EncodeException(path, "wrong JSON type for " + type + ": expects " + expected + ", got " + kind(got)
                + " " + abbreviate(got.toString()));
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Little-endian writer with netlink's 4-byte attribute alignment. */
    static final class Out {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream(256);

        Out u8(int v) {
            b.write(v);
            return this;
        }

        Out u16(int v) {
            b.write(v);
            b.write(v >>> 8);
            return this;
        }

        Out u32(long v) {
            return u16((int) (v & 0xffff)).u16((int) ((v >>> 16) & 0xffff));
        }

        Out bytes(byte[] x) {
            b.writeBytes(x);
            return this;
        }

        Out align() {
            while (b.size() % 4 != 0) {
                b.write(0);
            }
            return this;
        }

        /** One nlattr: header, payload, zero padding to 4 bytes. */
        Out attr(int type, byte[] payload) throws EncodeException {
            if (payload.length + 4 > 0xffff) {
                throw new EncodeException("", "attribute of type " + (type & 0x3fff) + " is " + (payload.length + 4)
                        + " bytes; nla_len is 16 bits");
            }
            u16(payload.length + 4).u16(type).bytes(payload);
            return align();
        }

        byte[] toByteArray() {
            return b.toByteArray();
        }
    }
}
