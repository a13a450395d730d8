package org.nlwb.decoder.model;

/** Which way a datagram travelled. */
public enum Direction {
    /** Sent by a program to the kernel (sendto/sendmsg/write). */
    TO_KERNEL("→ kernel", "out"),
    /** Received from the kernel (recvmsg/recvfrom/read); replies and notifications alike. */
    FROM_KERNEL("← kernel", "in"),
    /** Not known (a pyroute2 dump or a hex file says nothing about direction). */
    UNKNOWN("?", "unknown");

    private final String arrow;
    private final String json;

    Direction(String arrow, String json) {
        this.arrow = arrow;
        this.json = json;
    }

    public String arrow() {
        return arrow;
    }

    /** The value of the JSON {@code direction} key: {@code out}, {@code in} or {@code unknown}. */
    public String json() {
        return json;
    }

    public static Direction ofJson(String s) {
        for (Direction d : values()) {
            if (d.json.equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction " + s);
    }
}
