package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * Families the built-in specs lacked: nfnetlink log, queue, acct, cttimeout and cthelper on what
 * this kernel answered (tools/capture-kernel-samples.sh), a logged packet laid out as
 * net/netfilter/nfnetlink_log.c __build_packet_message writes it (this kernel logged none inside
 * the namespace), and generic netlink fou, team and Open vSwitch vports as their kernel fill
 * functions write replies (this kernel has none of them).
 */
class NewFamiliesTest {
    private static List<DecodedMessage> sample(String name) throws Exception {
        return Decodes.file(Samples.project().resolve(name + ".strace.txt"));
    }

    private static Node first(List<DecodedMessage> ms, String name) {
        List<Node> found = Decodes.named(ms, name);
        assertFalse(found.isEmpty(), name);
        return found.get(0);
    }

    @Test
    void logAndQueueConfigurationIsDecoded() throws Exception {
        List<DecodedMessage> log = sample("kernel-nflog");
        assertEquals("NFULNL_CFG_CMD_BIND (1)", first(log, "command").display());
        assertEquals("NFULNL_COPY_PACKET (2)", first(log, "copy_mode").display());
        assertEquals(List.of(), Decodes.problems(log));
        List<DecodedMessage> queue = sample("kernel-nfqueue");
        assertTrue(queue.stream().anyMatch(m -> "NFQNL_MSG_CONFIG".equals(m.typeName())));
        assertEquals(0xffffL, first(queue, "copy_range").value());
        assertEquals(List.of(), Decodes.problems(queue));
    }

    @Test
    void accountingObjectsAndTimeoutPoliciesAreDecoded() throws Exception {
        List<DecodedMessage> acct = sample("kernel-nfacct");
        assertEquals("nlwb-acct", first(acct, "NFACCT_NAME").value());
        assertFalse(Decodes.named(acct, "NFACCT_PKTS").isEmpty());
        assertEquals(List.of(), Decodes.problems(acct));
        List<DecodedMessage> timeout = sample("kernel-nfct-timeout");
        assertEquals("nlwb-t", first(timeout, "CTA_TIMEOUT_NAME").value());
        assertEquals(100L, first(timeout, "CTA_TIMEOUT_TCP_ESTABLISHED").value());
        assertEquals(10L, first(timeout, "CTA_TIMEOUT_TCP_CLOSE").value());
        assertEquals(List.of(), Decodes.problems(timeout));
        List<DecodedMessage> helper = sample("kernel-nfct-helper");
        assertEquals("nlwb-h", first(helper, "NFCTH_NAME").value());
        assertEquals(List.of(), Decodes.problems(helper));
    }

    @Test
    void aLoggedPacketCarriesItsHeaderPrefixAndPayload() {
        byte[] ip = new byte[20];
        ip[0] = 0x45;
        NlBuilder body = new NlBuilder().u8(2).u8(0).u16(0x0500)                        // nfgenmsg: AF_INET, v0, group 5 (be)
                .attr(1, new byte[] {0x08, 0x00, 3, 0})                                // NFULA_PACKET_HDR: ETH_P_IP, NF_INET_LOCAL_OUT
                .attr(10, "nlwb: \0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) // NFULA_PREFIX
                .attr(5, new byte[] {0, 0, 0, 1})                                      // NFULA_IFINDEX_OUTDEV (be)
                .attr(9, ip);                                                          // NFULA_PAYLOAD
        DecodedMessage m = Decodes.bytes(Protocol.NETFILTER, Direction.FROM_KERNEL, NlBuilder.message(0x400, 0, 0, 0, body));
        assertEquals("NFULNL_MSG_PACKET", m.typeName());
        assertEquals(3L, Decodes.named(m, "hook").get(0).value());
        assertEquals("nlwb: ", Decodes.named(m, "NFULA_PREFIX").get(0).value());
        assertEquals(1L, Decodes.named(m, "NFULA_IFINDEX_OUTDEV").get(0).value());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    @Test
    void aFouReplyIsDecodedOnceTheFamilyIdIsKnown() {
        NlBuilder fou = new NlBuilder().u8(3).u8(1).u16(0)
                .attr(1, new byte[] {0x15, (byte) 0xb3})                               // FOU_ATTR_PORT 5555 (be)
                .attr(2, new byte[] {2})                                              // FOU_ATTR_AF AF_INET
                .attr(3, new byte[] {4})                                              // FOU_ATTR_IPPROTO IPPROTO_IPIP
                .attr(4, new byte[] {1});                                             // FOU_ATTR_TYPE FOU_ENCAP_DIRECT
        DecodedMessage m = genl("fou", fou);
        assertEquals("FOU_CMD_GET", m.typeName());
        assertEquals(5555L, Decodes.named(m, "FOU_ATTR_PORT").get(0).value());
        assertEquals("FOU_ENCAP_DIRECT (1)", Decodes.named(m, "FOU_ATTR_TYPE").get(0).display());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    /** A team's port list as drivers/net/team/team_nl.c team_nl_fill_one_port_get writes it (no team here). */
    @Test
    void aTeamPortListIsDecoded() {
        NlBuilder port = new NlBuilder().attrU32(1, 7).attr(3, new byte[0]).attrU32(4, 10000).attr(5, new byte[] {1});
        NlBuilder team = new NlBuilder().u8(3).u8(1).u16(0).attrU32(1, 9)
                .attr(3 | 0x8000, new NlBuilder().attr(1 | 0x8000, port));           // LIST_PORT > ITEM_PORT > port
        DecodedMessage m = genl("team", team);
        assertEquals("TEAM_CMD_PORT_LIST_GET", m.typeName());
        assertEquals(10000L, Decodes.named(m, "TEAM_ATTR_PORT_SPEED").get(0).value());
        assertEquals(Boolean.TRUE, Decodes.named(m, "TEAM_ATTR_PORT_LINKUP").get(0).value());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    /** An Open vSwitch vport as net/openvswitch/datapath.c ovs_vport_cmd_fill_info writes it (no OVS here). */
    @Test
    void anOvsVportIsDecodedWithItsUpcallStats() {
        NlBuilder stats = new NlBuilder().attr(0, new NlBuilder().u32(5).u32(0).toBytes()).attr(1, new NlBuilder().u32(1).u32(0).toBytes());
        NlBuilder vport = new NlBuilder().u8(1).u8(2).u16(0).u32(3)                   // genlmsghdr, ovs_header dp_ifindex 3
                .attrU32(1, 2).attrU32(2, 1).attrString(3, "vethA")                   // PORT_NO, TYPE netdev, NAME
                .attr(10 | 0x8000, stats);                                            // UPCALL_STATS
        DecodedMessage m = genl("ovs_vport", vport);
        assertEquals("OVS_VPORT_CMD_NEW", m.typeName());
        assertEquals("OVS_VPORT_TYPE_NETDEV (1)", Decodes.named(m, "OVS_VPORT_ATTR_TYPE").get(0).display());
        assertEquals(5L, Decodes.named(m, "OVS_VPORT_UPCALL_ATTR_SUCCESS").get(0).value());
        assertEquals(3L, Decodes.named(m, "dp_ifindex").get(0).value());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    /** {@code body} (genlmsghdr onwards) as a reply of generic netlink family {@code name}, id 0x20, after the CTRL reply naming it. */
    private static DecodedMessage genl(String name, NlBuilder body) {
        NlBuilder ctrl = new NlBuilder().u8(1).u8(2).u16(0).attrU16(1, 0x20).attrString(2, name);
        org.nlwb.decoder.model.Capture c = new org.nlwb.decoder.model.Capture("crafted", "test");
        c.append(new org.nlwb.decoder.model.Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "1",
                org.nlwb.decoder.bytes.ByteView.of(NlBuilder.message(0x10, 0, 1, 0, ctrl))));
        c.append(new org.nlwb.decoder.model.Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "2",
                org.nlwb.decoder.bytes.ByteView.of(NlBuilder.message(0x20, 0, 2, 0, body))));
        return Decodes.DECODER.decode(c.message(1), org.nlwb.decoder.decode.Conversations.of(c).apply(1));
    }
}
