package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;

/**
 * Dispatch by direction and context: one id, three meanings (RTM_NEWLINK is the newlink request,
 * the getlink reply and the newlink notification); sub-messages chosen by a selector decoded
 * earlier; nfnetlink ids carrying the subsystem.
 */
class SpecDispatchTest {
    static Family rtLink() throws Exception {
        var f = SpecLoadKernelSpecsTest.ynl().resolve("rt-link.yaml");
        return SpecLibrary.parse(f.toString(), Files.readAllBytes(f));
    }

    @Test
    void rtmNewlinkIsARequestAReplyOrANotificationByDirectionAndContext() throws Exception {
        Family f = rtLink();
        OpMatch req = OpMatch.find(f, 16, Direction.TO_KERNEL, 0x605, 1);
        assertEquals("newlink", req.op().name());
        assertEquals("do request", req.role());
        assertEquals("RTM_NEWLINK", req.typeName());

        OpMatch dumpReply = OpMatch.find(f, 16, Direction.FROM_KERNEL, 0x2, 77);
        assertEquals("getlink", dumpReply.op().name());
        assertEquals("dump reply", dumpReply.role());
        assertEquals("RTM_NEWLINK", dumpReply.typeName());

        OpMatch doReply = OpMatch.find(f, 16, Direction.FROM_KERNEL, 0, 77);
        assertEquals("getlink", doReply.op().name());
        assertEquals("do reply", doReply.role());

        OpMatch ntf = OpMatch.find(f, 16, Direction.FROM_KERNEL, 0, 0);
        assertEquals("newlink-ntf", ntf.op().name());
        assertEquals("notification", ntf.role());
        assertEquals("RTM_NEWLINK", ntf.typeName());
        assertEquals("id 16 is also the getlink reply; sequence number 0 without NLM_F_MULTI makes this the "
                + "newlink-ntf notification", ntf.note());
        assertEquals("id 16 is also the newlink-ntf notification; NLM_F_MULTI makes this the getlink reply", dumpReply.note());
        assertNull(req.note(), "a request id is no choice");

        OpMatch get = OpMatch.find(f, 18, Direction.TO_KERNEL, 0x301, 5);
        assertEquals("getlink", get.op().name());
        assertEquals("dump request", get.role());
        assertEquals("RTM_GETLINK", get.typeName());

        // no direction from the source: NLM_F_REQUEST decides
        assertEquals("newlink", OpMatch.find(f, 16, Direction.UNKNOWN, 0x1, 0).op().name());
        assertEquals("newlink-ntf", OpMatch.find(f, 16, Direction.UNKNOWN, 0, 0).op().name());
        // the kernel sends no RTM_GETLINK
        assertNull(OpMatch.find(f, 18, Direction.FROM_KERNEL, 0, 0));
    }

    private static DecodedMessage decode(byte[] msg, Direction d, int protocol) {
        Capture c = new Capture("t", "test");
        c.append(new Record(-1, d, protocol, -1, -1, null, "t", ByteView.of(msg)));
        DecodedMessage m = new MessageDecoder(SpecDecodeCapturedTest.KERNEL_SPECS).decode(c.message(0), Conversation.empty());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), msg.length), m.tree().toString());
        return m;
    }

    /** An RTM_NEWLINK notification with IFLA_LINKINFO { IFLA_INFO_KIND kind, IFLA_INFO_DATA { 1: u16 5 } }. */
    private static byte[] linkWithInfo(String kind) {
        NlBuilder ifinfomsg = new NlBuilder().u8(0).u8(0).u16(1).u32(7).u32(0x1003).u32(0);
        NlBuilder linkinfo = new NlBuilder().attrString(1, kind).attr(2, new NlBuilder().attrU16(1, 5));
        return NlBuilder.message(16, 0, 0, 0, ifinfomsg.attrString(3, "v0.5").attr(18, linkinfo));
    }

    @Test
    void aSubMessageTakesItsLayoutFromTheSelectorDecodedBeforeIt() {
        DecodedMessage m = decode(linkWithInfo("vlan"), Direction.FROM_KERNEL, Protocol.ROUTE);
        assertEquals("rt-link", m.className());
        assertEquals("RTM_NEWLINK", m.typeName());
        Node info = m.tree().child("IFLA_LINKINFO");
        assertEquals("vlan", info.child("IFLA_INFO_KIND").value());
        Node data = info.child("IFLA_INFO_DATA");
        assertEquals(Status.OK, data.status());
        assertEquals(5L, data.child("IFLA_VLAN_ID").value());
        assertEquals("IFF_UP|IFF_BROADCAST|IFF_MULTICAST", m.tree().child("ifinfomsg").child("ifi_flags").display());
    }

    @Test
    void aSelectorValueWithoutAFormatLeavesTheBytesUnknownWithAReason() {
        DecodedMessage m = decode(linkWithInfo("nosuchkind"), Direction.FROM_KERNEL, Protocol.ROUTE);
        Node data = m.tree().child("IFLA_LINKINFO").child("IFLA_INFO_DATA");
        assertEquals(Status.UNKNOWN, data.status());
        assertTrue(data.note().contains("no format for IFLA_INFO_KIND = nosuchkind"), data.note());
    }

    @Test
    void nfnetlinkIdsCarryTheSubsystemAndTheNfgenmsgHeaderIsDecoded() {
        // conntrack get, dump: type 0x101 (NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET), nfgenmsg AF_INET v0 res_id 0
        byte[] msg = NlBuilder.message(0x101, 0x301, 3, 0, new NlBuilder().u8(2).u8(0).u8(0).u8(0));
        DecodedMessage m = decode(msg, Direction.TO_KERNEL, Protocol.NETFILTER);
        assertEquals("conntrack", m.className());
        Node h = m.tree().child("nfgenmsg");
        assertNotNull(h, m.tree().toString());
        assertEquals(2L, h.child("nfgen_family").value());
        // nftables' NFT_MSG_NEWTABLE (0xa00) goes to nftables, not conntrack
        byte[] table = NlBuilder.message(0xa00, 0x405, 4, 0, new NlBuilder().u8(1).u8(0).u8(0).u8(0).attrString(1, "filter"));
        DecodedMessage t = decode(table, Direction.TO_KERNEL, Protocol.NETFILTER);
        assertEquals("nftables", t.className());
        // the kernel's nftables.yaml gives table-attrs no name-prefix, so ynl's default prefix applies
        assertEquals("filter", t.tree().child("NFTABLES_A_TABLE_ATTRS_NAME").value());
    }

    @Test
    void nestTypeValueLevelsAreNamedByTheirTypeValues() {
        // CTRL_CMD_GETPOLICY reply: CTRL_ATTR_POLICY { policy 0 { attribute 1 { NL_POLICY_TYPE_ATTR_TYPE = u16 } } }
        NlBuilder type = new NlBuilder().attrU32(1, 3);
        NlBuilder policy = new NlBuilder().attr(0, new NlBuilder().attr(1, type));
        byte[] msg = NlBuilder.message(0x10, 0x2, 5, 77, new NlBuilder().u8(10).u8(1).u16(0).attrU16(1, 0x10).attr(8, policy));
        DecodedMessage m = decode(msg, Direction.FROM_KERNEL, Protocol.GENERIC);
        assertEquals("CTRL_CMD_GETPOLICY", m.typeName());
        Node leaf = m.tree().child("CTRL_ATTR_POLICY").child("[policy-id 0]").child("[attr-id 1]").child("NL_POLICY_TYPE_ATTR_TYPE");
        assertEquals(3L, leaf.value());
        assertEquals("NLCTRL_ATTR_TYPE_U16 (3)", leaf.display());
    }

    @Test
    void anEnumSelectorNamesItsFormatByTheEntryName() throws Exception {
        var file = SpecLoadKernelSpecsTest.ynl().resolve("nftables.yaml");
        Family nft = SpecLibrary.parse(file.toString(), Files.readAllBytes(file));
        int newobj = nft.operations().stream().filter(o -> o.name().equals("newobj")).findFirst().orElseThrow().requestId();
        // NFTA_OBJ_TYPE = NFT_OBJECT_COUNTER (1, big-endian), NFTA_OBJ_DATA { NFTA_COUNTER_BYTES = 5 (be64) }
        NlBuilder counter = new NlBuilder().attr(1, new byte[] {0, 0, 0, 0, 0, 0, 0, 5});
        byte[] msg = NlBuilder.message(newobj, 0x405, 9, 0, new NlBuilder().u8(1).u8(0).u8(0).u8(0)
                .attr(3, new byte[] {0, 0, 0, 1}).attr(4, counter));
        DecodedMessage m = decode(msg, Direction.TO_KERNEL, Protocol.NETFILTER);
        assertEquals("nftables", m.className());
        Node data = m.tree().children().get(m.tree().children().size() - 1);
        assertEquals(Status.OK, data.status(), data.toString());
        assertTrue(data.display().startsWith("counter"), data.display());
        assertEquals(5L, data.children().get(2).value());
    }
}
