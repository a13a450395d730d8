package org.nlwb.capture.groups;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Turns the group names a person types into multicast group numbers:
 * <ul>
 *   <li>NETLINK_ROUTE: {@code link}, {@code ipv4-ifaddr}, {@code RTNLGRP_IPV6_ROUTE} ... (the
 *       {@code RTNLGRP_*} enum of {@code linux/rtnetlink.h});</li>
 *   <li>NETLINK_NETFILTER: {@code conntrack-new}, {@code NFNLGRP_NFTABLES} ... ({@code linux/netfilter/nfnetlink.h});</li>
 *   <li>NETLINK_GENERIC: {@code family:group} ({@code nlctrl:notify}) or {@code family} for all of
 *       its groups, resolved through nlctrl in the namespace of the socket;</li>
 *   <li>any protocol: a number, or {@code all} for every group known for the protocol.</li>
 * </ul>
 */
public final class GroupResolver {
    /** {@code RTNLGRP_*} by number; null where the enum has a placeholder (NOP2, NOP4). */
    static final String[] RTNLGRP = {
        null, "LINK", "NOTIFY", "NEIGH", "TC", "IPV4_IFADDR", "IPV4_MROUTE", "IPV4_ROUTE", "IPV4_RULE",
        "IPV6_IFADDR", "IPV6_MROUTE", "IPV6_ROUTE", "IPV6_IFINFO", "DECnet_IFADDR", null, "DECnet_ROUTE",
        "DECnet_RULE", null, "IPV6_PREFIX", "IPV6_RULE", "ND_USEROPT", "PHONET_IFADDR", "PHONET_ROUTE", "DCB",
        "IPV4_NETCONF", "IPV6_NETCONF", "MDB", "MPLS_ROUTE", "NSID", "MPLS_NETCONF", "IPV4_MROUTE_R",
        "IPV6_MROUTE_R", "NEXTHOP", "BRVLAN", "MCTP_IFADDR", "TUNNEL", "STATS",
    };

    /** {@code NFNLGRP_*} by number. */
    static final String[] NFNLGRP = {
        null, "CONNTRACK_NEW", "CONNTRACK_UPDATE", "CONNTRACK_DESTROY", "CONNTRACK_EXP_NEW",
        "CONNTRACK_EXP_UPDATE", "CONNTRACK_EXP_DESTROY", "NFTABLES", "ACCT_QUOTA", "NFTRACE",
    };

    /** Opens a NETLINK_GENERIC socket where the monitor runs, for nlctrl questions. */
    @FunctionalInterface
    public interface GenlOpener {
        NetlinkSocket open() throws SysException;
    }

    private GroupResolver() {
    }

    /**
     * Resolves {@code names} for {@code protocol}; duplicates are dropped, order kept.
     *
     * @throws IOException naming the unknown group and the valid names
     */
    public static List<MulticastGroup> resolve(int protocol, List<String> names, GenlOpener genl) throws IOException {
        return resolve(protocol, names, genl, null);
    }

    /**
     * As {@link #resolve(int, List, GenlOpener)}; {@code tap} (nullable) receives the nlctrl
     * exchanges as records, so a generic netlink capture holds the CTRL_CMD_NEWFAMILY replies that
     * name its family ids (they differ from boot to boot).
     */
    public static List<MulticastGroup> resolve(int protocol, List<String> names, GenlOpener genl,
                                               Consumer<Record> tap) throws IOException {
        Set<MulticastGroup> out = new LinkedHashSet<>();
        List<GenlFamily> families = null;
        NetlinkSocket genlSocket = null;
        try {
            for (String raw : names) {
                String name = raw.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.matches("\\d+")) {
                    int n = Integer.parseInt(name);
                    if (n < 1) {
                        throw new IOException("multicast group numbers start at 1, not " + n);
                    }
                    out.add(new MulticastGroup(numberName(protocol, n), n));
                    continue;
                }
                switch (protocol) {
                    case Protocol.ROUTE -> out.addAll(fromTable("RTNLGRP_", RTNLGRP, name, protocol));
                    case Protocol.NETFILTER -> out.addAll(fromTable("NFNLGRP_", NFNLGRP, name, protocol));
                    case Protocol.GENERIC -> {
                        if (genlSocket == null) {
                            genlSocket = genl.open();
                        }
                        if (name.equalsIgnoreCase("all")) {
                            if (families == null) {
                                families = GenlFamilies.all(genlSocket, tap);
                            }
                            families.forEach(f -> out.addAll(f.groups()));
                        } else {
                            out.addAll(genlGroups(genlSocket, name, tap));
                        }
                    }
                    default -> throw new IOException("nlwb knows no group names for " + Protocol.name(protocol)
                            + "; give group numbers (e.g. 1)");
                }
            }
        } finally {
            if (genlSocket != null) {
                genlSocket.close();
            }
        }
        return List.copyOf(out);
    }

    private static String numberName(int protocol, int n) {
        String[] table = protocol == Protocol.ROUTE ? RTNLGRP : protocol == Protocol.NETFILTER ? NFNLGRP : null;
        String prefix = protocol == Protocol.ROUTE ? "RTNLGRP_" : "NFNLGRP_";
        if (table != null && n < table.length && table[n] != null) {
            return prefix + table[n];
        }
        return "group " + n;
    }

    private static List<MulticastGroup> fromTable(String prefix, String[] table, String name, int protocol)
            throws IOException {
        List<MulticastGroup> all = new ArrayList<>();
        for (int i = 1; i < table.length; i++) {
            if (table[i] != null) {
                all.add(new MulticastGroup(prefix + table[i], i));
            }
        }
        if (name.equalsIgnoreCase("all")) {
            return all;
        }
        String want = name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (want.startsWith(prefix)) {
            want = want.substring(prefix.length());
        }
        for (MulticastGroup g : all) {
            if (g.name().substring(prefix.length()).toUpperCase(Locale.ROOT).equals(want)) {
                return List.of(g);
            }
        }
        List<String> valid = new ArrayList<>();
        for (MulticastGroup g : all) {
            valid.add(g.name().substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IOException("no " + Protocol.name(protocol) + " multicast group '" + name + "'; known: "
                + String.join(", ", valid) + ", all, or a number");
    }

    private static List<MulticastGroup> genlGroups(NetlinkSocket genl, String spec, Consumer<Record> tap)
            throws IOException {
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        GenlFamily f = GenlFamilies.byName(genl, family, tap);
        if (colon < 0) {
            if (f.groups().isEmpty()) {
                throw new IOException("generic netlink family " + family + " has no multicast groups");
            }
            return f.groups();
        }
        String group = spec.substring(colon + 1);
        for (MulticastGroup g : f.groups()) {
            if (g.name().equals(family + ":" + group)) {
                return List.of(g);
            }
        }
        List<String> known = new ArrayList<>();
        f.groups().forEach(g -> known.add(g.name()));
        throw new IOException("generic netlink family " + family + " has no multicast group '" + group + "'"
                + (known.isEmpty() ? " (it has none)" : "; it has: " + String.join(", ", known)));
    }
}
