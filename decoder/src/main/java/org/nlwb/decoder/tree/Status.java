package org.nlwb.decoder.tree;

import java.util.Locale;

/** How far a node's bytes could be explained. */
public enum Status {
    /** Decoded by a known layout. */
    OK,
    /** Well-framed, but no message class or attribute spec knows it; bytes kept, value guessed. */
    UNKNOWN,
    /** The bytes contradict their own framing (a length past its parent, too short, ...). */
    MALFORMED,
    /** Alignment bytes between or after attributes and messages. */
    PADDING,
    /** Bytes after the last message of a datagram that are not a message. */
    TRAILING;

    // computed once: label() is asked for every node written, and lower-casing allocated each time
    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case form used in JSON and on screen. */
    public String label() {
        return label;
    }

    public static Status ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
