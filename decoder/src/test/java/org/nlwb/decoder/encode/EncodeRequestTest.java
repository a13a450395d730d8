package org.nlwb.decoder.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/** What {@link MessageEncoder} builds from YNL-style descriptions, and how it refuses bad ones. */
class EncodeRequestTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);
    private static final MessageDecoder DECODER = new MessageDecoder(LIBRARY.registry(CATALOG));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static byte[] encode(String family, String op, boolean dump, String values) throws Exception {
        return ENCODER.encode(Request.of(family, op, dump, json(values)), n -> 0x1234).bytes();
    }

    private static String error(Request r) {
        return assertThrows(EncodeException.class, () -> ENCODER.encode(r, n -> 0x1234)).getMessage();
    }

    private static String error(String family, String op, String values) throws Exception {
        return error(Request.of(family, op, false, json(values)));
    }

    private static DecodedMessage decode(byte[] b, int protocol) {
        Record rec = new Record(0, Direction.TO_KERNEL, protocol, 0, 0, "sendto", "test", ByteView.of(b));
        MessageRef ref = new MessageRef(0, 0, rec, FrameKind.MESSAGE, 0, b.length, null);
        return DECODER.decode(ref, Conversations.fixed(java.util.Map.of(0x1234, "nlctrl")));
    }

    @Test
    void getlinkOfLoIsIfinfomsgAndANulTerminatedIfname() throws Exception {
        byte[] b = encode("rt-link", "getlink", false, "{\"ifname\": \"lo\"}");
        assertEquals("28000000" + "1200" + "0500" + "00000000" + "00000000"   // nlmsghdr: RTM_GETLINK, REQUEST|ACK
                + "00000000000000000000000000000000"                        // ifinfomsg, all zero
                + "0700" + "0300" + "6c6f00" + "00",                         // IFLA_IFNAME "lo\0" + 1 pad
                HexFormat.of().formatHex(b));
    }

    @Test
    void dumpSetsTheDumpFlagsAndExtraFlagsGoByName() throws Exception {
        byte[] dump = encode("rt-link", "getlink", true, "{}");
        assertEquals(0x305, ByteView.of(dump).u16le(6));
        Request r = Request.of("rt-link", "newlink", false, json("{\"ifname\": \"v0\"}")).withFlags(List.of("create", "NLM_F_EXCL"));
        assertEquals(0x605, ByteView.of(ENCODER.encode(r, n -> 0).bytes()).u16le(6));
        String e = error(r.withFlags(List.of("creat")));
        assertTrue(e.contains("unknown flag 'creat'") && e.contains("did you mean CREATE?"), e);
    }

    @Test
    void headerMembersTakeEnumNamesAndAddressesTheirDisplayHint() throws Exception {
        byte[] b = encode("rt-addr", "newaddr", false,
                "{\"ifa-family\": \"inet\", \"ifa-prefixlen\": 24, \"ifa-scope\": \"host\", \"ifa-index\": 7,"
                        + " \"local\": \"10.1.2.3\", \"address\": \"fe80::1\"}");
        ByteView v = ByteView.of(b);
        assertEquals(2, v.u8(16));     // AF_INET
        assertEquals(24, v.u8(17));
        assertEquals(254, v.u8(19));   // RT_SCOPE_HOST
        assertEquals(7, v.u32le(20));
        DecodedMessage m = decode(b, Protocol.ROUTE);
        assertTrue(TreeChecks.violations(m.tree(), b.length).isEmpty());
        assertEquals("10.1.2.3", m.tree().child("IFA_LOCAL").value());
        assertEquals("fe80::1", m.tree().child("IFA_ADDRESS").value());
    }

    @Test
    void vethNewlinkNestsLinkinfoAndPicksThePeerFormatByKind() throws Exception {
        byte[] b = encode("rt-link", "newlink", false,
                "{\"ifname\": \"v0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": {\"ifname\": \"v1\"}}}}");
        DecodedMessage m = decode(b, Protocol.ROUTE);
        assertTrue(TreeChecks.violations(m.tree(), b.length).isEmpty(), TreeChecks.violations(m.tree(), b.length).toString());
        Node info = m.tree().child("IFLA_LINKINFO");
        assertEquals(0x8000 | 18, ((Number) info.child("nla_type").value()).intValue(), "NLA_F_NESTED as YNL sets it");
        Node peer = info.child("IFLA_INFO_DATA").child("VETH_INFO_PEER");
        assertEquals("v1", peer.child("IFLA_IFNAME").value());
        byte[] plain = ENCODER.encode(Request.of("rt-link", "newlink", false, json(
                "{\"linkinfo\": {\"kind\": {\"value\": \"veth\", \"nul\": false}}}")).withNestedFlag(false), n -> 0).bytes();
        assertEquals("0c0012000800010076657468", HexFormat.of().formatHex(plain, 32, plain.length));
    }

    @Test
    void genericNetlinkUsesTheFamilyIdAndTheCommand() throws Exception {
        byte[] b = encode("nlctrl", "getfamily", false, "{\"family-name\": \"nlctrl\"}");
        ByteView v = ByteView.of(b);
        assertEquals(0x10, v.u16le(4), "nlctrl's id is fixed");
        assertEquals(3, v.u8(16), "CTRL_CMD_GETFAMILY");
        assertEquals(1, v.u8(17), "version");
        DecodedMessage m = decode(b, Protocol.GENERIC);
        assertEquals("nlctrl", m.tree().child("CTRL_ATTR_FAMILY_NAME").value());
        byte[] other = ENCODER.encode(Request.of("tcp_metrics", "get", true, json("{}")), n -> 0x1234).bytes();
        assertEquals(0x1234, ByteView.of(other).u16le(4), "other families' ids come from the kernel");
    }

    @Test
    void rawHexGivesAnyAttributeExactBytes() throws Exception {
        byte[] b = encode("rt-link", "getlink", false, "{\"mtu\": {\"$hex\": \"0102\"}}");
        assertEquals("0600040001020000", HexFormat.of().formatHex(b, 32, b.length));
    }

    @Test
    void unknownAttributeNamesTheSetAndTheClosestName() throws Exception {
        String e = error("rt-link", "getlink", "{\"ifnme\": \"lo\"}");
        assertTrue(e.startsWith("ifnme: unknown attribute 'ifnme' in link-attrs"), e);
        assertTrue(e.contains("did you mean ifname?"), e);
        String nested = error("rt-link", "newlink", "{\"linkinfo\": {\"knd\": \"veth\"}}");
        assertTrue(nested.startsWith("linkinfo.knd: unknown attribute 'knd' in linkinfo-attrs") && nested.contains("kind"), nested);
    }

    @Test
    void valuesOutOfRangeOrOfTheWrongJsonTypeNameTheField() throws Exception {
        String range = error("rt-link", "newlink", "{\"carrier\": 300}");
        assertEquals("carrier: 300 is out of range for u8 (0..255)", range);
        String neg = error("rt-link", "newlink", "{\"mtu\": -1}");
        assertTrue(neg.startsWith("mtu: -1 is out of range for u32"), neg);
        String type = error("rt-link", "getlink", "{\"ifname\": 5}");
        assertTrue(type.startsWith("ifname: wrong JSON type for string: expects a JSON string, got a number"), type);
        String en = error("rt-addr", "newaddr", "{\"ifa-family\": \"inet7\"}");
        assertTrue(en.contains("'inet7' is not in enum address-families") && en.contains("did you mean inet"), en);
        String member = error("rt-addr", "newaddr", "{\"ifa-indx\": 1}");
        assertTrue(member.contains("unknown attribute 'ifa-indx'") && member.contains("did you mean ifa-index?"), member);
        String addr = error("rt-addr", "newaddr", "{\"local\": \"10.0.0.300\"}");
        assertTrue(addr.startsWith("local: "), addr);
    }

    @Test
    void familyOperationAndSelectorMistakesAreNamed() throws Exception {
        String fam = error("rt-lnk", "getlink", "{}");
        assertTrue(fam.contains("no spec for family 'rt-lnk'") && fam.contains("did you mean rt-link?"), fam);
        String op = error("rt-link", "getlnk", "{}");
        assertTrue(op.contains("no operation 'getlnk'") && op.contains("did you mean getlink?"), op);
        String sel = error("rt-link", "newlink", "{\"linkinfo\": {\"data\": {}}}");
        assertTrue(sel.startsWith("linkinfo.data: data is a sub-message chosen by 'kind'"), sel);
        String fmt = error("rt-link", "newlink", "{\"linkinfo\": {\"kind\": \"vet\", \"data\": {}}}");
        assertTrue(fmt.contains("no format for kind = 'vet'") && fmt.contains("did you mean veth?"), fmt);
        String multi = error("rt-link", "getlink", "{\"ifname\": [\"a\", \"b\"]}");
        assertTrue(multi.contains("not multi-attr"), multi);
    }
}
