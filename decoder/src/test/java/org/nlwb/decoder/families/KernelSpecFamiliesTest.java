package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.NlBuilder;

/**
 * Generic netlink families the kernel's YNL specs describe and the 6.1 headers lack in part or
 * altogether (netdev, dpll, handshake: their headers came with 6.3, 6.7 and 6.5), drafted by
 * tools/specgen/draft.py. None of them answers on this machine (no dpll device, no handshake
 * agent, no OVS datapath, netdev's family is there but sends nothing a veth has not: its
 * DEV_GET reply is laid out here as net/core/netdev-genl.c netdev_nl_dev_fill writes it), so each
 * reply is laid out from the kernel's fill function.
 */
class KernelSpecFamiliesTest {
    private static final int NESTED = 0x8000;

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    /** {@code body} (genlmsghdr onwards) from the kernel as family {@code name}, id 0x21, named by the capture's CTRL reply. */
    private static DecodedMessage genl(String name, NlBuilder body) {
        NlBuilder ctrl = new NlBuilder().u8(1).u8(2).u16(0).attrU16(1, 0x21).attrString(2, name);
        Capture c = new Capture("crafted", "test");
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "1",
                ByteView.of(NlBuilder.message(0x10, 0, 1, 0, ctrl))));
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "2",
                ByteView.of(NlBuilder.message(0x21, 0, 2, 0, body))));
        DecodedMessage m = Decodes.DECODER.decode(c.message(1), Conversations.of(c).apply(1));
        assertEquals(name, m.className());
        assertEquals(List.of(), Decodes.problems(List.of(m)), name);
        return m;
    }

    @Test
    void aNetdevDeviceCarriesItsXdpFeatures() {
        // netdev_nl_dev_fill: IFINDEX, then the u64 feature masks (with their PAD), XDP_ZC_MAX_SEGS
        NlBuilder dev = new NlBuilder().u8(1).u8(1).u16(0).attrU32(1, 2)
                .attr(3, u64(0x7)).attr(5, u64(0)).attr(6, u64(0)).attrU32(4, 1);
        DecodedMessage m = genl("netdev", dev);
        assertEquals("NETDEV_CMD_DEV_GET", m.typeName());
        assertEquals(2L, Decodes.named(m, "NETDEV_A_DEV_IFINDEX").get(0).value());
        assertTrue(Decodes.named(m, "NETDEV_A_DEV_XDP_FEATURES").get(0).display().contains("BASIC"),
                Decodes.named(m, "NETDEV_A_DEV_XDP_FEATURES").get(0).display());
    }

    @Test
    void aDpllPinIsReadWithItsLabelsAndType() {
        // dpll_cmd_pin_get_one: ID, MODULE_NAME, CLOCK_ID (u64 with PAD), BOARD_LABEL, TYPE
        NlBuilder pin = new NlBuilder().u8(8).u8(1).u16(0).attrU32(1, 7).attrString(3, "ice")
                .attr(5, u64(0x1122334455667788L)).attrString(6, "SMA1").attrU32(9, 2);
        DecodedMessage m = genl("dpll", pin);
        assertEquals("DPLL_CMD_PIN_GET", m.typeName());
        assertEquals(7L, Decodes.named(m, "DPLL_A_PIN_ID").get(0).value());
        assertEquals("SMA1", Decodes.named(m, "DPLL_A_PIN_BOARD_LABEL").get(0).value());
        assertEquals("DPLL_PIN_TYPE_SYNCE_ETH_PORT (2)", Decodes.named(m, "DPLL_A_PIN_TYPE").get(0).display());
    }

    @Test
    void aHandshakeAcceptNamesItsSocketAndPeer() {
        // handshake_nl_accept_doit / tls_handshake_accept: SOCKFD, MESSAGE_TYPE, TIMEOUT, AUTH_MODE, PEERNAME
        NlBuilder accept = new NlBuilder().u8(2).u8(1).u16(0).attrU32(1, 9).attrU32(3, 1).attrU32(4, 5000)
                .attrU32(5, 2).attrString(8, "nfs.example");
        DecodedMessage m = genl("handshake", accept);
        assertEquals("HANDSHAKE_CMD_ACCEPT", m.typeName());
        assertEquals(9L, Decodes.named(m, "HANDSHAKE_A_ACCEPT_SOCKFD").get(0).value());
        assertEquals("nfs.example", Decodes.named(m, "HANDSHAKE_A_ACCEPT_PEERNAME").get(0).value());
    }

    @Test
    void anOvsFlowCarriesItsKeyAndStatistics() {
        // ovs_flow_cmd_fill_info: ovs_header, KEY (IN_PORT, ETHERNET), STATS (struct ovs_flow_stats), USED
        byte[] eth = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2};
        NlBuilder flow = new NlBuilder().u8(1).u8(1).u16(0).u32(3)
                .attr(1 | NESTED, new NlBuilder().attrU32(3, 1).attr(4, eth))
                .attr(3, new NlBuilder().bytes(u64(10)).bytes(u64(980)).toBytes())
                .attr(5, u64(123456));
        DecodedMessage m = genl("ovs_flow", flow);
        assertEquals("OVS_FLOW_CMD_NEW", m.typeName());
        assertEquals(3L, Decodes.named(m, "dp_ifindex").get(0).value());
        assertEquals(1L, Decodes.named(m, "OVS_KEY_ATTR_IN_PORT").get(0).value());
        assertEquals(980L, Decodes.named(m, "n_bytes").get(0).value());
        assertEquals("02:00:00:00:00:01", Decodes.named(m, "eth_src").get(0).display());
    }

    @Test
    void anOvsPacketUpcallIsDecoded() {
        // queue_userspace_packet: ovs_header, PACKET (the frame), KEY, USERDATA
        NlBuilder packet = new NlBuilder().u8(1).u8(1).u16(0).u32(3)
                .attr(1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})
                .attr(2 | NESTED, new NlBuilder().attrU32(3, 1)).attr(4, new byte[] {1, 2, 3, 4});
        DecodedMessage m = genl("ovs_packet", packet);
        assertEquals("OVS_PACKET_CMD_MISS", m.typeName());
        assertEquals(1, Decodes.named(m, "OVS_PACKET_ATTR_USERDATA").size());
    }
}
