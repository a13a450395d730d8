package org.nlwb.decoder.codec;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.ynl.DisplayHint;

/**
 * The one place that knows what a {@link DisplayHint} means, both ways: how integers and bytes
 * are shown by it, how its text form ({@code 10.0.0.1}, {@code 02:00:00:00:00:01}, a UUID) is
 * read back, and which editor it wants. A hint that does not fit the value (ipv4 on a u16, an
 * empty mac) is ignored, never an error.
 */
final class DisplayHints {
    private DisplayHints() {
    }

    /**
     * An integer shown by its hint (hex, ipv4 for 4 bytes, mac), or null when the hint does not
     * change how it is shown.
     */
    static Decoded integer(DisplayHint hint, ByteView p, long v, int size, boolean signed, boolean bigEndian) {
        if (hint == null) {
            return null;
        }
        switch (hint) {
            case HEX -> {
                return Decoded.of(IntegerCodec.value(v, size, signed), "0x" + Long.toHexString(size == 8 ? v : v & mask(size)));
            }
            case IPV4 -> {
                if (size == 4) {
                    long be = bigEndian ? v & 0xffffffffL : Integer.reverseBytes((int) v) & 0xffffffffL;
                    String a = ((be >> 24) & 255) + "." + ((be >> 16) & 255) + "." + ((be >> 8) & 255) + "." + (be & 255);
                    return Decoded.of(a, a);
                }
                return null;
            }
            case MAC -> {
                return Values.macValue(p);
            }
            case TC_HANDLE -> {
                return size == 4 ? Decoded.of(v & 0xffffffffL, TcHandle.format(v)) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A binary payload shown by its hint; plain binaries (and hints that do not fit) are hex. */
    static Decoded binary(ByteView p, DisplayHint hint) {
        if (hint == null) {
            return Values.binary(p);
        }
        return switch (hint) {
            case MAC, FDDI -> p.isEmpty() ? Values.binary(p) : Values.macValue(p);
            case IPV4, IPV6, IPV4_OR_V6 -> Values.decode(ValueType.ADDRESS, p, false);
            case UUID -> p.length() == 16 ? Values.decode(ValueType.UUID, p, false) : Values.binary(p);
            case HEX, TC_HANDLE -> Values.binary(p);
        };
    }

    /**
     * An integer written as an IPv4 address ({@code ipv4} hint and dotted text), as the number
     * whose wire bytes read a.b.c.d, or as a tc handle ({@code tc-handle} hint: {@code 1:0},
     * {@code root}); null when the hint or the text is not that.
     */
    static BigInteger integerFromText(DisplayHint hint, String s, boolean bigEndian, String path) throws ValueException {
        if (hint == DisplayHint.TC_HANDLE) {
            return TcHandle.parse(s, path);
        }
        if (hint != DisplayHint.IPV4 || !s.contains(".")) {
            return null;
        }
        byte[] a = address(s, path);
        if (a.length != 4) {
            throw new ValueException(path, "'" + s + "' is not an IPv4 address");
        }
        long be = ((a[0] & 255L) << 24) | ((a[1] & 255L) << 16) | ((a[2] & 255L) << 8) | (a[3] & 255L);
        // written big-endian when the attribute is; otherwise the wire bytes still read a.b.c.d
        return BigInteger.valueOf(bigEndian ? be : Integer.reverseBytes((int) be) & 0xffffffffL);
    }

    /** Bytes from text in the hint's form, or from hex digits when the text is not in that form. */
    static byte[] bytesFromText(DisplayHint hint, String s, String path) throws ValueException {
        if (hint != null) {
            switch (hint) {
                case IPV4, IPV6, IPV4_OR_V6 -> {
                    if (s.contains(".") || s.contains(":")) {
                        return address(s, path);
                    }
                }
                case MAC, FDDI -> {
                    if (s.contains(":")) {
                        return JsonValues.hex(s.replace(":", ""), path);
                    }
                }
                case UUID -> {
                    if (s.contains("-")) {
                        return JsonValues.hex(s.replace("-", ""), path);
                    }
                }
                default -> {
                }
            }
        }
        return JsonValues.hex(s, path);
    }

    /** What a JSON string for a binary with this hint should hold, for the wrong-type message. */
    static String binaryExpectation(DisplayHint hint) {
        return hint != null ? "a JSON string (" + hint + " or hex)" : "a JSON string of hex digits";
    }

    /** The editor of a binary with this hint. */
    static EditorKind binaryKind(DisplayHint hint) {
        if (hint == null) {
            return EditorKind.HEX;
        }
        return switch (hint) {
            case MAC, FDDI -> EditorKind.MAC;
            case IPV4 -> EditorKind.IPV4;
            case IPV6 -> EditorKind.IPV6;
            case IPV4_OR_V6 -> EditorKind.ADDRESS;
            case UUID -> EditorKind.UUID;
            case HEX, TC_HANDLE -> EditorKind.HEX;
        };
    }

    /** An IP address literal; never a host name (no DNS look-up). */
    private static byte[] address(String s, String path) throws ValueException {
        boolean literal = s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3
                || s.contains(":") && s.matches("[0-9a-fA-F:.]+");
        if (literal) {
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new ValueException(path, "'" + s + "' is not an IPv4 or IPv6 address");
    }

    private static long mask(int size) {
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }
}
