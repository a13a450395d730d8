package org.nlwb.decoder.encode;

/**
 * A description that cannot be encoded: an unknown family, operation, attribute or member, a
 * value of the wrong JSON type or out of range. The message always names the field
 * ({@code linkinfo.kind}) and the attribute set or struct it was looked up in.
 */
public final class EncodeException extends Exception {
    private final String field;

    public EncodeException(String field, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    /** The dotted path of the field at fault ({@code linkinfo.data.peer.ifname}), or empty for the message itself. */
    public String field() {
        return field == null ? "" : field;
    }
}
