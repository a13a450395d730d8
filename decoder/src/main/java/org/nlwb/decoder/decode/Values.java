package org.nlwb.decoder.decode;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;

/**
 * Decodes scalar payloads into a {@link Decoded} value. A payload of the wrong size is never
 * read past: it becomes {@code malformed} with a note saying what was expected, its bytes kept
 * as hex.
 */
public final class Values {
    private static final int MAX_TEXT = 4096;

    private Values() {
    }

    /** Decodes {@code p} as {@code t}; {@code netOrder} flips little-endian integers to big-endian. */
    public static Decoded decode(ValueType t, ByteView p, boolean netOrder) {
        int n = p.length();
        if (t.size() >= 0 && n != t.size()) {
            return wrongSize(t, p, t.size() + " byte" + (t.size() == 1 ? "" : "s"));
        }
        return switch (t) {
            case U8 -> integer(p.u8(0));
            case S8 -> integer(p.s8(0));
            case U16 -> integer(netOrder ? p.be16(0) : p.u16le(0));
            case S16 -> integer(netOrder ? (short) p.be16(0) : p.s16le(0));
            case U32 -> integer(netOrder ? p.be32(0) : p.u32le(0));
            case S32 -> integer(netOrder ? (int) p.be32(0) : p.s32le(0));
            case U64 -> unsigned64(netOrder ? p.be64(0) : p.s64le(0));
            case S64 -> integer(netOrder ? p.be64(0) : p.s64le(0));
            case BE16 -> integer(p.be16(0));
            case BE32 -> integer(p.be32(0));
            case BE64 -> unsigned64(p.be64(0));
            case UINT -> n == 4 ? integer(netOrder ? p.be32(0) : p.u32le(0))
                    : n == 8 ? unsigned64(netOrder ? p.be64(0) : p.s64le(0)) : wrongSize(t, p, "4 or 8 bytes");
            case SINT -> n == 4 ? integer(netOrder ? (int) p.be32(0) : p.s32le(0))
                    : n == 8 ? integer(netOrder ? p.be64(0) : p.s64le(0)) : wrongSize(t, p, "4 or 8 bytes");
            case FLAG -> Decoded.of(Boolean.TRUE, "true");
            case STRING -> string(p, false);
            case NUL_STRING -> string(p, true);
            case BINARY -> binary(p);
            case IPV4, IPV6 -> address(p);
            case ADDRESS -> n == 4 || n == 16 ? address(p) : binary(p);
            case MAC -> n == 0 ? binary(p) : macValue(p);
            case BITFIELD32 -> {
                long value = p.u32le(0);
                long selector = p.u32le(4);
                yield Decoded.of(String.format("0x%x/0x%x", value, selector),
                        String.format("value 0x%x selector 0x%x", value, selector));
            }
            case UUID -> {
                String h = p.hex();
                String u = h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                        + h.substring(16, 20) + "-" + h.substring(20);
                yield Decoded.of(u, u);
            }
        };
    }

    /** An unsigned or signed integer value shown in decimal. */
    public static Decoded integer(long v) {
        return Decoded.of(v, decimal(v));
    }

    /** {@code Long.toString(v)}; the texts of 0 to 1023, which most counters, lengths and types are, made once. */
    public static String decimal(long v) {
        return v >= 0 && v < SMALL.length ? SMALL[(int) v] : Long.toString(v);
    }

    /**
     * Whether {@code text} is the very String {@link #decimal} gives for {@code v} (0 to 1023):
     * a writer that sees it writes the digits of {@code v} instead of copying the text. An
     * identity check, so a text equal to it but made elsewhere is just not recognised.
     */
    public static boolean isSharedDecimal(long v, String text) {
        return v >= 0 && v < SMALL.length && SMALL[(int) v] == text;
    }

    /** {@code Long.valueOf(v)}, without a new box for 0 to 1023 (the JDK keeps only up to 127). */
    public static Long boxed(long v) {
        return v >= 0 && v < BOXES.length ? BOXES[(int) v] : Long.valueOf(v);
    }

    private static final String[] SMALL = new String[1024];
    private static final Long[] BOXES = new Long[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
            BOXES[i] = (long) i;
        }
    }

    /** An unsigned 64-bit integer; values past Long.MAX_VALUE become a BigInteger. */
    public static Decoded unsigned64(long v) {
        if (v >= 0) {
            return integer(v);
        }
        BigInteger b = new BigInteger(Long.toUnsignedString(v));
        return Decoded.of(b, b.toString());
    }

    /** Text; with {@code requireNul} a missing terminating NUL makes it malformed. */
    public static Decoded string(ByteView p, boolean requireNul) {
        int n = p.length();
        int nul = p.indexOf(0, 0);
        int textLen = nul < 0 ? n : nul;
        String s = p.utf8(0, textLen);
        String shown = quote(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s);
        if (requireNul && nul < 0) {
            return Decoded.malformed(s, shown, "string is not NUL-terminated");
        }
        if (nul >= 0 && nul < n - 1 && !p.slice(nul, n - nul).allZero()) {
            return new Decoded(s, shown, java.util.List.of(), org.nlwb.decoder.tree.Status.OK,
                    (n - nul - 1) + " bytes after the terminating NUL are not zero");
        }
        return Decoded.of(s, shown);
    }

    public static Decoded binary(ByteView p) {
        String h = p.hex();
        return Decoded.of(h, p.length() == 0 ? "(empty)" : spacedHex(p, 64));
    }

    public static Decoded address(ByteView p) {
        if (p.length() == 16) {
            String a = ipv6(p);
            return Decoded.of(a, a);
        }
        if (p.length() == 4) {
            String a = ipv4(p);
            return Decoded.of(a, a);
        }
        try {
            String a = InetAddress.getByAddress(p.toArray()).getHostAddress();
            return Decoded.of(a, a);
        } catch (UnknownHostException e) {
            return binary(p);
        }
    }

    /** {@code a.b.c.d}, as {@code Inet4Address.getHostAddress} writes it, without making the address. */
    public static String ipv4(ByteView p) {
        return new StringBuilder(15).append(p.u8(0)).append('.').append(p.u8(1)).append('.').append(p.u8(2))
                .append('.').append(p.u8(3)).toString();
    }

    /**
     * An IPv6 address in the RFC 5952 form people and tools print ({@code ::1}, {@code fe80::1}):
     * the longest run of two or more zero groups (the first of equal runs) becomes {@code ::}.
     * Java's {@code getHostAddress} spells out every group, which matches nothing else.
     */
    public static String ipv6(ByteView p) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = p.be16(i * 2);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** {@code aa:bb:cc:dd:ee:ff} for any length. */
    public static String mac(ByteView p) {
        int n = p.length();
        if (n == 0) {
            return "";
        }
        // one exact Latin-1 array: every link's address and broadcast goes through here
        byte[] c = new byte[n * 3 - 1];
        for (int i = 0; i < n; i++) {
            int b = p.u8(i);
            int at = i * 3;
            if (i > 0) {
                c[at - 1] = ':';
            }
            c[at] = HEX_DIGITS[b >> 4];
            c[at + 1] = HEX_DIGITS[b & 15];
        }
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A MAC-style value: the same text as value and display. */
    public static Decoded macValue(ByteView p) {
        String m = mac(p);
        return Decoded.of(m, m);
    }

    /** {@code "0a 0b 0c"} of at most {@code max} bytes, with an ellipsis beyond. */
    public static String spacedHex(ByteView p, int max) {
        int n = Math.min(max, p.length());
        if (n <= 0) {
            return p.length() > max ? " … (" + p.length() + " bytes)" : "";
        }
        if (p.length() > max) {
            return cutHex(p, n);
        }
        // one exact array of Latin-1 bytes, no growing builder: this is the display of every binary value
        byte[] c = new byte[n * 3 - 1];
        for (int i = 0; i < n; i++) {
            int b = p.u8(i);
            int at = i * 3;
            if (i > 0) {
                c[at - 1] = ' ';
            }
            c[at] = HEX_DIGITS[b >> 4];
            c[at + 1] = HEX_DIGITS[b & 15];
        }
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final char[] CUT_BYTES = " bytes)".toCharArray();

    /**
     * The first {@code n} bytes of {@code p} spaced, then {@code " … (N bytes)"}, in one char array:
     * the ellipsis makes the String UTF-16, and building it from a Latin-1 String, a builder and
     * the tail made it twice more (every address family's conf array of a link is one).
     */
    private static String cutHex(ByteView p, int n) {
        int total = p.length();
        int digits = decimalLength(total);
        int hex = n * 3 - 1;
        char[] c = new char[hex + 4 + digits + CUT_BYTES.length];
        for (int i = 0; i < n; i++) {
            int b = p.u8(i);
            int at = i * 3;
            if (i > 0) {
                c[at - 1] = ' ';
            }
            c[at] = (char) HEX_DIGITS[b >> 4];
            c[at + 1] = (char) HEX_DIGITS[b & 15];
        }
        c[hex] = ' ';
        c[hex + 1] = '…';
        c[hex + 2] = ' ';
        c[hex + 3] = '(';
        for (int at = hex + 3 + digits, v = total; at > hex + 3; at--, v /= 10) {
            c[at] = (char) ('0' + v % 10);
        }
        System.arraycopy(CUT_BYTES, 0, c, hex + 4 + digits, CUT_BYTES.length);
        return new String(c);
    }

    /** Digits of {@code v >= 0}. */
    private static int decimalLength(int v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    /** Names an enum value: {@code "AF_INET (2)"}; unknown values show the number alone. */
    public static Decoded enumValue(long v, LongFunction<String> names) {
        String name = names.apply(v);
        return name == null ? Decoded.of(v, decimal(v)) : Decoded.of(v, name + " (" + v + ")");
    }

    /**
     * Names the set bits of a flags value: {@code "UP|BROADCAST|0x10000"}; the value stays numeric.
     *
     * @param bitName name of bit {@code i} (0-based), or null
     */
    public static Decoded flagsValue(long v, java.util.function.IntFunction<String> bitName) {
        if (v == 0) {
            return Decoded.of(0L, "0");
        }
        StringBuilder sb = new StringBuilder();
        long rest = 0;
        for (int i = 0; i < 64; i++) {
            if ((v & (1L << i)) == 0) {
                continue;
            }
            String n = bitName.apply(i);
            if (n == null) {
                rest |= 1L << i;
            } else {
                sb.append(sb.length() == 0 ? "" : "|").append(n);
            }
        }
        if (rest != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Long.toHexString(rest));
        }
        return Decoded.of(v, sb.toString());
    }

    /** A string in double quotes with control characters escaped the way C would. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static Decoded wrongSize(ValueType t, ByteView p, String expected) {
        return Decoded.malformed(p.hex(), spacedHex(p, 64),
                t.label() + " needs " + expected + ", payload has " + p.length());
    }
}
