package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.testing.Links;
import org.nlwb.capture.testing.Privileges;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;

/** Real sends as root: a named namespace, both kinds of throwaway, batches, errors, notifications. */
class SendSessionTest {
    static final int NLMSGERR_ATTR_MSG = 1;
    static final int NLMSGERR_ATTR_OFFS = 2;

    private static String ipLink(SendSession s) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (s.netnsName().isPresent()) {
            cmd.addAll(List.of("ip", "-n", s.netnsName().get()));
        } else {
            cmd.addAll(List.of("nsenter", "--target", Long.toString(s.agentPid().orElseThrow()), "--net", "ip"));
        }
        cmd.addAll(List.of("-o", "link"));
        return ThrowawayNamespace.run(cmd);
    }

    private static List<ByteView> errors(SendResult r) {
        return r.replyMessages().stream().filter(m -> m.u16le(4) == ControlType.ERROR).toList();
    }

    @Test
    void aVethPairMadeInANamedNamespaceIsAckedAndThere() throws Exception {
        Privileges.assumeRoot();
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test");
             SendSession s = SendSession.open(SendTarget.named(ns.name()))) {
            assertEquals("namespace " + ns.name(), s.where());
            SendResult r = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth("nv0", "nv1")).withFixUp(true));
            assertEquals(SendResult.Ending.COMPLETE, r.ending(), r.note());
            assertEquals(0, r.error());
            assertTrue(ipLink(s).contains("nv0@nv1"), "ip -n " + ns.name() + " link shows the pair");
        }
    }

    @ParameterizedTest(name = "made by {0}")
    @EnumSource(value = SendTarget.Making.class, names = {"IP_NETNS", "AGENT"})
    void aThrowawayNamespaceTakesAVethPairWhileNotificationsArriveAndGoesAtClose(SendTarget.Making making)
            throws Exception {
        Privileges.assumeRoot();
        SendSession s = SendSession.open(SendTarget.throwaway(making));
        try {
            assertEquals(making == SendTarget.Making.IP_NETNS, s.netnsName().isPresent(), s.where());
            SendResult r = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth("tv0", "tv1")).withFixUp(true)
                    .withGroups(List.of(Links.RTNLGRP_LINK)));
            assertTrue(r.succeeded(), r.note());
            assertTrue(ipLink(s).contains("tv0@tv1"), ipLink(s));
            List<ByteView> notified = new ArrayList<>();
            for (Datagram d : r.notifications()) {
                notified.add(ByteView.of(d.bytes()));
            }
            assertTrue(Links.names(notified).containsAll(List.of("tv0", "tv1")), "RTNLGRP_LINK told of both ends: "
                    + Links.names(notified));
            Record first = r.records().get(0);
            assertEquals(Direction.TO_KERNEL, first.direction());
            assertEquals("send 1: request", first.location());
            assertEquals(1 + r.replies().size() + r.notifications().size(), r.records().size());
            assertTrue(r.records().stream().anyMatch(x -> x.location().equals("send 1: notification")));
            Capture c = r.toCapture("send test");
            assertEquals(r.records().size(), c.recordCount());
            assertTrue(c.message(0).record().bytes().contentEquals(ByteView.of(r.request())));

            SendResult dump = s.send(SendRequest.of(Protocol.ROUTE, Links.dumpLinks()).withFixUp(true));
            assertEquals(SendResult.Ending.COMPLETE, dump.ending(), dump.note());
            assertEquals(List.of("lo", "tv1", "tv0"), Links.names(dump.replyMessages()).stream().sorted(
                    (a, b) -> a.equals("lo") ? -1 : b.equals("lo") ? 1 : b.compareTo(a)).toList(),
                    "the session keeps its namespace across sends");
            List<ByteView> all = dump.replyMessages();
            assertEquals(ControlType.DONE, all.get(all.size() - 1).u16le(4));
        } finally {
            s.close();
        }
        if (making == SendTarget.Making.IP_NETNS) {
            assertFalse(NetNamespace.exists(s.netnsName().orElseThrow()), "removed at close");
        } else {
            assertFalse(ProcessHandle.of(s.agentPid().orElseThrow()).map(ProcessHandle::isAlive).orElse(false),
                    "the agent ended at close");
        }
    }

    @Test
    void anNftablesBatchGetsTheAckOfEveryMessageThatAskedAndTheTableExists() throws Exception {
        Privileges.assumeRoot();
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            SendResult r = s.send(SendRequest.batch(Protocol.NETFILTER, List.of(
                    Nftables.batchMark(Nftables.NFNL_MSG_BATCH_BEGIN, NlFlags.REQUEST),
                    Nftables.newTable("nlwb"),
                    Nftables.batchMark(Nftables.NFNL_MSG_BATCH_END, NlFlags.REQUEST | NlFlags.ACK))).withFixUp(true));
            assertEquals(SendResult.Ending.COMPLETE, r.ending(), r.note());
            ByteView sent = ByteView.of(r.request());
            long newTableSeq = sent.u32le(20 + 8);
            long endSeq = sent.u32le(20 + 32 + 8);
            List<Long> acked = new ArrayList<>();
            for (ByteView e : errors(r)) {
                assertEquals(0, e.s32le(16), "an ACK, not an error");
                acked.add(e.u32le(8));
            }
            assertEquals(List.of(newTableSeq, endSeq), acked, "NEWTABLE's ACK, then BATCH_END's");

            SendResult tables = s.send(SendRequest.of(Protocol.NETFILTER, Nftables.dumpTables()).withFixUp(true));
            assertEquals(SendResult.Ending.COMPLETE, tables.ending(), tables.note());
            assertTrue(tables.replyMessages().stream().anyMatch(m -> m.u16le(4) == Nftables.NFT_MSG_NEWTABLE
                    && new String(m.toArray(), StandardCharsets.ISO_8859_1).contains("nlwb\0")), "the dump lists table nlwb");
        }
    }

    @Test
    void aBadAttributeGetsAnExtAckErrorWhoseOffsetPointsAtIt() throws Exception {
        Privileges.assumeRoot();
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            // RTM_NEWLINK of lo with IFLA_MTU as 2 bytes: its policy is a u32
            byte[] req = MessageWriter.message(Links.RTM_NEWLINK, NlFlags.REQUEST | NlFlags.ACK)
                    .u8(0).u8(0).u16(0).u32(1).u32(0).u32(0)
                    .attrU16(Links.IFLA_MTU, 1280).build();
            SendResult r = s.send(SendRequest.of(Protocol.ROUTE, req).withFixUp(true));
            assertEquals(SendResult.Ending.COMPLETE, r.ending(), r.note());
            assertNotEquals(0, r.error());
            ByteView err = errors(r).get(0);
            int flags = err.u16le(6);
            assertTrue((flags & NlFlags.CAPPED) != 0, "NETLINK_CAP_ACK: only the header is echoed");
            assertTrue((flags & NlFlags.ACK_TLVS) != 0, "NETLINK_EXT_ACK: TLVs follow");
            assertEquals(32L, tlvU32(err, 16 + 4 + 16, NLMSGERR_ATTR_OFFS), "OFFS: IFLA_MTU after nlmsghdr and ifinfomsg");
        }
    }

    /** The u32 of TLV {@code type} among the NLMSGERR attributes from {@code off}, or -1. */
    private static long tlvU32(ByteView m, int off, int type) {
        int end = (int) m.u32le(0);
        while (off + 4 <= end) {
            int len = m.u16le(off);
            if (len < 4) {
                break;
            }
            if (m.u16le(off + 2) == type && len >= 8) {
                return m.u32le(off + 4);
            }
            off += (len + 3) & ~3;
        }
        return -1;
    }

    @Test
    void withoutFixUpTheBytesGoOutExactlyAsGiven() throws Exception {
        Privileges.assumeRoot();
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            byte[] given = Links.newVeth("xv0", "xv1");
            SendResult raw = s.send(SendRequest.of(Protocol.ROUTE, given));
            assertArrayEquals(given, raw.request());
            assertTrue(raw.succeeded(), raw.note());
            assertEquals(0L, errors(raw).get(0).u32le(8), "the ACK answers seq 0 as sent");

            SendResult fixed = s.send(SendRequest.of(Protocol.ROUTE, Links.dumpLinks()).withFixUp(true));
            ByteView sent = ByteView.of(fixed.request());
            assertNotEquals(0L, sent.u32le(8), "a fresh seq");
            assertNotEquals(0L, sent.u32le(12), "the socket's port id");
            assertEquals(sent.u32le(12), fixed.replyMessages().get(0).u32le(12), "replies go to that port");
        }
    }

    @Test
    void aRequestWithoutAckEndsWithItsReplyWithoutWaitingForTheTimeout() throws Exception {
        Privileges.assumeRoot();
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            byte[] getLo = MessageWriter.message(Links.RTM_GETLINK, NlFlags.REQUEST)
                    .u8(0).u8(0).u16(0).u32(1).u32(0).u32(0).build();
            SendResult r = s.send(SendRequest.of(Protocol.ROUTE, getLo).withFixUp(true).withTimeout(600_000));
            assertEquals(SendResult.Ending.COMPLETE, r.ending(), r.note());
            assertEquals(List.of("lo"), Links.names(r.replyMessages()));
        }
    }

    @Test
    void genericFamiliesAreLookedUpInTheTargetsKernel() throws Exception {
        Privileges.assumeRoot();
        try (SendSession s = SendSession.open(SendTarget.throwaway(SendTarget.Making.AGENT))) {
            GenlLookup ctrl = s.genlFamily("nlctrl");
            assertEquals(0x10, ctrl.family().id());
            assertTrue(ctrl.exchange().records().size() >= 2, "the lookup's request and answer are kept");
            IOException e = assertThrows(IOException.class, () -> s.genlFamily("nlwb-nofam"));
            assertTrue(e.getMessage().contains("ENOENT (the kernel has no such family)"), e.getMessage());
        }
    }

    @Test
    void aCapturedRequestReplayedAsRawBytesIsAnswered() throws Exception {
        Privileges.assumeRoot();
        Capture captured = Loader.standard().load(Path.of("..", "samples", "ip-link-add-veth.strace.txt"), null,
                Protocol.UNKNOWN);
        Record newlink = null;
        for (int i = 0; i < captured.recordCount() && newlink == null; i++) {
            Record r = captured.record(i);
            if (r.direction() == Direction.TO_KERNEL && r.bytes().u16le(4) == Links.RTM_NEWLINK
                    && (r.bytes().u16le(6) & NlFlags.CREATE) != 0) {
                newlink = r;
            }
        }
        assertTrue(newlink != null, "ip link add's RTM_NEWLINK is in the sample");
        try (SendSession s = SendSession.open(SendTarget.throwaway())) {
            SendResult r = s.send(SendRequest.of(newlink.protocol(), newlink.bytes().toArray()).withFixUp(true));
            assertTrue(r.succeeded(), r.note() + " " + r.error());
            assertTrue(ipLink(s).contains("vethA@vethB") || ipLink(s).contains("vethB@vethA"), ipLink(s));
        }
    }

    @Test
    void aNameThatIsAPathIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SendTarget.named("../../proc/self/ns/net"));
        assertEquals("not a network namespace name: '../../proc/self/ns/net' (a name under /var/run/netns, without '/')",
                e.getMessage());
    }

    @Test
    void aMissingNamedNamespaceIsNamed() {
        Privileges.assumeRoot();
        IOException e = assertThrows(IOException.class, () -> SendSession.open(SendTarget.named("nlwb-no-such-ns")));
        assertEquals("no network namespace nlwb-no-such-ns (/var/run/netns/nlwb-no-such-ns)", e.getMessage());
    }
}
