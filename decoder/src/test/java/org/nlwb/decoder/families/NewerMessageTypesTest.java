package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * Message types the 6.1-based specs did not know, on what this 6.18 kernel sent
 * (tools/capture-kernel-samples.sh): tc actions, neighbour tables, IPv6 prefixes, nftables
 * objects and flowtables, and every ethtool request, reply and notification, *_SET and *_NTF
 * included. Every message of these conversations decodes with no unknown or malformed node.
 */
class NewerMessageTypesTest {
    private static List<DecodedMessage> sample(String name) throws Exception {
        return Decodes.file(Samples.project().resolve(name + ".strace.txt"));
    }

    private static Set<String> types(List<DecodedMessage> ms) {
        return ms.stream().map(DecodedMessage::typeName).collect(Collectors.toSet());
    }

    private static Node first(List<DecodedMessage> ms, String name) {
        List<Node> found = Decodes.named(ms, name);
        assertFalse(found.isEmpty(), name);
        return found.get(0);
    }

    @Test
    void tcActionsAreListedWithTheirKindAndParameters() throws Exception {
        List<DecodedMessage> ls = sample("kernel-tc-actions-ls");
        // the kernel answers an RTM_GETACTION dump with messages typed RTM_GETACTION (tca_action_gd)
        assertTrue(types(ls).contains("RTM_GETACTION"), types(ls).toString());
        assertEquals(2, ls.stream().filter(m -> "RTM_GETACTION".equals(m.typeName())).count());
        assertEquals("mirred", first(ls, "TCA_ACT_KIND").value());
        assertEquals(5L, first(ls, "index").value());
        assertEquals("TCA_EGRESS_REDIR (1)", first(ls, "eaction").display());
        assertEquals(1L, first(ls, "TCA_ROOT_COUNT").value());
        assertEquals(List.of(), Decodes.problems(ls));
        List<DecodedMessage> add = sample("kernel-tc-actions-add");
        assertTrue(types(add).contains("RTM_NEWACTION"));
        assertEquals(List.of(), Decodes.problems(add));
    }

    @Test
    void aFiltersActionListHoldsTheSameActions() throws Exception {
        List<DecodedMessage> ms = sample("kernel-tc-filter-actions");
        Node act = first(ms, "TCA_U32_ACT");
        List<Node> kinds = Decodes.named(List.of(ms.stream().filter(m -> !Decodes.named(m, "TCA_U32_ACT").isEmpty())
                .findFirst().orElseThrow()), "TCA_ACT_KIND");
        assertEquals("mirred", kinds.get(0).value());
        assertFalse(Decodes.named(ms, "TCA_MIRRED_PARMS").isEmpty(), act.toString());
        assertEquals(List.of(), Decodes.problems(ms));
    }

    @Test
    void neighbourTablesAndPrefixNotificationsAreDecoded() throws Exception {
        List<DecodedMessage> nt = sample("kernel-ip-ntable-show");
        assertTrue(types(nt).containsAll(List.of("RTM_GETNEIGHTBL", "RTM_NEWNEIGHTBL")), types(nt).toString());
        assertEquals("arp_cache", first(nt, "NDTA_NAME").value());
        assertFalse(Decodes.named(nt, "NDTPA_BASE_REACHABLE_TIME").isEmpty());
        assertFalse(Decodes.named(nt, "ndtc_key_len").isEmpty());
        assertEquals(List.of(), Decodes.problems(nt));
        List<DecodedMessage> px = sample("kernel-ip-monitor-prefix");
        assertTrue(types(px).contains("RTM_NEWPREFIX"), types(px).toString());
        assertEquals("2001:db8:7::", first(px, "PREFIX_ADDRESS").value());
        assertEquals(64L, first(px, "prefix_len").value());
        assertEquals(List.of(), Decodes.problems(px));
    }

    @Test
    void nftablesObjectsCarryTheirDataByType() throws Exception {
        List<DecodedMessage> ls = sample("kernel-nft-list-ruleset");
        assertTrue(types(ls).containsAll(List.of("NFT_MSG_GETOBJ", "NFT_MSG_NEWOBJ", "NFT_MSG_GETFLOWTABLE")),
                types(ls).toString());
        assertEquals(List.of("NFT_OBJECT_COUNTER (1)", "NFT_OBJECT_LIMIT (4)", "NFT_OBJECT_QUOTA (2)"),
                Decodes.named(ls, "NFTA_OBJ_TYPE").stream().map(Node::display).sorted().toList());
        assertEquals(104857600L, first(ls, "NFTA_QUOTA_BYTES").value());
        assertEquals(10L, ((Number) first(ls, "NFTA_LIMIT_RATE").value()).longValue());
        assertEquals(List.of(), Decodes.problems(ls));
        List<DecodedMessage> add = sample("kernel-nft-add-objects");
        assertEquals(3, add.stream().filter(m -> "NFT_MSG_NEWOBJ".equals(m.typeName())).count());
        assertEquals(List.of(), Decodes.problems(add));
    }

    @Test
    void everyEthtoolRequestReplyAndNotificationIsNamedByItsDirection() throws Exception {
        List<DecodedMessage> show = sample("kernel-ethtool-show");
        assertTrue(types(show).containsAll(List.of("ETHTOOL_MSG_FEC_GET", "ETHTOOL_MSG_PRIVFLAGS_GET", "ETHTOOL_MSG_TSINFO_GET",
                "ETHTOOL_MSG_TSINFO_GET_REPLY", "ETHTOOL_MSG_CHANNELS_GET_REPLY", "ETHTOOL_MSG_MODULE_EEPROM_GET",
                "ETHTOOL_MSG_TUNNEL_INFO_GET", "ETHTOOL_MSG_EEE_GET", "ETHTOOL_MSG_PAUSE_GET")), types(show).toString());
        assertEquals(List.of(), Decodes.problems(show));
        List<DecodedMessage> set = sample("kernel-ethtool-set-ntf");
        assertTrue(types(set).containsAll(List.of("ETHTOOL_MSG_FEATURES_SET", "ETHTOOL_MSG_FEATURES_SET_REPLY",
                "ETHTOOL_MSG_CHANNELS_SET", "ETHTOOL_MSG_DEBUG_SET", "ETHTOOL_MSG_PRIVFLAGS_SET")), types(set).toString());
        assertEquals(List.of(), Decodes.problems(set));
    }

    /** ipset list replies: each entry's counters and comment, numbered after IPSET_ATTR_CADT_MAX. */
    @Test
    void ipsetListEntriesCarryTheirCountersAndComment() throws Exception {
        List<DecodedMessage> ms = sample("kernel-ipset-list");
        assertEquals(180L, first(ms, "IPSET_ATTR_BYTES").value());
        assertEquals(3L, first(ms, "IPSET_ATTR_PACKETS").value());
        assertEquals("seven", first(ms, "IPSET_ATTR_COMMENT").value());
        assertEquals(List.of(), Decodes.problems(ms));
    }

    /** conntrack -L: the TCP protoinfo's state and flag/mask pairs read as IP_CT_TCP_FLAG_* bits. */
    @Test
    void conntrackTcpProtoinfoShowsStateAndFlagPairs() throws Exception {
        List<DecodedMessage> ms = sample("kernel-conntrack-list");
        assertEquals("TCP_CONNTRACK_ESTABLISHED (3)", first(ms, "CTA_PROTOINFO_TCP_STATE").display());
        Node flags = first(ms, "CTA_PROTOINFO_TCP_FLAGS_ORIGINAL");
        assertTrue(flags.child("flags").display().contains("IP_CT_TCP_FLAG_SACK_PERM"), flags.child("flags").display());
        assertEquals(0L, flags.child("mask").value());
        assertEquals(List.of(), Decodes.problems(ms));
    }

    /**
     * pfifo_fast: tc_prio_qopt's priomap[TC_PRIO_MAX + 1] is 16 bytes (net/sched/sch_generic.c
     * pfifo_fast_dump puts bands 3 and the default priomap; no pfifo_fast qdisc on this kernel's veths).
     */
    @Test
    void thePfifoFastPriomapIsItsSixteenBytes() {
        byte[] prio = {1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(0).u32(2).u32(0).u32(0xffffffffL).u32(2)   // tcmsg
                .attrString(1, "pfifo_fast").attr(2, new NlBuilder().u32(3).bytes(prio));
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(36, 2, 1, 0, body));
        Node q = first(List.of(m), "tc_prio_qopt");
        assertEquals(3L, q.child("bands").value());
        assertEquals(16, q.child("priomap").length());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }
}
