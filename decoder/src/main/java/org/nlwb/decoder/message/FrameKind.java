package org.nlwb.decoder.message;

/** What a slice of a datagram turned out to be when it was split by nlmsg_len. */
public enum FrameKind {
    /** A netlink message whose nlmsg_len fits the datagram. */
    MESSAGE,
    /** A message whose nlmsg_len is 0, under 16, or runs past the datagram: decoded as far as trusted. */
    MALFORMED,
    /** Bytes after the last message that are not a message (e.g. zeros iproute2 sends along). */
    TRAILING,
    /** A datagram with no nlmsghdr at all (kobject uevents, libudev messages). */
    RAW
}
