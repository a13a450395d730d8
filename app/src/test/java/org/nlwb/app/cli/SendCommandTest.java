package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * {@code nlwb send} against the real kernel, only ever in network namespaces it or the test
 * creates and removes: requests that ACK, replies, a dump, kernel errors with their ext-ACK, a
 * generic netlink family resolved through nlctrl, and usage errors that name the field.
 */
class SendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_NS = "nlwb-test-does-not-exist";

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        /** Every decoded message's tree. */
        List<JsonNode> trees() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            json().get("messages").forEach(m -> out.add(m.get("tree")));
            return out;
        }
    }

    private static Run nlwb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NlwbCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonNode child(JsonNode node, String name) {
        for (JsonNode c : node.get("children")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> namespaces() throws Exception {
        return List.of(ThrowawayNamespace.run(List.of("ip", "netns", "list")).split("\n"));
    }

    @Test
    @NeedsRoot
    void getlinkOfLoInAThrowawayNamespaceAnswersNewlinkAndRemovesTheNamespace() throws Exception {
        Run r = nlwb("send", "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": \"lo\"}", "--json-out");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> trees = r.trees();
        assertEquals("RTM_GETLINK", trees.get(0).get("name").asText());
        assertEquals("RTM_NEWLINK", trees.get(1).get("name").asText());
        assertEquals("lo", child(trees.get(1), "IFLA_IFNAME").get("value").asText());
        assertEquals("NLMSG_ERROR", trees.get(trees.size() - 1).get("name").asText(), "the ACK ends the exchange");
        String where = r.json().get("namespace").asText();
        assertTrue(where.startsWith("throwaway namespace nlwb-tmp-"), where);
        String ns = where.substring("throwaway namespace ".length());
        assertFalse(namespaces().stream().anyMatch(l -> l.startsWith(ns + " ") || l.equals(ns)), "removed: " + namespaces());
    }

    @Test
    @NeedsRoot
    void vethNewlinkAcksAndADumpShowsBothEnds(@TempDir Path dir) throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            Path pcap = dir.resolve("newlink.pcap");
            Run add = nlwb("send", "--netns", ns.name(), "--family", "rt-link", "--do", "newlink", "--flags", "create,excl",
                    "--json", "{\"ifname\": \"sv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": {\"ifname\": \"sv1\"}}}}",
                    "--write", pcap.toString());
            assertEquals(0, add.exit(), add.out() + add.err());
            assertTrue(add.out().contains("NLMSG_ERROR ACK to RTM_NEWLINK"), add.out());
            assertTrue(add.out().contains("VETH_INFO_PEER"), "the request is shown decoded: " + add.out());
            Capture saved = Loader.standard().load(pcap, null, Protocol.UNKNOWN);
            assertEquals(2, saved.messageCount(), "request and ACK in the pcap");
            assertEquals(Direction.TO_KERNEL, saved.message(0).record().direction());

            Run dump = nlwb("send", "--netns", ns.name(), "--family", "rt-link", "--dump", "getlink", "--json-out");
            assertEquals(0, dump.exit(), dump.err());
            List<String> names = new ArrayList<>();
            for (JsonNode t : dump.trees()) {
                JsonNode n = t.get("name").asText().equals("RTM_NEWLINK") ? child(t, "IFLA_IFNAME") : null;
                if (n != null) {
                    names.add(n.get("value").asText());
                }
            }
            assertTrue(names.containsAll(List.of("lo", "sv0", "sv1")), names.toString());
            assertTrue(ns.exec("ip", "-o", "link").contains("sv0@sv1"), "the kernel has the pair");
        }
    }

    @Test
    @NeedsRoot
    void unknownLinkKindIsRefusedWithTheErrnoAndTheExtAckMessage() {
        Run r = nlwb("send", "--family", "rt-link", "--do", "newlink", "--flags", "create,excl",
                "--json", "{\"ifname\": \"d0\", \"linkinfo\": {\"kind\": \"dummy\"}}");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("NLMSG_ERROR -EOPNOTSUPP to RTM_NEWLINK"), r.out());
        assertTrue(r.out().contains("NLMSGERR_ATTR_MSG: \"Unknown device type\""), r.out());
        assertTrue(r.out().contains("ext-ACK: \"Unknown device type\""), r.out());
        assertTrue(r.err().contains("the kernel answered -EOPNOTSUPP"), r.err());
    }

    @Test
    @NeedsRoot
    void newaddrOnAMissingDeviceAnswersEnodev() throws Exception {
        Run r = nlwb("send", "--family", "rt-addr", "--do", "newaddr", "--flags", "create",
                "--json", "{\"ifa-family\": \"inet\", \"ifa-prefixlen\": 24, \"ifa-index\": 4242, \"local\": \"10.9.0.1\"}",
                "--json-out");
        assertEquals(1, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("-ENODEV", j.get("errno").asText());
        assertEquals("ipv4: Device not found", j.get("ext_ack").get(0).get("message").asText());
    }

    @Test
    @NeedsRoot
    void extAckOffsetNamesTheRequestAttributeItPointsAt() {
        Run r = nlwb("send", "--family", "rt-link", "--do", "newlink", "--json", "{\"ifname\": \"x0\", \"mtu\": {\"$hex\": \"0102\"}}");
        assertEquals(1, r.exit(), r.out() + r.err());
        Matcher m = Pattern.compile("ext-ACK: \"([^\"]+)\"; offset (\\d+) is (\\S+) of the request").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals("40", m.group(2), "after nlmsghdr, ifinfomsg and IFLA_IFNAME \"x0\"");
        assertEquals("IFLA_MTU", m.group(3));
        assertTrue(r.out().contains("NL_POLICY_TYPE_ATTR_TYPE: NL_ATTR_TYPE_U32 (4)"), "the policy it broke: " + r.out());
    }

    @Test
    @NeedsRoot
    void genericNetlinkFamiliesAreResolvedThroughNlctrlAndAnswered() throws Exception {
        Run get = nlwb("send", "--family", "nlctrl", "--do", "getfamily", "--json", "{\"family-name\": \"nlctrl\"}", "--json-out");
        assertEquals(0, get.exit(), get.err());
        JsonNode reply = get.trees().get(1);
        assertEquals("CTRL_CMD_NEWFAMILY", reply.get("name").asText());
        assertEquals(16, child(reply, "CTRL_ATTR_FAMILY_ID").get("value").asInt());

        Run families = nlwb("send", "--family", "nlctrl", "--dump", "getfamily", "--json-out");
        assertEquals(0, families.exit(), families.err());
        List<String> names = new ArrayList<>();
        for (JsonNode t : families.trees()) {
            JsonNode n = child(t, "CTRL_ATTR_FAMILY_NAME");
            if (n != null) {
                names.add(n.get("value").asText());
            }
        }
        assertTrue(names.containsAll(List.of("nlctrl", "tcp_metrics")), names.toString());

        Run tcp = nlwb("send", "--family", "tcp_metrics", "--dump", "get", "--json-out");
        assertEquals(0, tcp.exit(), tcp.err());
        JsonNode req = tcp.trees().get(0);
        assertEquals("TCP_METRICS_CMD_GET", req.get("name").asText(), "the request's id is the one nlctrl gave");
        assertEquals("NLMSG_DONE", tcp.trees().get(tcp.trees().size() - 1).get("name").asText());
    }

    @Test
    void usageErrorsNameTheFieldAndSendNothing() throws Exception {
        // each run names a namespace that does not exist: had it tried to send, it would exit 1, not 2
        Run attr = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifnme\": \"lo\"}");
        assertEquals(2, attr.exit());
        assertTrue(attr.err().contains("unknown attribute 'ifnme' in link-attrs") && attr.err().contains("did you mean ifname?"),
                attr.err());
        Run range = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "newlink", "--json", "{\"carrier\": 256}");
        assertEquals(2, range.exit());
        assertTrue(range.err().contains("carrier: 256 is out of range for u8 (0..255)"), range.err());
        Run type = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": true}");
        assertEquals(2, type.exit());
        assertTrue(type.err().contains("ifname: wrong JSON type for string"), type.err());
        Run json = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": ");
        assertEquals(2, json.exit());
        assertTrue(json.err().contains("nlwb send: --json: unexpected end of input at line 1, column 12"), json.err());
        Run both = nlwb("send", "--family", "rt-link", "--do", "getlink", "--host", "--netns", "x");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--host and --netns exclude each other"), both.err());
        Run noOp = nlwb("send", "--family", "rt-link");
        assertEquals(2, noOp.exit());
        assertTrue(noOp.err().contains("--do OP or --dump OP"), noOp.err());
        Run op = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlnk");
        assertEquals(2, op.exit());
        assertTrue(op.err().contains("did you mean getlink?"), op.err());
        Run flag = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "newlink", "--flags", "creat");
        assertEquals(2, flag.exit());
        assertTrue(flag.err().contains("unknown flag 'creat'"), flag.err());
    }

    @Test
    void aMissingNamespaceIsNamed() {
        Run r = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(NO_NS), r.err());
        assertNotNull(r.err());
    }

    @Test
    void dryRunPrintsTheRequestDecodedAndSendsNothing() throws Exception {
        // a namespace that does not exist: sending would fail there (exit 1), a dry run never goes
        Run r = nlwb("send", "--dry-run", "--netns", "nlwb-test-does-not-exist", "--family", "rt-link", "--do", "getlink",
                "--json", "{\"ifname\": \"lo\"}");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("40 bytes, not sent"), r.out());
        assertTrue(r.out().contains("28000000120005000000000000000000" + "00000000000000000000000000000000" + "070003006c6f0000"), r.out());
        assertTrue(r.out().contains("IFLA_IFNAME: \"lo\""), r.out());
    }

    @Test
    @NeedsRoot
    void aCapturedRequestIsReplayedByName() throws Exception {
        Path sample = Path.of("../samples/ip-link-add-veth.strace.txt");
        Run r = nlwb("send", "--from", sample.toString(), "--index", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("replaying as nlwb send --family rt-link --do newlink --flags excl,create --no-nested-flag"
                + " --json '{\"ifname\":\"vethA\",\"linkinfo\":{\"kind\":{\"value\":\"veth\",\"nul\":false},"
                + "\"data\":{\"peer\":{\"ifname\":\"vethB\"}}}}'"), r.err());
        assertTrue(r.out().contains("NLMSG_ERROR ACK to RTM_NEWLINK"), r.out());
        Run notRequest = nlwb("send", "--from", sample.toString(), "--index", "1");
        assertEquals(2, notRequest.exit());
        assertTrue(notRequest.err().contains("message #1") && notRequest.err().contains("is not a request"), notRequest.err());
    }

    @Test
    @NeedsRoot
    void aMissingAttributeIsNamedThroughTheSpec() throws Exception {
        Run r = nlwb("send", "--family", "ethtool", "--do", "linkinfo-get");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("NLMSGERR_ATTR_MISS_TYPE: 1"), r.out());
        assertTrue(r.out().contains("missing attribute ETHTOOL_A_LINKINFO_HEADER (1) in the message"), r.out());
        Run json = nlwb("send", "--family", "ethtool", "--do", "linkinfo-get", "--json-out");
        assertEquals(1, json.exit(), json.out() + json.err());
        assertTrue(json.json().get("ext_ack").get(0).get("missing").asText().startsWith("ETHTOOL_A_LINKINFO_HEADER"), json.out());
    }

    @Test
    void aRequestSavedByDecodeJsonIsReplayedToTheSameBytes(@TempDir Path dir) throws Exception {
        Path sample = Path.of("../samples/ip-link-add-veth.strace.txt");
        Capture c = Loader.standard().load(sample, null, Protocol.UNKNOWN);
        org.nlwb.decoder.dissect.MessageDecoder decoder = new org.nlwb.decoder.dissect.MessageDecoder(
                org.nlwb.decoder.spec.RegistryFactory.standard(List.of()));
        List<org.nlwb.decoder.decode.DecodedMessage> decoded = new ArrayList<>();
        for (int i = 0; i < c.messageCount(); i++) {
            decoded.add(decoder.decode(c.message(i), null));
        }
        Path json = dir.resolve("veth.json");
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(json.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            org.nlwb.decoder.json.TreeJson.writeCapture(g, sample.toString(), "strace", decoded, c.diagnostics());
        }
        Run r = nlwb("send", "--dry-run", "--from", json.toString(), "--index", "2", "--json-out");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("replaying as nlwb send --family rt-link --do newlink"), r.err());
        String captured = java.util.HexFormat.of().formatHex(c.message(2).bytes().toArray());
        String sent = r.json().get("hex").asText();
        // the same bytes but for nlmsg_seq (8..12), which a sender stamps
        assertEquals(captured.substring(0, 16) + captured.substring(24), sent.substring(0, 16) + sent.substring(24));
    }
}
