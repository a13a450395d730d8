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
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Link attributes and kinds newer than the 6.1 UAPI headers, named by the data's after-headers:
 * what this 6.18 kernel sends for bridges, bridge ports, vxlan and veth, and kinds that cannot be
 * made here (no netkit, macsec, vrf or vti6 in this kernel), laid out as their fill functions write
 * them (drivers/net/netkit.c netkit_fill_info, drivers/net/macsec.c macsec_fill_info,
 * drivers/net/vrf.c vrf_fill_slave_info, net/ipv6/ip6_vti.c vti6_fill_info).
 */
class NewerKernelLinksTest {
    private static final int NESTED = 0x8000;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_LINKINFO = 18;

    @Test
    void theBridgeVxlanAndBridgePortAttributesOf618AreNamed() throws Exception {
        List<DecodedMessage> ms = Decodes.file(CapturedFamilies.dir().resolve("ip-d-link-show-kinds.strace.txt"));
        for (String name : List.of("IFLA_BRPORT_MAB", "IFLA_BRPORT_MCAST_N_GROUPS", "IFLA_BRPORT_MCAST_MAX_GROUPS",
                "IFLA_BRPORT_NEIGH_VLAN_SUPPRESS", "IFLA_BR_FDB_N_LEARNED", "IFLA_BR_FDB_MAX_LEARNED",
                "IFLA_VXLAN_LOCALBYPASS", "IFLA_VXLAN_LABEL_POLICY", "IFLA_VXLAN_RESERVED_BITS")) {
            assertFalse(Decodes.named(ms, name).isEmpty(), name);
        }
        assertEquals(0L, Decodes.named(ms, "IFLA_BR_FDB_N_LEARNED").get(0).value());
        assertEquals(List.of(), Decodes.problems(ms).stream()
                .filter(p -> p.contains("[") && !p.contains("TTL_INHERIT")).toList());
    }

    @Test
    void bridgePortProtinfoUsesTheSameNewerNumbers() throws Exception {
        List<DecodedMessage> ms = Decodes.file(CapturedFamilies.dir().resolve("bridge-vlan-show.strace.txt"));
        Node mab = Decodes.named(ms, "IFLA_BRPORT_MAB").get(0);
        assertEquals(0L, mab.value());
        assertTrue(Decodes.named(ms, "IFLA_PROTINFO").stream().anyMatch(p -> p.children().contains(mab)
                || p.children().stream().anyMatch(c -> c.name().equals("IFLA_BRPORT_NEIGH_VLAN_SUPPRESS"))));
    }

    @Test
    void netkitDataIsDecodedWithItsEnums() {
        NlBuilder data = new NlBuilder()
                .attr(2, new NlBuilder().u8(1).toBytes())        // IFLA_NETKIT_PRIMARY
                .attrU32(3, 0)                                   // IFLA_NETKIT_POLICY: NETKIT_PASS
                .attrU32(4, 2)                                   // IFLA_NETKIT_PEER_POLICY: NETKIT_DROP
                .attrU32(5, 1)                                   // IFLA_NETKIT_MODE: NETKIT_L3
                .attrU32(6, 1)                                   // IFLA_NETKIT_SCRUB: NETKIT_SCRUB_DEFAULT
                .attrU32(7, 0)                                   // IFLA_NETKIT_PEER_SCRUB
                .attrU16(8, 0)                                   // IFLA_NETKIT_HEADROOM
                .attrU16(9, 0);                                  // IFLA_NETKIT_TAILROOM
        DecodedMessage m = link("nk0", "netkit", data, null, null);
        assertEquals("NETKIT_DROP (2)", display(m, "IFLA_NETKIT_PEER_POLICY"));
        assertEquals("NETKIT_L3 (1)", display(m, "IFLA_NETKIT_MODE"));
        assertEquals("NETKIT_SCRUB_DEFAULT (1)", display(m, "IFLA_NETKIT_SCRUB"));
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    @Test
    void macsecDataIsDecoded() {
        NlBuilder data = new NlBuilder()
                .attr(14, new byte[0]).attr(1, new byte[] {2, 0, 0, 0, 0, 1, 0, 1})  // PAD, SCI (MAC + port 1)
                .attr(3, new NlBuilder().u8(16).toBytes())                         // ICV_LEN
                .attr(14, new byte[0]).attr(4, new NlBuilder().u32(0x0080C20001000001L & 0xffffffffL)
                        .u32(0x0080C200L).toBytes())                               // CIPHER_SUITE GCM-AES-128
                .attr(6, new NlBuilder().u8(0).toBytes())                          // ENCODING_SA
                .attr(7, new NlBuilder().u8(1).toBytes())                          // ENCRYPT
                .attr(13, new NlBuilder().u8(2).toBytes())                         // VALIDATION: strict
                .attr(15, new NlBuilder().u8(0).toBytes());                        // OFFLOAD: off
        DecodedMessage m = link("macsec0", "macsec", data, null, null);
        assertEquals("0x200000000010001", "0x" + Long.toHexString((Long) Decodes.named(m, "IFLA_MACSEC_SCI").get(0).value()));
        assertEquals("MACSEC_VALIDATE_STRICT (2)", display(m, "IFLA_MACSEC_VALIDATION"));
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    @Test
    void vrfPortAndVti6AreDecoded() {
        DecodedMessage port = link("v0", null, null, "vrf", new NlBuilder().attrU32(1, 10));
        assertEquals(10L, Decodes.named(port, "IFLA_VRF_PORT_TABLE").get(0).value());
        byte[] local = new byte[16];
        local[0] = 0x20;
        local[1] = 0x01;
        local[15] = 1;
        DecodedMessage vti6 = link("vti6a", "vti6", new NlBuilder().attrU32(1, 0).attr(4, local), null, null);
        assertEquals("2001::1", display(vti6, "IFLA_VTI_LOCAL"));
        assertEquals(List.of(), Decodes.problems(List.of(port, vti6)));
    }

    private static String display(DecodedMessage m, String name) {
        return Decodes.named(m, name).get(0).display();
    }

    /** An RTM_NEWLINK notification for a link of {@code kind}, with IFLA_INFO_DATA / SLAVE_DATA as given. */
    static DecodedMessage link(String ifname, String kind, NlBuilder data, String slaveKind, NlBuilder slaveData) {
        NlBuilder info = new NlBuilder();
        if (kind != null) {
            info.attrString(1, kind).attr(2 | NESTED, data);
        }
        if (slaveKind != null) {
            info.attrString(4, slaveKind).attr(5 | NESTED, slaveData);
        }
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(1).u32(7).u32(0x1043).u32(0)   // ifinfomsg
                .attrString(IFLA_IFNAME, ifname).attr(IFLA_LINKINFO | NESTED, info);
        byte[] msg = NlBuilder.message(16, 0, 0, 0, body);
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, msg);
        assertEquals(List.of(), TreeChecks.violations(m.tree(), msg.length));
        return m;
    }
}
