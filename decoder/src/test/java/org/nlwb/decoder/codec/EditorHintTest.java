package org.nlwb.decoder.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.ynl.AttrChecks;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.DisplayHint;

/** What a typed editor learns about real attributes of the built-in specs (and of the kernel's, for checks). */
class EditorHintTest {
    static final SpecCatalog BUILTIN = SpecLibrary.of(true, List.of()).load();

    static FamilyCodecs codecs(String family) {
        return new FamilyCodecs(BUILTIN.family(family).orElseThrow());
    }

    private static final FamilyCodecs LINK = codecs("rt-link");
    private static final FamilyCodecs ADDR = codecs("rt-addr");

    @Test
    void ifnameIsAStringAndMtuAU32WithTheTypesRange() {
        EditorHint ifname = LINK.field("link-attrs", "ifname").editorHint();
        assertEquals(EditorKind.STRING, ifname.kind());
        assertEquals(AttrType.STRING, ifname.type());
        assertNull(ifname.min());
        assertFalse(ifname.multi());
        EditorHint mtu = LINK.field("link-attrs", "mtu").editorHint();
        assertEquals(EditorKind.NUMBER, mtu.kind());
        assertEquals(BigInteger.ZERO, mtu.min());
        assertEquals(BigInteger.valueOf(4294967295L), mtu.max());
        assertEquals(AttrChecks.NONE, mtu.checks(), "the built-in specs carry no checks");
    }

    @Test
    void linkinfoIsANestWhoseDataIsASubMessageChosenByKind() {
        EditorHint linkinfo = LINK.field("link-attrs", "linkinfo").editorHint();
        assertEquals(EditorKind.NEST, linkinfo.kind());
        assertEquals("linkinfo-attrs", linkinfo.attributeSet());
        EditorHint kind = LINK.field(linkinfo.attributeSet(), "kind").editorHint();
        assertEquals(EditorKind.STRING, kind.kind());
        EditorHint data = LINK.field(linkinfo.attributeSet(), "data").editorHint();
        assertEquals(EditorKind.SUB_MESSAGE, data.kind());
        assertEquals("kind", data.selector());
        assertEquals("linkinfo-veth-attrs", data.subMessage().formats().get("veth").attributeSet());
        assertTrue(data.subMessage().formats().keySet().containsAll(List.of("bridge", "vlan", "vxlan", "bond")));
    }

    @Test
    void addressesAreEditedByTheirDisplayHint() {
        EditorHint local = ADDR.field("addr-attrs", "local").editorHint();
        assertEquals(EditorKind.ADDRESS, local.kind(), "ipv4-or-v6: IFA_LOCAL is either");
        assertEquals(DisplayHint.IPV4_OR_V6, local.displayHint());
        assertEquals(EditorKind.MAC, LINK.field("link-attrs", "address").editorHint().kind());
    }

    @Test
    void anEnumOffersItsEntriesAndAFlagsSetItsBitMasks() {
        EditorHint operstate = LINK.field("link-attrs", "operstate").editorHint();
        assertEquals(EditorKind.ENUM, operstate.kind());
        assertEquals(new EditorHint.Choice("up", "IF_OPER_UP", 6), operstate.choices().stream()
                .filter(c -> c.name().equals("up")).findFirst().orElseThrow());
        assertEquals(BigInteger.valueOf(255), operstate.max(), "an enum still has its u8 range");
        EditorHint flags = ADDR.field("addr-attrs", "flags").editorHint();
        assertEquals(EditorKind.FLAGS, flags.kind(), "enum-as-flags");
        assertEquals(new EditorHint.Choice("permanent", "IFA_F_PERMANENT", 0x80), flags.choices().get(7));
    }

    @Test
    void fixedHeaderMembersHaveHintsToo() {
        Map<String, EditorHint> ifaddrmsg = ADDR.memberHints("ifaddrmsg");
        assertEquals(List.of("ifa-family", "ifa-prefixlen", "ifa-flags", "ifa-scope", "ifa-index"), List.copyOf(ifaddrmsg.keySet()));
        EditorHint family = ifaddrmsg.get("ifa-family");
        assertEquals(EditorKind.ENUM, family.kind());
        assertTrue(family.choices().contains(new EditorHint.Choice("inet6", "AF_INET6", 10)), family.choices().toString());
        assertEquals(EditorKind.FLAGS, ifaddrmsg.get("ifa-flags").kind());
        assertEquals(BigInteger.valueOf(255), ifaddrmsg.get("ifa-prefixlen").max());
        assertEquals(EditorKind.FLAGS, LINK.memberHints("ifinfomsg").get("ifi-flags").kind());
        assertTrue(LINK.memberHints("nowhere").isEmpty());
    }

    @Test
    void arraysStructsAndMultiAttrsSayWhatEachItemIs() {
        FamilyCodecs route = codecs("rt-route");
        EditorHint metrics = route.field("route-attrs", "metrics").editorHint();
        assertEquals(EditorKind.NEST, metrics.kind());
        FamilyCodecs wg = codecs("wireguard");
        EditorHint peers = wg.field("wgdevice", "peers").editorHint();
        assertEquals(EditorKind.ARRAY, peers.kind());
        assertEquals(EditorKind.NEST, peers.item().kind(), "wgpeer items are nests");
        assertEquals("wgpeer", peers.item().attributeSet());
        EditorHint stats = LINK.field("link-attrs", "stats64").editorHint();
        assertEquals(EditorKind.STRUCT, stats.kind());
        assertEquals("rtnl-link-stats64", stats.struct());
        assertFalse(LINK.memberHints(stats.struct()).isEmpty());
        EditorHint altName = LINK.field("prop-list-link-attrs", "alt-ifname").editorHint();
        assertTrue(altName.multi(), "alt-ifname is multi-attr: a JSON array of strings");
        assertEquals(EditorKind.STRING, altName.kind());
    }

    @Test
    void theKernelsSpecsBoundLengthsAndRanges() {
        SpecCatalog kernel = SpecLibrary.of(false, List.of(Samples.shared().resolve("specs/ynl"))).load();
        FamilyCodecs wg = new FamilyCodecs(kernel.family("wireguard").orElseThrow());
        EditorHint ifname = wg.field("wgdevice", "ifname").editorHint();
        assertEquals(15, ifname.checks().maxLength());
        assertNotNull(wg.field("wgdevice", "ifindex"));
    }
}
