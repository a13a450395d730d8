package org.nlwb.decoder.diff;

import java.util.Locale;

/** What kind of difference one {@link Difference} is. */
public enum DiffKind {
    /** Present on the right only (an attribute, a message of a conversation). */
    ADDED,
    /** Present on the left only. */
    REMOVED,
    /** An attribute's value differs; both values are kept. */
    CHANGED,
    /** A field of a fixed header (nlmsghdr, genlmsghdr, ifinfomsg, the error code) differs. */
    HEADER,
    /** The same attributes in another order. */
    ORDER,
    /** The same attribute with other nla_type flag bits (NLA_F_NESTED, NLA_F_NET_BYTEORDER). */
    FLAGS,
    /** Alignment bytes differ (their number, or non-zero content). */
    PADDING,
    /** Bytes after the last message or attribute differ. */
    TRAILING,
    /** What the capture says about a message besides its bytes: time, process id. */
    METADATA;

    /** The lower-case form used in JSON and text. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
