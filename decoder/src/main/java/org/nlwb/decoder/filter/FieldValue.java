package org.nlwb.decoder.filter;

import java.math.BigInteger;

/**
 * One occurrence of a field in a message, in the forms a comparison may look at.
 *
 * @param number the numeric value, or null when it has none
 * @param texts  textual forms (the value as text, the display, the display's leading name)
 */
record FieldValue(BigInteger number, String... texts) {
}
