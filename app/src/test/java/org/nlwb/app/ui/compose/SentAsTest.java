package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A value's sent-as keys peeled and put back: a string's {@code nul} only for a string (the same
 * object is a nest's own attributes), inside the padding and index keys as the describer writes them.
 */
class SentAsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void aStringSentWithoutItsNulIsItsTextAndTheKey() throws Exception {
        SentAs s = SentAs.of(json("{\"value\": \"veth\", \"nul\": false}"), SentAs.Scalar.STRING);
        assertEquals("veth", s.value().asText());
        assertEquals(Boolean.FALSE, s.nul());
        assertTrue(s.any());
        assertEquals(json("{\"value\": \"vxlan\", \"nul\": false}"), s.withValue(json("\"vxlan\"")).json());
        assertEquals(json("\"veth\""), s.withNul(null).json());
        assertFalse(s.withNul(null).any());
    }

    @Test
    void theNulOfAPaddedItemIsInsideItsPadAndIndex() throws Exception {
        JsonNode v = json("{\"$index\": 2, \"$value\": {\"$value\": {\"value\": \"a\", \"nul\": false}, \"$pad\": \"a5\"}}");
        SentAs s = SentAs.of(v, SentAs.Scalar.STRING);
        assertEquals("a", s.value().asText());
        assertEquals(2, s.index());
        assertEquals("a5", s.pad());
        assertEquals(v, s.json());
    }

    @Test
    void onlyAStringHasANulAndOnlyAnIntegerASize() throws Exception {
        JsonNode nest = json("{\"value\": \"veth\", \"nul\": false}");
        SentAs asNest = SentAs.of(nest, SentAs.Scalar.OTHER);
        assertEquals(nest, asNest.value(), "a nest's attributes named value and nul are its own");
        assertNull(asNest.nul());
        assertEquals(nest, SentAs.of(nest, SentAs.Scalar.INTEGER).value());
        JsonNode sized = json("{\"value\": 300, \"size\": 4}");
        assertEquals(sized, SentAs.of(sized, SentAs.Scalar.STRING).value());
        assertEquals(4, SentAs.of(sized, SentAs.Scalar.INTEGER).size());
    }
}
