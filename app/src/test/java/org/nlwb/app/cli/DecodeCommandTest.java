package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlwb decode} on real captures: the JSON contract's keys, text output, exit codes. */
class DecodeCommandTest {
    private static final Path CAPTURED = Path.of(System.getProperty("nlwb.shared", "../../shared"), "samples/captured");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = NlwbCommand.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonKeepsTheContractKeys() throws Exception {
        Run r = run("decode", "--json", CAPTURED.resolve("netns-ip-link-add-dummy-fail.strace.txt").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("source", "format", "messages", "diagnostics"), fieldNames(doc));
        assertEquals("strace", doc.get("format").asText());
        JsonNode last = doc.get("messages").get(doc.get("messages").size() - 1);
        assertEquals(List.of("index", "record", "time", "direction", "pid", "protocol", "class", "offset", "length", "tree"),
                fieldNames(last));
        assertEquals("in", last.get("direction").asText());
        assertEquals("route", last.get("protocol").asText());
        assertEquals(21544, last.get("pid").asInt());
        JsonNode tree = last.get("tree");
        assertEquals(List.of("name", "type", "offset", "length", "value", "display", "status", "note", "children"),
                fieldNames(tree));
        assertEquals("NLMSG_ERROR", tree.get("name").asText());
        JsonNode error = tree.get("children").get(1);
        assertEquals("error", error.get("name").asText());
        assertEquals(-95, error.get("value").asInt());
        assertTrue(last.get("time").asText().startsWith("2026-11-28T"), last.get("time").asText());
    }

    @Test
    void textShowsAnIndentedTreeWithTheExtAckMessage() {
        Run r = run("decode", CAPTURED.resolve("netns-ip-link-add-dummy-fail.strace.txt").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("NLMSG_ERROR -EOPNOTSUPP"), r.out());
        assertTrue(r.out().contains("    NLMSGERR_ATTR_MSG: \"Unknown device type\"  [80+24]"), r.out());
    }

    @Test
    void nothingReadableExitsNonZeroNamingTheFileAndTheFormatsTried(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, "this is not netlink at all\n\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run("decode", junk.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("junk.bin"), r.err());
        assertTrue(r.err().contains("Tried"), r.err());
    }

    @Test
    void oneUnreadableFileAmongGoodOnesStillExitsZero(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "nothing here");
        Run r = run("decode", junk.toString(), CAPTURED.resolve("ip-route-show.pcap").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("junk.bin"));
        assertTrue(r.out().contains("ip-route-show.pcap"));
    }

    @Test
    void badOptionValuesAreRefusedWithTheChoices() {
        Run r = run("decode", "--format", "xml", CAPTURED.resolve("ip-route-show.pcap").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--format xml"), r.err());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aUserMappingNamesGenericFamiliesTheCaptureDoesNot() {
        Path iw = Path.of(System.getProperty("nlwb.shared", "../../shared"), "samples/pyroute2/iw_info_rsp.dump");
        Run without = run("decode", "--protocol", "generic", iw.toString());
        Run with = run("decode", "--protocol", "generic", "--genl-family", "0x1b=nl80211", iw.toString());
        assertEquals(0, with.exit(), with.err());
        assertTrue(!without.out().contains("NL80211_ATTR_IFNAME"), without.out());
        assertTrue(with.out().contains("NL80211_ATTR_IFNAME"), with.out());
        Run bad = run("decode", "--genl-family", "nl80211", iw.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("ID=FAMILY"), bad.err());
    }
}
