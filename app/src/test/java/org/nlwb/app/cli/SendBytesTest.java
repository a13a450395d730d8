package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.child;
import static org.nlwb.app.cli.CliRun.dryRunHex;
import static org.nlwb.app.cli.CliRun.nlwb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * {@code nlwb send --protocol P (--hex HEX | --raw FILE)} and {@code --from FILE --protocol P}:
 * bytes go out exactly as given (several messages in one datagram, malformed ones included),
 * seq/pid fixed up only when asked, answered and explained against the bytes sent; only ever in
 * namespaces the test or nlwb makes and removes.
 */
class SendBytesTest {
    private static final String VETH = "{\"ifname\": \"bv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": "
            + "{\"ifname\": \"bv1\"}}}}";

    private static long seq(JsonNode tree) {
        return child(child(tree, "nlmsghdr"), "nlmsg_seq").get("value").asLong();
    }

    @NeedsRoot
    @Test
    void hexBytesMakeAVethPairInTheNamedNamespaceAndAreSentAsGiven() throws Exception {
        String newlink = dryRunHex("--family", "rt-link", "--do", "newlink", "--flags", "create,excl", "--json", VETH);
        String dump = dryRunHex("--family", "rt-link", "--dump", "getlink");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            CliRun r = nlwb("send", "--netns", ns.name(), "--protocol", "route", "--hex", newlink + dump, "--json-out");
            assertEquals(0, r.exit(), r.all());
            assertEquals("namespace " + ns.name(), r.json().get("namespace").asText());
            assertTrue(ThrowawayNamespace.run(List.of("ip", "-n", ns.name(), "-o", "link")).contains("bv0@bv1"),
                    "ip -n " + ns.name() + " link shows the pair");
            List<JsonNode> trees = r.trees("messages");
            assertEquals("RTM_NEWLINK", trees.get(0).get("name").asText());
            assertEquals("RTM_GETLINK", trees.get(1).get("name").asText(), "both messages went in the one datagram");
            assertEquals(0, seq(trees.get(0)), "no fix-up unless asked: seq stays as given");
            List<String> names = new ArrayList<>();
            for (JsonNode t : trees.subList(2, trees.size())) {
                JsonNode n = child(t, "IFLA_IFNAME");
                if (n != null) {
                    names.add(n.get("value").asText());
                }
            }
            assertTrue(names.containsAll(List.of("lo", "bv0", "bv1")), "the dump after the newlink: " + names);
            assertEquals("NLMSG_ERROR", trees.get(2).get("name").asText(), "the newlink's ACK first");
            assertEquals("NLMSG_DONE", trees.get(trees.size() - 1).get("name").asText());
        }
    }

    @NeedsRoot
    @Test
    void fixUpStampsSeqAndPidOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("getlink.bin");
        Files.write(file, HexFormat.of().parseHex(dryRunHex("--family", "rt-link", "--do", "getlink", "--json",
                "{\"ifname\": \"lo\"}")));
        CliRun asGiven = nlwb("send", "--protocol", "route", "--raw", file.toString(), "--json-out");
        assertEquals(0, asGiven.exit(), asGiven.all());
        assertEquals(0, seq(asGiven.trees("messages").get(0)));
        assertEquals("lo", child(asGiven.trees("messages").get(1), "IFLA_IFNAME").get("value").asText());

        CliRun fixed = nlwb("send", "--protocol", "route", "--raw", file.toString(), "--fix-up", "--json-out");
        assertEquals(0, fixed.exit(), fixed.all());
        JsonNode hdr = child(fixed.trees("messages").get(0), "nlmsghdr");
        assertNotEquals(0, hdr.get("children").get(3).get("value").asLong(), "a fresh seq");
        assertNotEquals(0, hdr.get("children").get(4).get("value").asLong(), "the socket's port id");
        assertEquals(seq(fixed.trees("messages").get(0)), seq(fixed.trees("messages").get(1)), "the reply answers it");
    }

    @NeedsRoot
    @Test
    void theExtAckOffsetNamesTheAttributeOfTheSentBytes() throws Exception {
        // RTM_NEWLINK of lo with IFLA_MTU two bytes long: its policy wants a u32
        String bad = dryRunHex("--family", "rt-link", "--do", "newlink", "--json",
                "{\"ifi-index\": 1, \"mtu\": {\"$hex\": \"0005\"}}");
        CliRun r = nlwb("send", "--protocol", "route", "--hex", bad);
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("== nlwb send route bytes: 40 bytes in the throwaway namespace nlwb-tmp-"), r.out());
        assertTrue(r.out().contains(": 1 reply\n"), "one reply, said in the singular: " + r.out());
        assertTrue(r.out().contains("; offset 32 is IFLA_MTU of the request; policy: NL_ATTR_TYPE_U32, value 0..4294967295"),
                "where, and the bounds broken: " + r.out());
        assertTrue(r.err().contains("nlwb send: the kernel answered -E"), r.err());
    }

    @NeedsRoot
    @Test
    void aHexCaptureReplaysTheBytesOfAMessageNoSpecDescribes() {
        String sample = "../../shared/samples/captured/synthetic-malformed-rtm_newaddr.hex";
        CliRun unknown = nlwb("send", "--from", sample, "--index", "0");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("the file does not say which netlink protocol message #0 is for; give it with "
                + "--protocol P"), unknown.err());

        CliRun r = nlwb("send", "--from", sample, "--index", "0", "--protocol", "route");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("nlwb send: replaying the bytes of message #0 (rt-addr cannot describe it: IFA_LOCAL: "
                + "malformed: nla_len 64 runs past its parent") && r.err().contains(" as nlwb send --protocol route --hex "
                + "280000001400050603000000000000000218000002000000400002000a4d0001080001000a4d0001 --fix-up"), r.err());
        assertTrue(r.out().contains("NLMSG_ERROR -EINVAL to RTM_NEWADDR"), "the kernel refuses the truncated IFA_LOCAL: "
                + r.out());
    }

    @Test
    void aDataFileWithoutAProtocolLineIsDescribedOnceTheProtocolIsGiven(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../samples/ip-route-add-bad-gateway.data"));
        Path data = dir.resolve("no-protocol.data");
        Files.write(data, lines.stream().filter(l -> !l.startsWith("# protocol")).toList());
        CliRun r = nlwb("send", "--dry-run", "--from", data.toString(), "--protocol", "route");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("nlwb send: replaying as nlwb send --family rt-route --do newroute --flags excl,create"
                + " --json '{\"rtm-family\":2,"), r.err());
        assertTrue(r.out().contains("RTA_GATEWAY: 192.0.2.1"), r.out());
    }

    @Test
    void aReplayedGenericNetlinkMessageGetsTheTargetsFamilyIdByName(@TempDir Path dir) throws Exception {
        // a request ethtool's spec cannot describe (a header nest of two bytes), with the look-up that named its id
        Path pcap = dir.resolve("ethtool.pcap");
        CliRun made = nlwb("send", "--family", "ethtool", "--do", "linkinfo-get", "--json",
                "{\"header\": {\"$hex\": \"0500\"}}", "--write", pcap.toString());
        assertTrue(made.out().contains("NLA_F_NESTED is missing"), made.all());

        CliRun dry = nlwb("send", "--from", pcap.toString(), "--index", "3", "--dry-run", "--json-out");
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.err().contains("nlwb send: replaying the bytes of message #3 (ethtool cannot describe it: ")
                && dry.err().contains("(with ethtool's id on the target)"), dry.err());
        assertEquals("f0ff", dry.json().get("hex").asText().substring(8, 12),
                "the captured id gave way to the one looked up by name (the dry run's stand-in)");

        CliRun sent = nlwb("send", "--from", pcap.toString(), "--index", "3");
        assertEquals(1, sent.exit(), sent.all());
        assertTrue(sent.out().contains("generic  ETHTOOL_MSG_LINKINFO_GET  [ethtool]"), "the target's id names ethtool: "
                + sent.out());
        assertTrue(sent.out().contains("ext-ACK: \"NLA_F_NESTED is missing\"; offset 20 is ETHTOOL_A_LINKINFO_HEADER of the "
                + "request"), sent.out());
    }
}
