package org.nlwb.capture.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.Links;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NeedsRoot;

/** A real NETLINK_ROUTE conversation with the kernel, in a namespace of its own. */
@NeedsRoot
class NetlinkSocketTest {
    static final int RTM_NEWLINK = 16;
    static final int RTM_GETLINK = 18;
    static final int RTNLGRP_LINK = 1;
    private static ThrowawayNamespace ns;

    @BeforeAll
    static void namespace() throws Exception {
        ns = ThrowawayNamespace.create("nlwb-test");
    }

    @AfterAll
    static void removeNamespace() throws Exception {
        if (ns != null) {
            ns.close();
        }
    }

    /** RTM_GETLINK dump request: nlmsghdr + 16-byte ifinfomsg. */
    static byte[] getLinkDump() {
        return MessageWriter.message(RTM_GETLINK, NlFlags.REQUEST | NlFlags.DUMP).u8(0).u8(0).u16(0).u32(0).u32(0)
                .u32(0).build();
    }

    @Test
    void dumpInFreshNamespaceListsOnlyLoopbackThenDone() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
            assertNotEquals(0, s.portId(), "bind assigns a port id");
            List<org.nlwb.decoder.model.Record> tapped = new ArrayList<>();
            NetlinkExchange.Reply r = new NetlinkExchange(s, 100).tap(tapped::add).request(getLinkDump(), 5000);
            assertTrue(r.complete());
            assertEquals(1 + r.replies().size(), tapped.size(), "the tap sees the request and every reply");
            assertEquals(org.nlwb.decoder.model.Direction.TO_KERNEL, tapped.get(0).direction());
            assertTrue(tapped.get(0).bytes().contentEquals(ByteView.of(r.request())));
            assertEquals(0, r.error());
            List<String> names = new ArrayList<>();
            for (ByteView m : r.messages()) {
                assertEquals(101, m.u32le(8), "every reply carries the request's seq");
                assertEquals(Integer.toUnsignedLong(s.portId()), m.u32le(12), "replies are addressed to our port");
                if (m.u16le(4) == RTM_NEWLINK) {
                    names.add(Links.ifname(m));
                }
            }
            assertEquals(List.of("lo"), names);
            assertEquals(ControlType.DONE, r.messages().get(r.messages().size() - 1).u16le(4));
        }
    }

    @Test
    void badRequestGetsErrorWithExtAckText() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
            s.setExtAck(true);
            s.setStrictCheck(true);
            // RTM_NEWLINK for a link kind this kernel lacks: -EOPNOTSUPP "Unknown device type"
            byte[] req = MessageWriter.message(RTM_NEWLINK, NlFlags.REQUEST | NlFlags.ACK | NlFlags.CREATE | NlFlags.EXCL)
                    .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                    .attrString(3, "nlwbx0")
                    .beginNest(18).attrString(1, "no-such-kind").endNest()
                    .build();
            NetlinkExchange.Reply r = new NetlinkExchange(s).request(req, 5000);
            assertTrue(r.complete());
            assertEquals(-95, r.error(), "EOPNOTSUPP");
            ByteView err = r.messages().get(0);
            assertTrue((err.u16le(6) & NlFlags.ACK_TLVS) != 0, "NETLINK_EXT_ACK adds TLVs");
            assertTrue(new String(err.toArray(), StandardCharsets.ISO_8859_1).contains("Unknown device type"));
        }
    }

    @Test
    void capAckEchoesOnlyTheRequestHeader() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
            s.setCapAck(true);
            byte[] req = MessageWriter.message(RTM_NEWLINK, NlFlags.REQUEST | NlFlags.ACK)
                    .u8(0).u8(0).u16(0).u32(999).u32(0).u32(0) // ifindex 999: no such device
                    .attrString(3, "nlwb-echo0").build();
            NetlinkExchange.Reply r = new NetlinkExchange(s).request(req, 5000);
            assertEquals(-19, r.error(), "ENODEV");
            ByteView err = r.messages().get(0);
            assertTrue((err.u16le(6) & NlFlags.CAPPED) != 0, "NLM_F_CAPPED");
            assertEquals(16 + 4 + 16, err.u32le(0), "header, error, the request's header only");
            assertEquals(req.length, err.u32le(20), "the echoed header still says how long the request was");
        }
    }

    @Test
    void unreadNotificationsOverflowTinyBufferAndReportOverrun() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
            int size = s.setReceiveBuffer(1024, false);
            assertTrue(size < 8192, "kernel keeps a small buffer small: " + size);
            s.addMembership(RTNLGRP_LINK);
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                batch.append("link add ov").append(i).append(" type veth peer name ovp").append(i).append('\n');
            }
            for (int i = 0; i < 20; i++) {
                batch.append("link del ov").append(i).append('\n');
            }
            runBatch(batch.toString());
            boolean overrun = false;
            int datagrams = 0;
            Received r;
            while ((r = s.receive(200)) != null) {
                if (r instanceof Overrun o) {
                    overrun = true;
                    assertTrue(o.describe().startsWith("overrun: messages lost"));
                } else {
                    assertInstanceOf(Datagram.class, r);
                    datagrams++;
                }
            }
            assertTrue(overrun, "ENOBUFS must surface as an Overrun, got " + datagrams + " datagrams and none");
        }
    }

    @Test
    void listenAllNsidReportsThePeerNamespaceId() throws Exception {
        try (ThrowawayNamespace peer = ThrowawayNamespace.create("nlwb-test");
             NetlinkSocket s = NetlinkSocket.openIn(ns.name(), Protocol.ROUTE)) {
            ns.exec("ip", "netns", "set", peer.name(), "7"); // the peer's id as seen from ns
            s.setListenAllNsid(true);
            s.addMembership(RTNLGRP_LINK);
            peer.exec("ip", "link", "add", "nsid0", "type", "veth", "peer", "name", "nsid1");
            Received r;
            int nsid = -2;
            while ((r = s.receive(1000)) != null) {
                if (r instanceof Datagram d && d.nsid() >= 0) {
                    nsid = d.nsid();
                    break;
                }
            }
            assertEquals(7, nsid, "the notification from the peer carries its nsid");
        }
    }

    private static void runBatch(String batch) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("nlwb-batch", ".txt");
        try {
            java.nio.file.Files.writeString(f, batch);
            ns.exec("ip", "-batch", f.toString());
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }
}
