package org.nlwb.decoder.filter;

import java.math.BigInteger;
import org.nlwb.decoder.tree.Node;

/**
 * One occurrence of a field in a message, in the forms a comparison may look at.
 *
 * @param number the numeric value, or null when it has none
 * @param texts  textual forms (the value as text, the display, the display's leading name)
 */
record FieldValue(BigInteger number, String... texts) {

    /** What a comparison may look at in node {@code n}. */
    static FieldValue of(Node n) {
        return of(n.value(), n.display());
    }

    /**
     * What a comparison may look at in a node of {@code value} and {@code display}: the number
     * (booleans as 0/1), or the value's text, then the display, its leading word and its text
     * without quotes.
     */
    static FieldValue of(Object v, String d) {
        BigInteger num = null;
        if (v instanceof Long l) {
            num = BigInteger.valueOf(l);
        } else if (v instanceof Integer i) {
            num = BigInteger.valueOf(i);
        } else if (v instanceof BigInteger b) {
            num = b;
        } else if (v instanceof Boolean b) {
            num = b ? BigInteger.ONE : BigInteger.ZERO;
        }
        String lead = null;
        String unquoted = null;
        if (d != null) {
            int sp = d.indexOf(' ');
            lead = sp > 0 ? d.substring(0, sp) : null;
            if (d.length() >= 2 && d.startsWith("\"") && d.endsWith("\"")) {
                unquoted = d.substring(1, d.length() - 1);
            }
        }
        return new FieldValue(num, v == null || num != null ? null : v.toString(), d, lead, unquoted);
    }
}
