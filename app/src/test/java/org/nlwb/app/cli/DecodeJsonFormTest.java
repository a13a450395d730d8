package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The forms of {@code nlwb decode --json}: compact by default, --pretty, --omit-empty, --omit-implied, --threads. */
class DecodeJsonFormTest {
    private static final Path SAMPLE = Path.of("../samples/ip-link-add-veth.strace.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String out(String... args) {
        DecodeCommandTest.Run r = DecodeCommandTest.run(args);
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    @Test
    void compactByDefaultIndentedWithPrettyAndTheSameValues() throws Exception {
        String compact = out("decode", "--json", SAMPLE.toString());
        String pretty = out("decode", "--json", "--pretty", SAMPLE.toString());
        assertEquals(1, compact.split("\n", -1).length - 1, "one line, then the final line end");
        assertTrue(compact.startsWith("{\"source\":"), compact.substring(0, 40));
        assertTrue(pretty.startsWith("{\n  \"source\" : "), pretty.substring(0, 40));
        assertTrue(pretty.length() > compact.length() * 3 / 2, pretty.length() + " vs " + compact.length());
        assertEquals(JSON.readTree(pretty), JSON.readTree(compact));
    }

    @Test
    void everyThreadCountPrintsTheSameBytes() {
        for (String form : new String[] {"--json", "--all"}) {
            String one = out("decode", form, "--threads", "1", SAMPLE.toString(), SAMPLE.toString());
            assertEquals(one, out("decode", form, "--threads", "3", SAMPLE.toString(), SAMPLE.toString()), form);
        }
    }

    @Test
    void omitEmptyLeavesOutNullsOnly() throws Exception {
        JsonNode full = JSON.readTree(out("decode", "--json", SAMPLE.toString()));
        String omitted = out("decode", "--json", "--omit-empty", SAMPLE.toString());
        assertFalse(omitted.contains("null"), "no null written");
        JsonNode m = JSON.readTree(omitted).get("messages").get(2);
        assertEquals(full.get("messages").get(2).get("tree").get("name"), m.get("tree").get("name"));
        assertFalse(m.has("pid") && m.get("pid").isNull());
    }

    @Test
    void omitImpliedRestoresToTheFullFormCompactPrettyAndFiltered() throws Exception {
        JsonNode full = JSON.readTree(out("decode", "--json", SAMPLE.toString()));
        String implied = out("decode", "--json", "--omit-implied", SAMPLE.toString());
        assertFalse(implied.contains("\"status\":\"ok\""), "status ok is implied");
        assertTrue(implied.length() * 4 < out("decode", "--json", "--omit-empty", SAMPLE.toString()).length() * 3,
                "under three quarters of the bytes of --omit-empty on this sample");
        assertEquals(full, restored(implied));
        assertEquals(full, restored(out("decode", "--json", "--omit-implied", "--pretty", SAMPLE.toString())));
        JsonNode filtered = restored(out("decode", "--json", "--omit-implied", "--filter", "type == RTM_NEWLINK",
                SAMPLE.toString()));
        assertEquals(full.get("messages").get(0), filtered.get("messages").get(0));
    }

    private static JsonNode restored(String json) throws Exception {
        return org.nlwb.decoder.json.FullForm.restoreCapture(
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json));
    }

    @Test
    void threadsBelowOneIsAUsageError() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--threads", "0", SAMPLE.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--threads"), r.err());
    }
}
