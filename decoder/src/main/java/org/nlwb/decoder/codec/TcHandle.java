package org.nlwb.decoder.codec;

import java.math.BigInteger;

/**
 * A tc handle or class id (tcm_handle, tcm_parent, TCA_*_CLASSID) as {@code tc} writes it:
 * iproute2's print_tc_classid -- {@code root} (TC_H_ROOT), {@code none} (0), {@code 1:} (minor 0),
 * {@code :5} (major 0), {@code 1:a} (both, hexadecimal) -- and {@code ingress} for TC_H_INGRESS
 * (0xfffffff1, the parent of an ingress or clsact qdisc, which tc names by that keyword). The value
 * stays the number; this is only its text, and {@link #parse} reads any of these forms back (also
 * {@code 1:0}, which tc accepts for {@code 1:}).
 */
final class TcHandle {
    static final long ROOT = 0xffffffffL;
    static final long INGRESS = 0xfffffff1L;

    private TcHandle() {
    }

    /** The handle {@code v} (its low 32 bits) as tc prints it. */
    static String format(long v) {
        long h = v & 0xffffffffL;
        long major = h >>> 16;
        long minor = h & 0xffff;
        if (h == ROOT) {
            return "root";
        }
        if (h == INGRESS) {
            return "ingress";
        }
        if (h == 0) {
            return "none";
        }
        if (major == 0) {
            return ":" + Long.toHexString(minor);
        }
        return Long.toHexString(major) + ":" + (minor == 0 ? "" : Long.toHexString(minor));
    }

    /**
     * The number a handle's text stands for, or null when {@code s} is not in a handle's form (a
     * plain number is left to the caller). As iproute2's get_tc_classid: both halves hexadecimal,
     * each below 0x10000.
     */
    static BigInteger parse(String s, String path) throws ValueException {
        switch (s) {
            case "root" -> {
                return BigInteger.valueOf(ROOT);
            }
            case "ingress" -> {
                return BigInteger.valueOf(INGRESS);
            }
            case "none" -> {
                return BigInteger.ZERO;
            }
            default -> {
            }
        }
        int colon = s.indexOf(':');
        if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        long major = half(s.substring(0, colon), s, path);
        long minor = half(s.substring(colon + 1), s, path);
        return BigInteger.valueOf(major << 16 | minor);
    }

    private static long half(String digits, String whole, String path) throws ValueException {
        if (digits.isEmpty()) {
            return 0;
        }
        if (!digits.matches("[0-9a-fA-F]{1,4}")) {
            throw new ValueException(path, "'" + whole + "' is not a tc handle (MAJOR:MINOR in hex, each up to ffff; root, "
                    + "ingress or none)");
        }
        return Long.parseLong(digits, 16);
    }
}
