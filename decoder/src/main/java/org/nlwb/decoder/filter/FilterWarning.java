package org.nlwb.decoder.filter;

/**
 * Something a filter names that no message class is known to produce, e.g. a field of a plugin's
 * messages: the filter applies, but the name may be mistyped.
 *
 * @param position 0-based index into the expression where the name starts
 * @param message  in words, without the position: {@code no message class is known to have a field FOO}
 */
public record FilterWarning(int position, String message) {
    @Override
    public String toString() {
        return "at " + (position + 1) + ": " + message;
    }
}
