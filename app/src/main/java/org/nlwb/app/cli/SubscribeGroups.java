package org.nlwb.app.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.capture.groups.GroupResolver;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.send.GenlLookup;
import org.nlwb.capture.send.SendSession;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;

/**
 * The multicast groups of {@code --subscribe}, named as {@code nlwb monitor --groups} names
 * them: {@code link}, {@code ipv4-ifaddr}, {@code RTNLGRP_NEIGH}, {@code nftables}, a number;
 * for generic netlink {@code FAMILY:GROUP} or {@code FAMILY} (all its groups), looked up in the
 * target's kernel through the session, the look-up's conversation kept in the capture so the
 * notifications' family ids can be named.
 */
final class SubscribeGroups {
    private SubscribeGroups() {
    }

    /**
     * The groups of a protocol whose names nlwb knows without asking a kernel (everything but
     * generic netlink): checked before any namespace is made.
     */
    static List<MulticastGroup> fixed(int protocol, List<String> names) throws UsageError {
        try {
            return GroupResolver.resolve(protocol, names, () -> {
                throw new IllegalStateException("generic netlink groups are resolved through the session");
            });
        } catch (IOException e) {
            throw new UsageError("--subscribe: " + e.getMessage());
        }
    }

    /** Every group of {@code names}, generic netlink families asked of the session's kernel. */
    static List<MulticastGroup> resolve(int protocol, List<String> names, SendSession session, Capture lookups)
            throws UsageError, IOException {
        if (protocol != Protocol.GENERIC) {
            return fixed(protocol, names);
        }
        Set<MulticastGroup> out = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.matches("\\d{1,9}")) {
                out.addAll(fixed(protocol, List.of(name)));
            } else if (name.equalsIgnoreCase("all")) {
                throw new UsageError("--subscribe: name generic netlink groups by family (FAMILY or FAMILY:GROUP);"
                        + " 'all' of every family is for nlwb monitor");
            } else {
                out.addAll(genl(name, session, lookups));
            }
        }
        return List.copyOf(out);
    }

    private static List<MulticastGroup> genl(String spec, SendSession session, Capture lookups)
            throws UsageError, IOException {
        int colon = spec.indexOf(':');
        String family = colon < 0 ? spec : spec.substring(0, colon);
        GenlLookup found = session.genlFamily(family);
        found.exchange().appendTo(lookups);
        List<MulticastGroup> groups = found.family().groups();
        if (colon < 0) {
            if (groups.isEmpty()) {
                throw new UsageError("--subscribe: generic netlink family " + family + " has no multicast groups");
            }
            return groups;
        }
        List<String> known = new ArrayList<>();
        for (MulticastGroup g : groups) {
            if (g.name().equals(spec)) {
                return List.of(g);
            }
            known.add(g.name());
        }
        throw new UsageError("--subscribe: generic netlink family " + family + " has no multicast group '"
                + spec.substring(colon + 1) + "'" + (known.isEmpty() ? " (it has none)" : "; it has: " + String.join(", ", known)));
    }
}
