package org.nlwb.decoder.json;

import java.math.BigInteger;
import org.nlwb.decoder.tree.Status;

/**
 * The rules of {@link JsonForm#OMIT_IMPLIED}: which node keys a consumer can rebuild exactly from
 * the rest of the document, so that form leaves them out. They are fixed (documented in README.md
 * under "--omit-implied") and do not change between versions; a decoder that one day formats a
 * display differently only makes it left out less often, never restored wrongly.
 *
 * <ul>
 * <li>{@code status} is implied when it is {@code "ok"}.</li>
 * <li>{@code offset} is implied when it is where the node would start anyway: 0 for a message's tree, the
 *     parent's offset for a first child, the previous sibling's {@code offset + length} for any
 *     other child.</li>
 * <li>{@code display} is implied when it equals {@link #impliedDisplay} of the node's non-null
 *     {@code value}: an integer's decimal digits, {@code true}/{@code false}, for a string of an
 *     even number (at least 2) of lower-case hex digits the bytes they spell as spaced pairs
 *     ({@code "0a 1b"}; past 64 bytes only the first 64, then {@code " … (N bytes)"}), for any
 *     other string the string itself.</li>
 * </ul>
 *
 * A node whose {@code value} is null never has its {@code display} left out as implied (a missing
 * {@code display} beside a missing {@code value} is a null display, by the omit-empty rule).
 */
public final class ImpliedKeys {
    /** Bytes a binary display spells out before the ellipsis. */
    public static final int SHOWN_BYTES = 64;

    private ImpliedKeys() {
    }

    public static boolean statusImplied(Status s) {
        return s == Status.OK;
    }

    /** The display {@code value} implies, or null for a null value; what a consumer restores. */
    public static String impliedDisplay(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return isHexBytes(s) ? spacedHex(s) : s;
        }
        return value.toString(); // Long, Integer, BigInteger, Boolean: their JSON text
    }

    /**
     * Whether {@code display} is what {@code value} implies; allocation-free for the common cases
     * (a number, a short string), since the writer asks it for every node.
     */
    public static boolean displayImplied(Object value, String display) {
        if (value == null || display == null) {
            return false;
        }
        if (value instanceof Long l) {
            return isDecimal(display, l);
        }
        if (value instanceof Integer i) {
            return isDecimal(display, i);
        }
        if (value instanceof String s) {
            return isHexBytes(s) ? isSpacedHex(display, s) : display.equals(s);
        }
        if (value instanceof Boolean || value instanceof BigInteger) {
            return display.equals(value.toString());
        }
        return false; // another type is written as a string: the rule for strings is not assumed
    }

    /** An even number (2 or more) of {@code 0-9a-f}. */
    static boolean isHexBytes(String s) {
        int n = s.length();
        if (n < 2 || (n & 1) != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String spacedHex(String hex) {
        int bytes = hex.length() / 2;
        int shown = Math.min(bytes, SHOWN_BYTES);
        StringBuilder sb = new StringBuilder(shown * 3 + 20);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, 2 * i, 2 * i + 2);
        }
        return sb.append(ellipsis(bytes)).toString();
    }

    private static String ellipsis(int bytes) {
        return bytes > SHOWN_BYTES ? " … (" + bytes + " bytes)" : "";
    }

    private static boolean isSpacedHex(String display, String hex) {
        int bytes = hex.length() / 2;
        int shown = Math.min(bytes, SHOWN_BYTES);
        int spaced = shown * 3 - 1;
        if (display.length() < spaced) {
            return false;
        }
        for (int i = 0; i < shown; i++) {
            int at = 3 * i;
            if (display.charAt(at) != hex.charAt(2 * i) || display.charAt(at + 1) != hex.charAt(2 * i + 1)
                    || (i > 0 && display.charAt(at - 1) != ' ')) {
                return false;
            }
        }
        if (bytes <= SHOWN_BYTES) {
            return display.length() == spaced;
        }
        String tail = ellipsis(bytes);
        return display.length() == spaced + tail.length() && display.startsWith(tail, spaced);
    }

    /** Whether {@code s} is {@code v} in decimal, as {@code Long.toString} writes it. */
    static boolean isDecimal(String s, long v) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return false;
        }
        if (v < 0) {
            return s.equals(Long.toString(v)); // rare: negative values have their own displays mostly
        }
        for (int at = n - 1; at >= 0; at--) {
            char c = s.charAt(at);
            if (c < '0' || c > '9' || c - '0' != v % 10 || (v == 0 && at < n - 1)) {
                return false;
            }
            v /= 10;
        }
        return v == 0 && (n == 1 || s.charAt(0) != '0');
    }
}
