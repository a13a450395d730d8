package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlwb diff} on the recorded samples/diff-* conversations: exit codes as diff(1), text and JSON. */
class DiffCommandTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final String RUN1 = SAMPLES.resolve("diff-ip-link-add-veth-run1.strace.txt").toString();
    private static final String RUN2 = SAMPLES.resolve("diff-ip-link-add-veth-run2.strace.txt").toString();
    private static final String NAME = SAMPLES.resolve("diff-ip-link-add-veth-name.strace.txt").toString();
    private static final String NESTED = SAMPLES.resolve("diff-send-veth-nested.pcap").toString();
    private static final String NO_NESTED = SAMPLES.resolve("diff-send-veth-no-nested.pcap").toString();

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void twoRunsOfTheSameCommandAreEqualExit0AndPrintNothingButDifferWithNoise() {
        CommandRun same = run("diff", RUN1, RUN2);
        assertEquals(0, same.exit(), same.err());
        assertEquals("", same.out());
        CommandRun noisy = run("diff", "--include-noise", RUN1, RUN2);
        assertEquals(1, noisy.exit());
        assertTrue(noisy.out().contains("NLMSG_ERROR/nlmsghdr/nlmsg_pid  (header, noise: nlmsg_pid)"), noisy.out());
    }

    @Test
    void aChangedNameExits1AndPrintsBothValuesLikeDiffU() {
        CommandRun r = run("diff", RUN1, NAME);
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("--- " + RUN1, "+++ " + NAME, "@@ #2 RTM_NEWLINK #2 RTM_NEWLINK @@",
                "  RTM_NEWLINK/IFLA_IFNAME  (changed)", "-   IFLA_IFNAME: \"v0\"  [32+7]", "+   IFLA_IFNAME: \"v7\"  [32+7]"),
                r.out().lines().toList());
    }

    @Test
    void twoRangesOfOneCaptureArePairedAsConversationsAndABackwardRangeIsTrouble() {
        // run1: #0 the RTM_NEWLINK probe, #1 its -ENODEV, #2 the real RTM_NEWLINK, #3 its ACK
        CommandRun probeVsRequest = run("diff", RUN1, "--range", "0-1", "--range", "2-3");
        assertEquals(1, probeVsRequest.exit(), probeVsRequest.err());
        assertTrue(probeVsRequest.out().contains("@@ #0 RTM_NEWLINK #2 RTM_NEWLINK @@"), probeVsRequest.out());
        assertTrue(probeVsRequest.out().contains("-   error: -ENODEV (No such device)  [16+4]"), probeVsRequest.out());
        CommandRun same = run("diff", RUN1, "--range", "2-3", "--range", "2-3");
        assertEquals(0, same.exit(), same.err());
        CommandRun backwards = run("diff", RUN1, "--range", "3-1", "--range", "0-0");
        assertEquals(2, backwards.exit());
        assertEquals("nlwb diff: --range 3-1: FROM is after TO\n", backwards.err());
    }

    @Test
    void theJsonNamesTheMissingNestedFlagAndListsEveryPair() throws Exception {
        CommandRun r = run("diff", "--json", NESTED, NO_NESTED);
        assertEquals(1, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(fields("left", "right", "equal", "includeNoise", "differences", "ignored", "pairs"), names(doc));
        assertEquals(1, doc.get("differences").asInt());
        assertTrue(doc.get("ignored").asInt() > 0, "seq, pid and times of the two sends");
        assertEquals(2, doc.get("pairs").size());
        JsonNode pair = doc.get("pairs").get(0);
        assertEquals(fields("left", "right", "name", "equal", "differences"), names(pair));
        JsonNode d = pair.get("differences").get(0);
        assertEquals(fields("kind", "path", "noise", "left", "right"), names(d));
        assertEquals("flags", d.get("kind").asText());
        assertEquals("RTM_NEWLINK/IFLA_LINKINFO", d.get("path").asText());
        assertEquals(0x8012, d.get("left").get("value").asInt());
        assertEquals(0x0012, d.get("right").get("value").asInt());
        assertEquals(fields("text", "name", "offset", "length", "value"), names(d.get("left")));
        assertTrue(doc.get("pairs").get(1).get("equal").asBoolean(), "the kernel ACKed both");
    }

    @Test
    void oneMessageOfEachIsComparedWithIndexAsDecodeNumbersThem() {
        assertEquals(0, run("diff", "--index", "0", RUN1, NAME).exit(), "the probes are equal");
        assertEquals(1, run("diff", "--index", "2", "--index", "2", RUN1, NAME).exit());
        assertEquals(1, run("diff", "--index", "0", "--index", "2", RUN1, RUN1).exit(), "the probe is not the request");
    }

    @Test
    void troubleExits2WithTheReason(@TempDir Path dir) throws Exception {
        CommandRun missing = run("diff", dir.resolve("nothing.pcap").toString(), RUN1);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("nlwb diff: "), missing.err());
        CommandRun past = run("diff", "--index", "99", RUN1, RUN2);
        assertEquals(2, past.exit());
        assertTrue(past.err().contains("has messages #0..#3"), past.err());
        assertEquals(2, run("diff", RUN1).exit(), "one file");
        Path bad = Files.writeString(dir.resolve("bad.rules"), "nlmsg_seq\n/rooted\n");
        CommandRun rules = run("diff", "--rules", bad.toString(), RUN1, RUN2);
        assertEquals(2, rules.exit());
        assertTrue(rules.err().contains("bad.rules:2: "), rules.err());
        assertEquals(2, run("diff", "--no-such-option", RUN1, RUN2).exit());
    }

    @Test
    void theShownRulesAreAFileThatRulesAndAnEditedOneDecides(@TempDir Path dir) throws Exception {
        CommandRun shown = run("diff", "--show-rules");
        assertEquals(0, shown.exit());
        assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("nlmsg_seq ")), shown.out());
        Path file = Files.writeString(dir.resolve("mine.rules"), shown.out() + "IFLA_IFNAME  the names are mine to pick\n");
        assertEquals(0, run("diff", "--rules", file.toString(), RUN1, NAME).exit(), "the one difference is now noise");
        Path empty = Files.writeString(dir.resolve("none.rules"), "# nothing is noise\n");
        assertEquals(1, run("diff", "--rules", empty.toString(), RUN1, RUN2).exit());
    }

    private static Set<String> fields(String... names) {
        return new TreeSet<>(List.of(names));
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
