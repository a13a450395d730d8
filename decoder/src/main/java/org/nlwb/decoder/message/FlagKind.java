package org.nlwb.decoder.message;

/**
 * Which meaning the upper byte of nlmsg_flags has: it depends on the kind of request
 * ({@code linux/netlink.h}: "Modifiers to GET request", "to NEW", "to DELETE", "Flags for ACK").
 */
public enum FlagKind {
    GET, NEW, DEL, ACK, OTHER
}
