package org.nlwb.decoder.model;

import java.util.Locale;
import java.util.Optional;
import org.nlwb.decoder.message.Netlink;

/**
 * Netlink protocol numbers ({@code NETLINK_*} in {@code linux/netlink.h}). A record carries the
 * number as an {@code int}, {@link #UNKNOWN} (-1) when the source does not say.
 */
public final class Protocol {
    public static final int UNKNOWN = -1;
    public static final int ROUTE = 0;
    public static final int UNUSED = 1;
    public static final int USERSOCK = 2;
    public static final int FIREWALL = 3;
    public static final int SOCK_DIAG = 4;
    public static final int NFLOG = 5;
    public static final int XFRM = 6;
    public static final int SELINUX = 7;
    public static final int ISCSI = 8;
    public static final int AUDIT = 9;
    public static final int FIB_LOOKUP = 10;
    public static final int CONNECTOR = 11;
    public static final int NETFILTER = 12;
    public static final int IP6_FW = 13;
    public static final int DNRTMSG = 14;
    public static final int KOBJECT_UEVENT = Netlink.NETLINK_KOBJECT_UEVENT;
    public static final int GENERIC = 16;
    public static final int SCSITRANSPORT = 18;
    public static final int ECRYPTFS = 19;
    public static final int RDMA = 20;
    public static final int CRYPTO = 21;
    public static final int SMC = 22;

    private static final String[] NAMES = {
        "ROUTE", "UNUSED", "USERSOCK", "FIREWALL", "SOCK_DIAG", "NFLOG", "XFRM", "SELINUX", "ISCSI",
        "AUDIT", "FIB_LOOKUP", "CONNECTOR", "NETFILTER", "IP6_FW", "DNRTMSG", "KOBJECT_UEVENT",
        "GENERIC", null, "SCSITRANSPORT", "ECRYPTFS", "RDMA", "CRYPTO", "SMC",
    };

    private Protocol() {
    }

    /** {@code NETLINK_ROUTE} style name, {@code NETLINK_23} for numbers without one, "unknown" for -1. */
    public static String name(int protocol) {
        if (protocol == UNKNOWN) {
            return "unknown";
        }
        if (protocol >= 0 && protocol < NAMES.length && NAMES[protocol] != null) {
            return "NETLINK_" + NAMES[protocol];
        }
        return "NETLINK_" + protocol;
    }

    /** Short lower-case name used on the command line: {@code route}, {@code generic}, {@code sock_diag}. */
    public static String shortName(int protocol) {
        String n = name(protocol);
        return n.startsWith("NETLINK_") ? n.substring(8).toLowerCase(Locale.ROOT) : n;
    }

    /**
     * Parses {@code route}, {@code ROUTE}, {@code NETLINK_ROUTE}, {@code rtnl}, {@code genl},
     * {@code nfnetlink}, {@code 0} ...
     */
    public static Optional<Integer> parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (s.startsWith("NETLINK_")) {
            s = s.substring(8);
        }
        switch (s) {
            case "RTNL", "RTNETLINK" -> { return Optional.of(ROUTE); }
            case "GENL", "GENETLINK" -> { return Optional.of(GENERIC); }
            case "NFNETLINK", "NFNL" -> { return Optional.of(NETFILTER); }
            case "UEVENT" -> { return Optional.of(KOBJECT_UEVENT); }
            case "DIAG", "INET_DIAG" -> { return Optional.of(SOCK_DIAG); }
            default -> { }
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (s.equals(NAMES[i])) {
                return Optional.of(i);
            }
        }
        try {
            int n = Integer.parseInt(s);
            return n >= 0 && n < 32 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
