package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * Statistics blocks a kernel sends, on this 6.18 kernel's replies where it can make them
 * (tools/capture-kernel-samples.sh: a bridge port's and a bridge's extended statistics, htb's
 * class statistics, a logged and a queued packet) and laid out from the kernel's fill functions
 * where it cannot: this kernel has no fq_codel, cake, bond, netdevsim or dpll device, so
 * fq_codel_dump_stats / fq_codel_dump_class_stats, cake_dump_stats, bond_3ad_stats_fill,
 * rtnl_fill_devlink_port and dpll_msg_add_pin_handle are followed byte by byte.
 */
class KernelStatsTest {
    private static final int NESTED = 0x8000;
    private static final int RTM_NEWQDISC = 36;
    private static final int RTM_NEWTCLASS = 40;
    private static final int TCA_KIND = 1;
    private static final int TCA_XSTATS = 4;
    private static final int TCA_STATS2 = 7;
    private static final int TCA_STATS_APP = 4;

    private static List<DecodedMessage> sample(String name) throws Exception {
        return Decodes.file(Samples.project().resolve(name + ".strace.txt"));
    }

    private static Node first(List<DecodedMessage> ms, String name) {
        List<Node> found = Decodes.named(ms, name);
        assertFalse(found.isEmpty(), name);
        return found.get(0);
    }

    private static byte[] u32s(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    /** A tc message of {@code kind} from the kernel: tcmsg (ifindex 2, handle 1:, root) and TCA_KIND, then {@code attrs}. */
    private static DecodedMessage tc(int type, String kind, NlBuilder attrs) {
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(0).u32(2).u32(0x10000).u32(0xffffffffL).u32(1)
                .attrString(TCA_KIND, kind).bytes(attrs.toBytes());
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(type, 0, 0, 0, body));
        assertEquals(List.of(), Decodes.problems(List.of(m)), kind);
        return m;
    }

    @Test
    void aBridgePortsMulticastAndStpStatisticsAreNamedCounters() throws Exception {
        List<DecodedMessage> ms = sample("kernel-bridge-xstats");
        assertEquals(List.of(), Decodes.problems(ms));
        assertFalse(Decodes.named(ms, "IFLA_STATS_LINK_XSTATS_SLAVE").isEmpty(), "the port's block");
        assertFalse(Decodes.named(ms, "IFLA_STATS_LINK_XSTATS").isEmpty(), "the bridge's block");
        Node mcast = first(ms, "BRIDGE_XSTATS_MCAST");
        assertEquals(30, mcast.children().stream().filter(n -> n.name().matches(".*_(rx|tx|errors)")).count(),
                "br_mcast_stats: 14 rx/tx pairs and two parse-error counters");
        assertEquals(0L, first(ms, "igmp_v2queries_tx").value());
        assertTrue(first(ms, "BRIDGE_XSTATS_STP").children().stream().anyMatch(n -> n.name().equals("tx_bpdu")));
    }

    @Test
    void htbClassStatisticsComeAsTcHtbXstats() throws Exception {
        List<DecodedMessage> ms = sample("kernel-tc-htb-stats");
        assertEquals(List.of(), Decodes.problems(ms));
        assertTrue(ms.stream().anyMatch(m -> "RTM_NEWTCLASS".equals(m.typeName())));
        assertFalse(Decodes.named(ms, "lends").isEmpty());
        assertFalse(Decodes.named(ms, "ctokens").isEmpty());
    }

    @Test
    void aRealLoggedAndQueuedPacketCarryTheirPayload() throws Exception {
        List<DecodedMessage> log = sample("kernel-nflog-packet");
        assertEquals(List.of(), Decodes.problems(log));
        assertTrue(log.stream().anyMatch(m -> "NFULNL_MSG_PACKET".equals(m.typeName())));
        assertEquals(32, first(log, "NFULA_PAYLOAD").length() - 4, "a 32-byte IPv4/UDP datagram after its attribute header");
        List<DecodedMessage> queue = sample("kernel-nfqueue-packet");
        assertEquals(List.of(), Decodes.problems(queue));
        assertTrue(queue.stream().anyMatch(m -> "NFQNL_MSG_PACKET".equals(m.typeName())));
        assertTrue(queue.stream().anyMatch(m -> "NFQNL_MSG_VERDICT".equals(m.typeName())));
        assertFalse(Decodes.named(queue, "NFQA_PAYLOAD").isEmpty());
    }

    @Test
    void fqCodelQdiscStatisticsAreReadByTheirType() {
        // fq_codel_dump_stats: struct tc_fq_codel_xstats with type TCA_FQ_CODEL_XSTATS_QDISC, as TCA_STATS_APP
        byte[] xstats = u32s(0, 1514, 2, 3, 40, 1, 0, 5, 4096, 0);
        DecodedMessage m = tc(RTM_NEWQDISC, "fq_codel", new NlBuilder()
                .attr(TCA_STATS2 | NESTED, new NlBuilder().attr(TCA_STATS_APP, xstats)).attr(TCA_XSTATS, xstats));
        assertEquals("TCA_FQ_CODEL_XSTATS_QDISC (0)", Decodes.named(m, "type").get(0).display());
        assertEquals(2, Decodes.named(m, "qdisc_stats").size(), "TCA_STATS_APP and the legacy TCA_XSTATS");
        assertEquals(1514L, Decodes.named(m, "maxpacket").get(0).value());
        assertEquals(4096L, Decodes.named(m, "memory_usage").get(0).value());
    }

    @Test
    void fqCodelFlowStatisticsLeaveTheUnionsTailAsPadding() {
        // fq_codel_dump_class_stats: type TCA_FQ_CODEL_XSTATS_CLASS, the 40-byte struct whole
        byte[] xstats = u32s(1, -300 & 0xffffffffL, 120, 2, 1, 1, 7, 0, 0, 0);
        DecodedMessage m = tc(RTM_NEWTCLASS, "fq_codel", new NlBuilder()
                .attr(TCA_STATS2 | NESTED, new NlBuilder().attr(TCA_STATS_APP, xstats)));
        assertEquals("TCA_FQ_CODEL_XSTATS_CLASS (1)", Decodes.named(m, "type").get(0).display());
        assertEquals(-300L, Decodes.named(m, "deficit").get(0).value());
        assertEquals(7L, Decodes.named(m, "drop_next").get(0).value());
        assertEquals(24, Decodes.named(m, "class_stats").get(0).length());
    }

    @Test
    void otherKindsKeepTheSpecsReadingOfTheSameAttribute() throws Exception {
        // htb goes to the spec's sub-message, not to fq_codel's reading (the codec wraps both attributes)
        assertEquals("htb (20 bytes)", first(sample("kernel-tc-htb-stats"), "TCA_STATS_APP").display());
    }

    @Test
    void cakeStatisticsAreNestedPerTin() {
        // cake_dump_stats: TCA_STATS_APP holds TCA_CAKE_STATS_*, TIN_STATS one nest per tin numbered from 1
        NlBuilder tin = new NlBuilder().attrU32(2, 10).attr(1, new byte[0]).attr(3, u64(1500)).attrU32(14, 5000);
        NlBuilder stats = new NlBuilder().attr(1, new byte[0]).attr(2, u64(12_500_000)).attrU32(3, 4_000_000)
                .attrU32(4, 4096).attr(10 | NESTED, new NlBuilder().attr(1 | NESTED, tin)).attrU32(17, 1);
        DecodedMessage m = tc(RTM_NEWQDISC, "cake", new NlBuilder().attr(TCA_STATS2 | NESTED,
                new NlBuilder().attr(TCA_STATS_APP | NESTED, stats)));
        assertEquals(12_500_000L, Decodes.named(m, "TCA_CAKE_STATS_CAPACITY_ESTIMATE64").get(0).value());
        assertEquals(1L, Decodes.named(m, "TCA_CAKE_STATS_ACTIVE_QUEUES").get(0).value());
        assertEquals(1500L, Decodes.named(m, "TCA_CAKE_TIN_STATS_SENT_BYTES64").get(0).value());
        assertEquals(5000L, Decodes.named(m, "TCA_CAKE_TIN_STATS_INTERVAL_US").get(0).value());
    }

    @Test
    void aLinksDevlinkPortAndDpllPinAreTheirHandles() {
        // rtnl_fill_devlink_port (devlink_nl_port_handle_fill) and dpll_msg_add_pin_handle on a netdevsim port
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(1).u32(7).u32(0x1043).u32(0).attrString(3, "eni0np1")
                .attr(62 | NESTED, new NlBuilder().attrString(1, "netdevsim").attrString(2, "netdevsim1").attrU32(3, 0))
                .attr(65 | NESTED, new NlBuilder().attrU32(1, 7));
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(16, 0, 0, 0, body));
        assertEquals(List.of(), Decodes.problems(List.of(m)));
        assertEquals("netdevsim", Decodes.named(m, "DEVLINK_ATTR_BUS_NAME").get(0).value());
        assertEquals("netdevsim1", Decodes.named(m, "DEVLINK_ATTR_DEV_NAME").get(0).value());
        assertEquals(0L, Decodes.named(m, "DEVLINK_ATTR_PORT_INDEX").get(0).value());
        assertEquals(7L, Decodes.named(m, "DPLL_A_PIN_ID").get(0).value());
    }

    @Test
    void aBondPorts802dot3adCountersAreNumberedFromZero() {
        // bond_fill_linkxstats / bond_3ad_stats_fill: LINK_XSTATS_TYPE_BOND > BOND_XSTATS_3AD > BOND_3AD_STAT_* (u64, from 0)
        NlBuilder ad = new NlBuilder().attr(0, u64(11)).attr(1, u64(12)).attr(9, new byte[0]).attr(8, u64(1));
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(0).u32(4).u32(1 << 2)   // if_stats_msg: LINK_XSTATS_SLAVE
                .attr(3 | NESTED, new NlBuilder().attr(2 | NESTED, new NlBuilder().attr(1 | NESTED, ad)));
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(92, 0, 0, 0, body));
        assertEquals(List.of(), Decodes.problems(List.of(m)));
        assertEquals(11L, Decodes.named(m, "BOND_3AD_STAT_LACPDU_RX").get(0).value());
        assertEquals(12L, Decodes.named(m, "BOND_3AD_STAT_LACPDU_TX").get(0).value());
        assertEquals(1L, Decodes.named(m, "BOND_3AD_STAT_MARKER_UNKNOWN_RX").get(0).value());
    }
}
