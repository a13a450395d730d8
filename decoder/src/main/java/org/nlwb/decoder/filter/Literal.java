package org.nlwb.decoder.filter;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The right-hand side of a comparison: what the user typed, and its number when it is one.
 *
 * @param quoted   true for {@code "..."} strings, which compare as text only
 * @param position where the value starts in the expression (0-based)
 */
record Literal(String text, BigInteger number, boolean quoted, int position) {

    static Literal of(Token t) {
        return switch (t.kind()) {
            case NUMBER -> new Literal(t.text(), parseNumber(t.text()), false, t.position());
            case STRING -> new Literal(t.text(), null, true, t.position());
            default -> new Literal(t.text(), null, false, t.position());
        };
    }

    /** Decimal or {@code 0x} hex, optionally negative; null when {@code s} is not a number. */
    static BigInteger parseNumber(String s) {
        try {
            String t = s.toLowerCase(Locale.ROOT);
            boolean neg = t.startsWith("-");
            if (neg) {
                t = t.substring(1);
            }
            if (t.isEmpty()) {
                return null;
            }
            BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t, 10);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return quoted ? org.nlwb.decoder.decode.Values.quote(text) : text;
    }
}
