package org.nlwb.capture.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.model.Protocol;

class GroupResolverTest {
    private static final GroupResolver.GenlOpener GENL = () -> NetlinkSocket.open(Protocol.GENERIC);

    @Test
    void rtnetlinkNamesFollowTheHeaderEnum() throws IOException {
        List<MulticastGroup> g = GroupResolver.resolve(Protocol.ROUTE,
                List.of("link", "ipv4-ifaddr", "RTNLGRP_IPV6_ROUTE", "nsid", "nexthop", "brvlan", "3"), GENL);
        assertEquals(List.of(new MulticastGroup("RTNLGRP_LINK", 1), new MulticastGroup("RTNLGRP_IPV4_IFADDR", 5),
                new MulticastGroup("RTNLGRP_IPV6_ROUTE", 11), new MulticastGroup("RTNLGRP_NSID", 28),
                new MulticastGroup("RTNLGRP_NEXTHOP", 32), new MulticastGroup("RTNLGRP_BRVLAN", 33),
                new MulticastGroup("RTNLGRP_NEIGH", 3)), g);
    }

    @Test
    void nfnetlinkNames() throws IOException {
        assertEquals(List.of(new MulticastGroup("NFNLGRP_CONNTRACK_NEW", 1), new MulticastGroup("NFNLGRP_NFTABLES", 7)),
                GroupResolver.resolve(Protocol.NETFILTER, List.of("conntrack-new", "nftables"), GENL));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IOException e = assertThrows(IOException.class,
                () -> GroupResolver.resolve(Protocol.ROUTE, List.of("lnk"), GENL));
        assertTrue(e.getMessage().startsWith("no NETLINK_ROUTE multicast group 'lnk'; known: link, notify, neigh"),
                e.getMessage());
    }

    @Test
    void genericGroupsComeFromTheRunningKernel() throws IOException {
        List<MulticastGroup> g = GroupResolver.resolve(Protocol.GENERIC, List.of("nlctrl:notify"), GENL);
        assertEquals(List.of(new MulticastGroup("nlctrl:notify", 0x10)), g, "nlctrl's group id is fixed (GENL_ID_CTRL)");
        List<MulticastGroup> all = GroupResolver.resolve(Protocol.GENERIC, List.of("all"), GENL);
        assertTrue(all.size() > 3 && all.contains(g.get(0)), all.toString());
    }

    @Test
    void unknownGenericFamilyAndGroupAreNamed() {
        IOException f = assertThrows(IOException.class,
                () -> GroupResolver.resolve(Protocol.GENERIC, List.of("nosuchfamily:x"), GENL));
        assertTrue(f.getMessage().startsWith("generic netlink family 'nosuchfamily' does not exist in this kernel; "
                + "it has: nlctrl"), f.getMessage());
        IOException g = assertThrows(IOException.class,
                () -> GroupResolver.resolve(Protocol.GENERIC, List.of("nlctrl:nope"), GENL));
        assertEquals("generic netlink family nlctrl has no multicast group 'nope'; it has: nlctrl:notify", g.getMessage());
    }
}
