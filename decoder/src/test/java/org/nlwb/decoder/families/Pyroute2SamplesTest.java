package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * pyroute2's sample files decode with the class their MANIFEST pairs them with (forced by name, as
 * pyroute2's decoder scripts apply one class to every message), every message tiles, every
 * attribute has a name, and where the file carries pyroute2's expected decode our names (and
 * plain values) match it.
 */
class Pyroute2SamplesTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));
    private static final Path DIR = Samples.shared().resolve("samples/pyroute2");
    private static final Path OLD = DIR.resolve("historical/scripts");

    /** sample → the nlwb class for the pyroute2 class the MANIFEST names. */
    private static final Map<Path, String> SAMPLES = new java.util.LinkedHashMap<>();

    static {
        SAMPLES.put(DIR.resolve("addrmsg_ipv4.dump"), "rt-addr");
        SAMPLES.put(DIR.resolve("gre_01.dump"), "rt-link");
        SAMPLES.put(DIR.resolve("iw_info_rsp.dump"), "nl80211");
        SAMPLES.put(DIR.resolve("iw_scan_rsp.dump"), "nl80211");
        SAMPLES.put(DIR.resolve("uevent_kernel_backlight.dump"), "uevent");
        SAMPLES.put(DIR.resolve("uevent_udevd_backlight.dump"), "uevent");
        for (String f : List.of("gre_01.data", "macvlan_01.data", "macvtap_01.data", "vxlan_01.data")) {
            SAMPLES.put(OLD.resolve(f), "rt-link");
        }
        for (String f : List.of("nl80211.data", "iw_info_req.data", "iw_info_rsp.data", "iw_add_monitor_dev.data",
                "iw_add_monitor_phy.data", "iw_del_dev.data")) {
            SAMPLES.put(OLD.resolve(f), "nl80211");
        }
        for (int i = 1; i <= 5; i++) {
            SAMPLES.put(OLD.resolve("ipset_0" + i + ".data"), "ipset");
        }
        for (int i = 1; i <= 4; i++) {
            SAMPLES.put(OLD.resolve("sample_packet_0" + i + ".data"), "tc");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleDecodesWithItsClassAndMatchesPyroute2sNames() {
        return SAMPLES.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey().getFileName() + " as " + e.getValue(), () -> check(e.getKey(), e.getValue())));
    }

    @org.junit.jupiter.api.Test
    void nl80211IdsFromTheUserMappingPickTheFamilyWithoutForcing() throws Exception {
        // 0x1b and 0x1c come from no CTRL_CMD_NEWFAMILY in these files: the user names them
        for (var e : Map.of("iw_info_rsp.dump", 0x1b, "iw_scan_rsp.dump", 0x1c).entrySet()) {
            Capture c = Loader.standard().load(DIR.resolve(e.getKey()), null, Protocol.GENERIC);
            var conv = Conversations.of(c, Map.of(e.getValue(), "nl80211"));
            for (MessageRef ref : c.messages()) {
                DecodedMessage m = DECODER.decode(ref, conv.apply(ref.index()));
                assertEquals("nl80211", m.className(), e.getKey() + " message " + ref.index());
                assertTrue(m.typeName().startsWith("NL80211_CMD_NEW_"), m.typeName());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void nl80211DecodesWithNoProtocolGivenOnceTheUserNamesItsId() throws Exception {
        // 0x1b is also an RTM_* type that tiles, so the content alone gives no protocol; iw's own
        // requests (iw_del_dev.data) carry genlmsghdr version 0, which the guess used to refuse
        for (var e : Map.of(DIR.resolve("iw_info_rsp.dump"), "NL80211_CMD_NEW_INTERFACE",
                OLD.resolve("iw_del_dev.data"), "NL80211_CMD_DEL_INTERFACE").entrySet()) {
            Capture c = Loader.standard().load(e.getKey(), null, Protocol.UNKNOWN);
            var conv = Conversations.of(c, Map.of(0x1b, "nl80211"));
            DecodedMessage m = DECODER.decode(c.messages().get(0), conv.apply(0));
            assertEquals("nl80211", m.className(), e.getKey().toString());
            assertEquals(e.getValue(), m.typeName());
            assertTrue(m.tree().note().contains("generic netlink family nl80211"), m.tree().note());
        }
    }

    /**
     * nl0.pcap (captured on nlmon) without forcing anything: RTNL messages by type, the genl ids by
     * the CTRL_CMD_NEWFAMILY reply in the capture (IPVS = 37), and the IPVS_CMD_NEW_SERVICE request
     * named like pyroute2-decoder's own decode of it (its Command 3 in nl0.pcap.pyroute2.txt).
     */
    @org.junit.jupiter.api.Test
    void nl0PcapDecodesByTypeAndLearnedGenlIdsAndMatchesPyroute2sIpvsDecode() throws Exception {
        Capture c = Loader.standard().load(DIR.resolve("nl0.pcap"), null, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        DecodedMessage ipvs = null;
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, conv.apply(ref.index()));
            assertEquals(List.of(), TreeChecks.violations(m.tree(), ref.length()), "nl0.pcap message " + ref.index());
            assertNotNull(m.className(), "nl0.pcap message " + ref.index() + " " + m.typeName());
            if ("IPVS_CMD_NEW_SERVICE".equals(m.typeName())) {
                ipvs = m;
            }
        }
        assertNotNull(ipvs, "the IPVS request is named through the learned family id");
        assertEquals("IPVS", ipvs.className());
        String text = java.nio.file.Files.readString(DIR.resolve("nl0.pcap.pyroute2.txt"));
        int at = text.indexOf("## Command 3");
        String json = text.substring(text.indexOf('\n', at) + 1);
        int next = json.indexOf("\n## ");
        JsonNode expected = new ObjectMapper().readTree(next < 0 ? json : json.substring(0, next));
        int n = compareNames("nl0.pcap IPVS", expected.get(0).get("data").get("attrs"), attributes(ipvs.tree()));
        System.out.println("nl0.pcap: " + n + " IPVS attribute names agree with pyroute2-decoder");
        assertTrue(n > 20, "compared " + n);
    }

    /** Names, and numbers where pyroute2 has a number, of nested attribute lists. */
    private static int compareNames(String where, JsonNode attrs, List<Node> ours) {
        int n = 0;
        assertEquals(attrs.size(), ours.size(), where + ": attribute count, ours " + ours.stream().map(Node::name).toList());
        for (int i = 0; i < attrs.size(); i++) {
            String name = attrs.get(i).get(0).asText();
            JsonNode value = attrs.get(i).get(1);
            assertEquals(name, ours.get(i).name(), where + " attribute " + i);
            n++;
            if (value.isObject() && value.has("attrs")) {
                n += compareNames(where + " > " + name, value.get("attrs"), attributes(ours.get(i)));
            } else if (value.isNumber()) {
                assertEquals(value.bigIntegerValue(), big(ours.get(i).value()), where + " " + name);
            }
        }
        return n;
    }

    private static void check(Path file, String cls) throws Exception {
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        List<DecodedMessage> decoded = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, conv.apply(ref.index()), cls);
            assertEquals(List.of(), TreeChecks.violations(m.tree(), ref.length()), file + " message " + ref.index());
            boolean control = "core".equals(m.className());
            if (!control) {
                assertEquals(cls, m.className(), file + " message " + ref.index() + " decoded by " + m.className());
            }
            m.tree().walk(n -> {
                if (n.child("nla_type") != null && (n.name().contains("[") || n.status() == Status.UNKNOWN)) {
                    unnamed.add(ref.index() + ":" + n.name());
                }
                if (n.status() == Status.MALFORMED && !n.name().equals("msg")) {
                    unnamed.add(ref.index() + ":" + n.name() + " malformed: " + n.note());
                }
            });
            decoded.add(m);
        }
        assertTrue(!decoded.isEmpty(), file + ": no messages");
        assertEquals(List.of(), unnamed, file + ": attributes the class does not name, or malformed nodes");
        String json = c.metadata().get("application/json");
        if (json != null) {
            JsonNode expected = new ObjectMapper().readTree(json);
            assertEquals(expected.size(), decoded.size(), file + ": message count");
            int compared = 0;
            for (int i = 0; i < decoded.size(); i++) {
                JsonNode attrs = expected.get(i).get("attrs");
                if (attrs != null) {
                    compared += compareJson(file + " message " + i, attrs, attributes(decoded.get(i).tree()));
                }
            }
            System.out.println(file.getFileName() + ": " + compared + " attributes agree with pyroute2's expected decode");
            assertTrue(compared > 0, file + ": nothing compared");
        }
        String code = c.metadata().get("application/x-python-code");
        if (code != null && cls.equals("nl80211")) {
            // the names of pyroute2's expected tuples, in order, must be ours in order
            List<String> theirs = new ArrayList<>();
            Matcher m = Pattern.compile("\\('(NL80211_[A-Z0-9_]+)'").matcher(code);
            while (m.find()) {
                theirs.add(m.group(1));
            }
            List<String> ours = new ArrayList<>();
            for (DecodedMessage d : decoded) {
                d.tree().walk(n -> {
                    if (theirs.contains(n.name())) {
                        ours.add(n.name());
                    }
                });
            }
            assertEquals(theirs, ours, file + ": attribute names in pyroute2's expected decode");
            System.out.println(file.getFileName() + ": " + theirs.size() + " attribute names agree with pyroute2's expected decode");
        }
        if (code != null && cls.equals("uevent")) {
            Matcher m = Pattern.compile("'([A-Z_]+)': '([^']*)'").matcher(code);
            int n = 0;
            Node tree = decoded.get(0).tree();
            while (m.find()) {
                Node p = tree.child(m.group(1));
                assertNotNull(p, file + ": property " + m.group(1));
                assertEquals(m.group(2), p.value(), file + ": " + m.group(1));
                n++;
            }
            assertTrue(n >= 4, file + ": properties compared " + n);
            System.out.println(file.getFileName() + ": " + n + " properties agree with pyroute2's expected decode");
        }
    }

    private static List<Node> attributes(Node parent) {
        return parent.children().stream().filter(n -> n.child("nla_type") != null).toList();
    }

    private static int compareJson(String where, JsonNode attrs, List<Node> ours) {
        int n = 0;
        assertEquals(attrs.size(), ours.size(), where + ": attribute count, ours " + ours.stream().map(Node::name).toList());
        for (int i = 0; i < attrs.size(); i++) {
            String name = attrs.get(i).get(0).asText();
            JsonNode value = attrs.get(i).get(1);
            Node o = ours.get(i);
            assertEquals(name, o.name(), where + " attribute " + i);
            n++;
            if (value.isObject() && value.has("attrs")) {
                List<Node> nested = attributes(o);
                if (nested.isEmpty()) {
                    nested = o.children().stream().filter(k -> !attributes(k).isEmpty()).findFirst()
                            .map(Pyroute2SamplesTest::attributes).orElse(List.of());
                }
                n += compareJson(where + " > " + name, value.get("attrs"), nested);
            } else if (value.isObject()) {
                Map<String, Node> members = new HashMap<>();
                o.walk(k -> members.put(k.name().replace("-", "_"), k));
                value.fields().forEachRemaining(f -> {
                    Node mm = members.get(f.getKey());
                    if (mm != null && f.getValue().isNumber()) {
                        assertEquals(f.getValue().bigIntegerValue(), big(mm.value()), where + " " + name + "." + f.getKey());
                    }
                });
            } else if (value.isNumber()) {
                assertEquals(value.bigIntegerValue(), big(o.value()), where + " " + name);
            } else if (value.isTextual()) {
                String v = String.valueOf(o.value());
                assertTrue(value.asText().equals(v) || value.asText().replace(":", "").equalsIgnoreCase(v.replace(":", "")),
                        where + " " + name + ": pyroute2 " + value.asText() + ", ours " + v);
            }
        }
        return n;
    }

    private static BigInteger big(Object v) {
        return v instanceof Long l ? BigInteger.valueOf(l) : v instanceof BigInteger b ? b : null;
    }
}
