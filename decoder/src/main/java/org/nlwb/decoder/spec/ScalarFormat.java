package org.nlwb.decoder.spec;

import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.Status;

/**
 * Reads a YNL scalar ({@code u8} .. {@code s64}, {@code uint}, {@code sint}) or binary value and
 * shows it the way the spec asks: enum names, flag names, or a display hint (hex, mac, ipv4,
 * ipv6, ipv4-or-v6, uuid). A payload of another whole scalar size (1, 2, 4 or 8 bytes) is read
 * at that size, status ok, with a note that the size differs from this spec's; any other size is
 * never read past: it comes back malformed with the expected size in the note.
 */
final class ScalarFormat {
    private static final Map<String, Integer> SIZES = SchemaLevel.SCALAR_SIZES;

    private ScalarFormat() {
    }

    static boolean isInteger(String type) {
        return SIZES.containsKey(type) || type.equals("uint") || type.equals("sint");
    }

    /**
     * @param bigEndian {@code byte-order: big-endian} or NLA_F_NET_BYTEORDER
     * @param names     enum or flags definition, or null
     * @param asFlags   read the enum as bit positions ({@code enum-as-flags})
     */
    static Decoded integer(String type, ByteView p, boolean bigEndian, EnumDef names, boolean asFlags, String hint) {
        int n = p.length();
        Integer size = SIZES.get(type);
        if (size == null) {
            if (n != 4 && n != 8) {
                return wrong(type, p, "4 or 8 bytes");
            }
            size = n;
        } else if (n != size) {
            if (!isWholeScalar(n)) {
                return wrong(type, p, size + (size == 1 ? " byte" : " bytes"));
            }
            return integer(type.charAt(0) + Integer.toString(n * 8), p, bigEndian, names, asFlags, hint)
                    .withStatus(Status.OK, sizeDiffers(type, n));
        }
        boolean signed = type.startsWith("s");
        long v = read(p, size, bigEndian, signed);
        if (hint != null) {
            switch (hint) {
                case "hex" -> {
                    return Decoded.of(value(v, size, signed), "0x" + Long.toHexString(size == 8 ? v : v & mask(size)));
                }
                case "ipv4" -> {
                    if (size == 4) {
                        long be = bigEndian ? v & 0xffffffffL : Integer.reverseBytes((int) v) & 0xffffffffL;
                        String a = ((be >> 24) & 255) + "." + ((be >> 16) & 255) + "." + ((be >> 8) & 255) + "." + (be & 255);
                        return Decoded.of(a, a);
                    }
                }
                case "mac" -> {
                    return Decoded.of(Values.mac(p), Values.mac(p));
                }
                default -> {
                }
            }
        }
        if (names != null) {
            if (names.flags() || asFlags) {
                Decoded f = Values.flagsValue(v, bit -> names.nameOf(bit));
                return Decoded.of(value(v, size, signed), f.display());
            }
            return Decoded.of(value(v, size, signed), Values.enumValue(v, names::nameOf).display());
        }
        Object val = value(v, size, signed);
        return Decoded.of(val, val.toString());
    }

    /** A binary payload shown by its hint; plain binaries are hex. */
    static Decoded binary(ByteView p, String hint) {
        if (hint != null) {
            switch (hint) {
                case "mac", "fddi" -> {
                    return p.isEmpty() ? Values.binary(p) : Decoded.of(Values.mac(p), Values.mac(p));
                }
                case "ipv4", "ipv6", "ipv4-or-v6" -> {
                    return Values.decode(ValueType.ADDRESS, p, false);
                }
                case "uuid" -> {
                    return p.length() == 16 ? Values.decode(ValueType.UUID, p, false) : Values.binary(p);
                }
                default -> {
                }
            }
        }
        return Values.binary(p);
    }

    private static long read(ByteView p, int size, boolean be, boolean signed) {
        return switch (size) {
            case 1 -> signed ? p.s8(0) : p.u8(0);
            case 2 -> {
                int v = be ? p.be16(0) : p.u16le(0);
                yield signed ? (short) v : v;
            }
            case 4 -> {
                long v = be ? p.be32(0) : p.u32le(0);
                yield signed ? (int) v : v;
            }
            default -> be ? p.be64(0) : p.s64le(0);
        };
    }

    private static long mask(int size) {
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }

    /** Long, or BigInteger for unsigned 64-bit values past Long.MAX_VALUE. */
    private static Object value(long v, int size, boolean signed) {
        if (size == 8 && !signed && v < 0) {
            return new java.math.BigInteger(Long.toUnsignedString(v));
        }
        return v;
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
    static String sizeDiffers(String specType, int n) {
        return specType + " in this spec, " + n + (n == 1 ? " byte" : " bytes") + " here: read as "
                + (specType.startsWith("s") ? "s" : "u") + (n * 8) + " (the size differs from this spec's version)";
    }

    private static Decoded wrong(String type, ByteView p, String expected) {
        return Decoded.malformed(p.hex(), Values.spacedHex(p, 64), type + " needs " + expected + ", payload has " + p.length());
    }
}
