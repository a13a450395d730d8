package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;
import org.nlwb.decoder.ynl.AttrSetSpec;

/**
 * Real conversations recorded by tools/capture-family-samples.sh in throwaway namespaces (link
 * kinds, tc, routes, rules, neighbours, netconf, XFRM policies, sock_diag for TCP/unix/netlink):
 * every message tiles, its class is the family that owns it, every attribute has a name (the specs
 * follow the kernel that answered, not only the 6.1 headers), and the
 * nodes the capture is about are there with their values.
 */
class CapturedFamiliesTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    /** file → nodes that must appear ("NAME" or "NAME=value"), found anywhere in the conversation. */
    private static final Map<String, List<String>> EXPECT = new TreeMap<>(Map.ofEntries(
            Map.entry("ip-d-link-show-kinds", List.of("IFLA_INFO_KIND=vxlan", "IFLA_VXLAN_ID=42", "IFLA_VXLAN_PORT=4789",
                    "IFLA_VXLAN_LOCAL=10.1.0.1", "IFLA_INFO_KIND=bridge", "IFLA_BR_STP_STATE", "IFLA_INFO_KIND=macvlan",
                    "IFLA_MACVLAN_MODE", "IFLA_INFO_SLAVE_KIND=bridge", "IFLA_BRPORT_STATE", "IFLA_INFO_KIND=veth",
                    "IFLA_STATS64", "IFLA_AF_SPEC", "IFLA_INET6_ADDR_GEN_MODE", "IFLA_XDP", "IFLA_XDP_ATTACHED")),
            Map.entry("tc-s-qdisc-show", List.of("TCA_KIND=htb", "TCA_HTB_INIT", "TCA_STATS2", "TCA_STATS_BASIC",
                    "TCA_STATS_QUEUE", "TCA_KIND=clsact", "TCA_STATS")),
            Map.entry("tc-class-show", List.of("TCA_KIND=htb", "TCA_HTB_PARMS", "TCA_STATS2", "TCA_XSTATS")),
            Map.entry("ip-route-show-table-all", List.of("RTA_TABLE", "RTA_METRICS", "RTAX_MTU=1400", "RTAX_LOCK",
                    "RTA_GATEWAY=10.1.0.2", "RTA_PRIORITY=5", "RTA_CACHEINFO")),
            Map.entry("ip-rule-show", List.of("FRA_TABLE=100", "FRA_PRIORITY=100", "FRA_SRC=10.1.0.0", "FRA_PROTOCOL")),
            Map.entry("ip-neigh-show", List.of("NDA_DST=10.1.0.2", "NDA_LLADDR", "NDA_CACHEINFO", "NDA_PROBES")),
            Map.entry("ip-netconf-show", List.of("NETCONFA_IFINDEX", "NETCONFA_FORWARDING", "NETCONFA_RP_FILTER")),
            Map.entry("ip-xfrm-policy-add", List.of("xfrm_userpolicy_info", "XFRMA_TMPL")),
            Map.entry("ip-xfrm-policy-list", List.of("xfrm_userpolicy_info", "XFRMA_TMPL")),
            Map.entry("ip-xfrm-state-add", List.of("xfrm_usersa_info", "XFRMA_ALG_AUTH", "XFRMA_ALG_CRYPT")),
            Map.entry("ip-xfrm-state-list", List.of("xfrm_usersa_id")),
            Map.entry("ss-tin-listen", List.of("inet_diag_msg", "INET_DIAG_INFO", "tcpi_rtt", "INET_DIAG_CONG", "INET_DIAG_SOCKOPT",
                    "idiag_sport=5555")),
            Map.entry("ss-xa-listen", List.of("unix_diag_msg", "UNIX_DIAG_NAME", "UNIX_DIAG_RQLEN")),
            Map.entry("ip-nexthop-show", List.of("NHA_ID=1", "NHA_GATEWAY=10.1.0.2", "NHA_OIF")),
            Map.entry("ip-link-add-vxlan", List.of("IFLA_INFO_KIND=vxlan", "IFLA_VXLAN_ID=7", "IFLA_VXLAN_GROUP=10.1.0.9",
                    "IFLA_VXLAN_PORT=4789")),
            Map.entry("ip-link-add-macvlan", List.of("IFLA_INFO_KIND=macvlan", "IFLA_MACVLAN_MODE=1")),
            Map.entry("bridge-vlan-show", List.of("IFLA_AF_SPEC", "IFLA_EXT_MASK")),
            Map.entry("bridge-fdb-show", List.of("NDA_LLADDR", "NDA_MASTER")),
            // this kernel has no devlink: the lookup by name ends in -ENOENT
            Map.entry("devlink-dev-show", List.of("CTRL_ATTR_FAMILY_NAME=devlink", "error")),
            Map.entry("genl-ctrl-getpolicy", List.of("CTRL_ATTR_OP_POLICY", "CTRL_ATTR_POLICY_DO", "CTRL_ATTR_POLICY",
                    "NL_POLICY_TYPE_ATTR_TYPE", "NL_POLICY_TYPE_ATTR_MAX_LENGTH=15")),
            Map.entry("genl-ethtool-vethA", List.of("ETHTOOL_A_HEADER_DEV_NAME=vethA", "ETHTOOL_A_LINKSTATE_LINK=1",
                    "ETHTOOL_A_BITSET_BIT_NAME=tx-scatter-gather", "ETHTOOL_A_CHANNELS_HEADER", "ETHTOOL_A_RINGS_HEADER")),
            Map.entry("ip-mptcp-limits-show", List.of("MPTCP_PM_ATTR_SUBFLOWS", "MPTCP_PM_ATTR_RCV_ADD_ADDRS")),
            Map.entry("ip-tcp-metrics-show", List.of("CTRL_ATTR_FAMILY_NAME=tcp_metrics")),
            Map.entry("ss-f-netlink", List.of("netlink_diag_msg", "ndiag_portid", "ndiag_ino"))));

    @TestFactory
    Stream<DynamicTest> everyCapturedConversationDecodesByItsFamily() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(CapturedFamilies.dir())) {
            s.filter(p -> p.toString().endsWith(".strace.txt")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= EXPECT.size(), "captured conversations: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws Exception {
        Capture c = Loader.standard().load(file, DumpFormat.STRACE, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        List<String> problems = new ArrayList<>();
        List<Node> all = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, conv.apply(ref.index()));
            List<String> v = TreeChecks.violations(m.tree(), ref.length());
            if (!v.isEmpty()) {
                problems.add(ref.index() + " does not tile: " + v);
            }
            if (ref.kind() == org.nlwb.decoder.message.FrameKind.TRAILING) {
                continue; // zero bytes iproute2 sends after its request: no message
            }
            if (m.className() == null) {
                problems.add(ref.index() + " " + m.typeName() + ": no class");
            }
            m.tree().walk(n -> {
                all.add(n);
                // "link-attrs[67]" is an attribute no spec names; "[3]", "[op-id 3]" are array items
                if (n.child("nla_type") != null && (n.name().matches(".+\\[\\d+]") || n.status() == Status.UNKNOWN)) {
                    problems.add(ref.index() + " " + m.typeName() + ": unnamed attribute " + n.name());
                }
            });
        }
        assertEquals(List.of(), problems, file.getFileName().toString());
        String name = file.getFileName().toString().replace(".strace.txt", "");
        for (String want : EXPECT.getOrDefault(name, List.of())) {
            String[] kv = want.split("=", 2);
            boolean found = all.stream().anyMatch(n -> n.name().equals(kv[0])
                    && (kv.length == 1 || String.valueOf(n.value()).equals(kv[1])));
            assertTrue(found, name + ": expected " + want);
        }
    }
}
