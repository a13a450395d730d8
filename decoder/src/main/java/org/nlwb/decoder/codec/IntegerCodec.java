package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.DisplayHint;
import org.nlwb.decoder.ynl.EnumDef;

/**
 * u8 .. s64, {@code uint} and {@code sint}: read in the attribute's byte order (or network order
 * when NLA_F_NET_BYTEORDER says so), shown by display hint, enum or flag names; written from a
 * number, a name or hint text, range-checked for the type ({@code uint}/{@code sint} as 4 bytes
 * when the value fits, 8 otherwise). Also the integer reader and writer of struct members,
 * bitfield32 and binary arrays. {@code {"value": 300, "size": 4}} sends a value at a width other
 * than the spec's (as iproute2 sends the u64 RTA_EXPIRES: 4 bytes), range-checked for that width;
 * a decoded value of another width is described so, one of the spec's width as a plain value.
 */
final class IntegerCodec implements TypeCodec, BoundDecoder.Source {
    static final IntegerCodec INSTANCE = new IntegerCodec();
    /** The key beside an integer's {@code value} naming the bytes it is sent at: {@code {"value": 300, "size": 4}}. */
    static final String SIZE = "size";

    private IntegerCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        AttrSpec a = f.spec();
        return read(a.type(), p, a.bigEndian() || netByteOrder, f.codecs().enumNames(f.enumDef()), a.asFlags(), a.displayHint());
    }

    @Override
    public BoundDecoder bind(Field f) {
        AttrSpec a = f.spec();
        AttrType type = a.type();
        boolean bigEndian = a.bigEndian();
        EnumNames names = f.codecs().enumNames(f.enumDef());
        boolean asFlags = a.asFlags();
        DisplayHint hint = a.displayHint();
        return (p, netByteOrder, scope) -> read(type, p, bigEndian || netByteOrder, names, asFlags, hint);
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        AttrSpec a = f.spec();
        JsonNode value = v;
        int size = 0;
        if (v.isObject()) {
            value = JsonValues.member(v, "value", path, a.type().specName());
            size = sentSize(v, path);
        }
        AttrType type = size == 0 ? a.type() : AttrType.of((a.type().signed() ? "s" : "u") + size * 8);
        long n = IntegerJson.parse(type, value, f.enumDef(), a.asFlags(), a.displayHint(), a.bigEndian(), path);
        enc.attr(out, a.value(), bytes(n, size == 0 ? wireSize(a.type(), n) : size, a.bigEndian()));
    }

    /**
     * The {@code size} of {@code {"value": v, "size": 4}}: the bytes the value was sent at where that
     * is not the spec's (iproute2's u32 RTA_EXPIRES of a u64 spec); 0 when the object gives none.
     */
    private static int sentSize(JsonNode v, String path) throws ValueException {
        for (var it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("value") && !k.equals(SIZE)) {
                throw new ValueException(path + "." + k, "an integer's object takes only \"value\" and \"" + SIZE + "\"");
            }
        }
        JsonNode s = v.get(SIZE);
        if (s == null) {
            return 0;
        }
        if (!s.isInt() || !isWholeScalar(s.intValue())) {
            throw JsonValues.wrongType(path + "." + SIZE, "size", "1, 2, 4 or 8 (bytes)", s);
        }
        return s.intValue();
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        AttrType t = f.spec().type();
        JsonNode v = Describing.scalar(n.value(), path);
        int payloadLength = n.length() - 4;
        long x = n.value() instanceof Number num ? num.longValue() : 0;
        boolean asSpecSays = t.size() == 0 ? payloadLength == wireSize(t, x) : payloadLength == t.size();
        if (asSpecSays || !isWholeScalar(payloadLength)) {
            return v;
        }
        // sent at another width than the spec's (or a uint wider than it needs): the description says which
        ObjectNode o = Describing.JSON.objectNode();
        o.set("value", v);
        return o.put(SIZE, payloadLength);
    }

    @Override
    public EditorHint editorHint(Field f) {
        AttrSpec a = f.spec();
        return hint(a.type(), f.enumDef(), a.asFlags(), a.displayHint()).withChecks(a.checks()).withMulti(a.multiAttr());
    }

    /** The editor of an integer of {@code type}: by its names when it has them, else by its hint. */
    static EditorHint hint(AttrType type, EnumDef names, boolean asFlags, DisplayHint displayHint) {
        EditorKind kind;
        if (names != null) {
            kind = names.flags() || asFlags ? EditorKind.FLAGS : EditorKind.ENUM;
        } else {
            kind = displayHint == DisplayHint.IPV4 ? EditorKind.IPV4 : EditorKind.NUMBER;
        }
        return EditorHint.of(kind, type).withRange(type).withDisplayHint(displayHint)
                .withChoices(choices(names, names != null && (names.flags() || asFlags)));
    }

    /** The named values of {@code names}; for flags (or an enum read as flags) each bit's mask. */
    static List<EditorHint.Choice> choices(EnumDef names, boolean asBits) {
        List<EditorHint.Choice> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (Map.Entry<String, Long> e : names.entries().entrySet()) {
            long v = e.getValue();
            out.add(new EditorHint.Choice(e.getKey(), names.nameOf(v), asBits ? 1L << v : v));
        }
        return out;
    }

    /**
     * Reads an integer of {@code type} filling {@code p} exactly; a payload of another size is
     * malformed with the size expected in the note.
     *
     * @param bigEndian {@code byte-order: big-endian} or NLA_F_NET_BYTEORDER
     * @param names     enum or flags definition, or null
     * @param asFlags   read the enum as bit positions ({@code enum-as-flags})
     */
    static Decoded read(AttrType type, ByteView p, boolean bigEndian, EnumNames names, boolean asFlags, DisplayHint hint) {
        int n = p.length();
        int size = type.size();
        if (size == 0) {
            if (n != 4 && n != 8) {
                return wrong(type, p, "4 or 8 bytes");
            }
            size = n;
        } else if (n != size) {
            if (!isWholeScalar(n)) {
                return wrong(type, p, size + (size == 1 ? " byte" : " bytes"));
            }
            return read(AttrType.of((type.signed() ? "s" : "u") + n * 8), p, bigEndian, names, asFlags, hint)
                    .withStatus(Status.OK, sizeDiffers(type, n));
        }
        boolean signed = type.signed();
        long v = read(p, size, bigEndian, signed);
        if (hint != null) {
            Decoded hinted = DisplayHints.integer(hint, p, v, size, signed, bigEndian);
            if (hinted != null) {
                return hinted;
            }
        }
        Object val = value(v, size, signed);
        return Decoded.of(val, display(v, val, names, asFlags));
    }

    /** How a value without display hint is shown: by its enum or flag names, else in decimal. */
    static String display(long v, Object val, EnumNames names, boolean asFlags) {
        if (names != null) {
            return names.def().flags() || asFlags ? names.flagsDisplay(v) : names.enumDisplay(v);
        }
        return val instanceof Long ? Values.decimal(v) : val.toString();
    }

    private static long read(ByteView p, int size, boolean be, boolean signed) {
        return readAt(p, 0, size, be, signed);
    }

    /** The integer of {@code size} (1, 2, 4 or 8) bytes at {@code at} of {@code p}. */
    static long readAt(ByteView p, int at, int size, boolean be, boolean signed) {
        return switch (size) {
            case 1 -> signed ? p.s8(at) : p.u8(at);
            case 2 -> {
                int v = be ? p.be16(at) : p.u16le(at);
                yield signed ? (short) v : v;
            }
            case 4 -> {
                long v = be ? p.be32(at) : p.u32le(at);
                yield signed ? (int) v : v;
            }
            default -> be ? p.be64(at) : p.s64le(at);
        };
    }

    /** Long, or BigInteger for unsigned 64-bit values past Long.MAX_VALUE. */
    static Object value(long v, int size, boolean signed) {
        if (size == 8 && !signed && v < 0) {
            return new BigInteger(Long.toUnsignedString(v));
        }
        return Values.boxed(v);
    }

    /** 1, 2, 4 or 8 bytes: a payload some kernel or tool fills as a whole scalar of that size. */
    static boolean isWholeScalar(int n) {
        return n == 1 || n == 2 || n == 4 || n == 8;
    }

    /**
     * The note of a scalar whose size is not this spec's: real kernels and tools send some at another
     * size (RTA_EXPIRES as a u32 from iproute2, a u64 from the kernel; IFLA_VXLAN_TTL_INHERIT a flag
     * in requests, a u8 in the kernel's replies), so the value is read at the size it has.
     */
    static String sizeDiffers(AttrType specType, int n) {
        return specType + " in this spec, " + n + (n == 1 ? " byte" : " bytes") + " here: read as "
                + (specType.signed() ? "s" : "u") + (n * 8) + " (the size differs from this spec's version)";
    }

    private static Decoded wrong(AttrType type, ByteView p, String expected) {
        return Decoded.malformed(p.hex(), Values.spacedHex(p, 64), type + " needs " + expected + ", payload has " + p.length());
    }

    /** Bytes on the wire: the type's size, or for {@code uint}/{@code sint} 4 when the value fits and 8 otherwise. */
    static int wireSize(AttrType type, long n) {
        if (type == AttrType.UINT) {
            return (n & 0xffffffff00000000L) == 0 ? 4 : 8;
        }
        if (type == AttrType.SINT) {
            return n == (int) n ? 4 : 8;
        }
        return type.size();
    }

    /** The low {@code size} bytes of {@code v}, little-endian unless {@code bigEndian}. */
    static byte[] bytes(long v, int size, boolean bigEndian) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            byte x = (byte) (v >>> (8 * i));
            b[bigEndian ? size - 1 - i : i] = x;
        }
        return b;
    }
}
