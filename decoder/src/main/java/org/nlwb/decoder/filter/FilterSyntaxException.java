package org.nlwb.decoder.filter;

/**
 * A filter expression that does not parse. {@link #position()} is the 0-based character index
 * where the problem is, so an editor can point at it while the user types.
 */
public final class FilterSyntaxException extends Exception {
    private final int position;
    private final String reason;

    public FilterSyntaxException(int position, String reason) {
        super("at " + (position + 1) + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** 0-based index into the expression text. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
