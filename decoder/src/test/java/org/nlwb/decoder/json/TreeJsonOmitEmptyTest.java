package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;

/** The documented rule for leaving out what is empty: null keys and empty children, nothing else. */
class TreeJsonOmitEmptyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode written(Path sample, boolean omit) throws Exception {
        DecodedCapture d = DecodedCapture.of(Loader.standard().load(sample, null, Protocol.UNKNOWN),
                RegistryFactory.standard(List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            TreeJson.writeCapture(g, d.capture().source(), d.capture().format(), d.messages(), d.capture().diagnostics(), omit);
        }
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void leavingOutNullsAndEmptyChildrenKeepsEveryOtherValue() throws Exception {
        // a pyroute2 dump: no time, no pid, no protocol in the file, so message keys are null too
        for (Path sample : List.of(Samples.project().resolve("ip-link-add-veth.strace.txt"),
                Samples.project().resolve("ip-route-add-bad-gateway.data"))) {
            JsonNode full = written(sample, false);
            JsonNode omitted = written(sample, true);
            assertTrue(countNulls(full) > 0, "the sample has null keys to leave out: " + sample);
            assertEquals(0, countNulls(omitted), "no null is written");
            assertFalse(omitted.toString().contains("\"children\":[]"), "no empty children array");
            assertEquals(withoutEmpty(full.deepCopy()), omitted, sample.toString());
        }
    }

    @Test
    void keysThatAreNeverEmptyAreAlwaysWritten() throws Exception {
        JsonNode leaf = written(Samples.project().resolve("ip-link-add-veth.strace.txt"), true)
                .get("messages").get(0).get("tree").get("children").get(0).get("children").get(0);
        for (String key : List.of("name", "offset", "length", "status")) {
            assertTrue(leaf.has(key), key + " in " + leaf);
        }
    }

    private static int countNulls(JsonNode n) {
        int c = n.isNull() ? 1 : 0;
        for (JsonNode k : n) {
            c += countNulls(k);
        }
        return c;
    }

    /** The full form with the rule applied by hand. */
    private static JsonNode withoutEmpty(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull() || e.getKey().equals("children") && e.getValue().isEmpty()) {
                    drop.add(e.getKey());
                } else {
                    withoutEmpty(e.getValue());
                }
            }
            o.remove(drop);
        } else if (n instanceof ArrayNode a) {
            a.forEach(TreeJsonOmitEmptyTest::withoutEmpty);
        }
        return n;
    }
}
