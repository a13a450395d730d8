package org.nlwb.app.cli;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.capture.groups.GroupResolver;
import org.nlwb.capture.groups.MulticastGroup;
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
        return fixed("--subscribe", protocol, names);
    }

    /** {@link #fixed(int, List)} for another option's names ({@code monitor --groups}). */
    static List<MulticastGroup> fixed(String option, int protocol, List<String> names) throws UsageError {
        try {
            return GroupResolver.resolve(protocol, names, () -> {
                throw new IllegalStateException("generic netlink groups are resolved through the kernel");
            });
        } catch (IOException e) {
            throw new UsageError(option + ": " + e.getMessage());
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
        try {
            return session.genlGroups(spec, lookups);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("generic netlink family ")
                    && e.getMessage().contains(" has no multicast group")) {
                throw new UsageError("--subscribe: " + e.getMessage());
            }
            throw e;
        }
    }
}
