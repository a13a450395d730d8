package org.nlwb.decoder.message;

/** The control message types every protocol shares ({@code NLMSG_*} below {@code NLMSG_MIN_TYPE}). */
public final class ControlType {
    public static final int NOOP = 1;
    public static final int ERROR = 2;
    public static final int DONE = 3;
    public static final int OVERRUN = 4;
    /** Types below this are control messages (0x10). */
    public static final int MIN_TYPE = 0x10;

    private ControlType() {
    }

    /** {@code NLMSG_ERROR} etc., or null for a type that is not a control message. */
    public static String name(int type) {
        return switch (type) {
            case NOOP -> "NLMSG_NOOP";
            case ERROR -> "NLMSG_ERROR";
            case DONE -> "NLMSG_DONE";
            case OVERRUN -> "NLMSG_OVERRUN";
            default -> null;
        };
    }
}
