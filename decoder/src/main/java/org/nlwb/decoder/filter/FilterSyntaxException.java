package org.nlwb.decoder.filter;

import java.util.Optional;

/**
 * A filter expression that does not parse, or names a field or value no message class knows while
 * a known one is close ({@code unknown field IFLA_IFNAM (did you mean IFLA_IFNAME?)}).
 * {@link #position()} is the 0-based character index where the problem is, so an editor can point
 * at it while the user types; {@link #fix()} is the suggested replacement, when there is one.
 */
public final class FilterSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;
    private final transient Fix fix;

    public FilterSyntaxException(int position, String reason) {
        this(position, reason, null);
    }

    public FilterSyntaxException(int position, String reason, Fix fix) {
        super("at " + (position + 1) + ": " + reason);
        this.position = position;
        this.reason = reason;
        this.fix = fix;
    }

    /** 0-based index into the expression text. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }

    /** The suggested correction ("did you mean"), if any. */
    public Optional<Fix> fix() {
        return Optional.ofNullable(fix);
    }

    /**
     * Replace the characters {@code [start, end)} of the expression by {@code replacement}.
     *
     * @param start 0-based, inclusive
     * @param end   0-based, exclusive
     */
    public record Fix(int start, int end, String replacement) {
        public Fix {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }

        /** {@code text} with the correction made; {@code text} unchanged when it is too short for the span. */
        public String applyTo(String text) {
            if (end > text.length()) {
                return text;
            }
            return text.substring(0, start) + replacement + text.substring(end);
        }
    }
}
