package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.pipeline.DecodedCapture;

/**
 * The documented way back from {@code --omit-empty} and {@code --omit-implied} to the full form
 * gives the full form exactly, on every sample; and the implied rules leave out what they say.
 */
class OmitImpliedRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void restoringEveryFormOfEverySampleGivesTheFullFormBack() throws Exception {
        long full = 0;
        long implied = 0;
        for (DecodedCapture d : CompactJsonSamplesTest.everySample()) {
            byte[] fullBytes = CompactJsonSamplesTest.compact(d, JsonForm.FULL);
            JsonNode expected = JSON.readTree(fullBytes);
            for (JsonForm form : JsonForm.values()) {
                byte[] written = CompactJsonSamplesTest.compact(d, form);
                ObjectNode restored = FullForm.restoreCapture((ObjectNode) JSON.readTree(written));
                assertEquals(expected, restored, d.capture().source() + " " + form);
                // the same key order too: the restored document reads as the full form does
                assertEquals(expected.toString(), restored.toString(), d.capture().source() + " " + form);
                if (form == JsonForm.OMIT_IMPLIED) {
                    implied += written.length;
                }
            }
            full += fullBytes.length;
        }
        assertTrue(implied * 2 < full, "omit-implied " + implied + " bytes of the full form's " + full);
    }

    @Test
    void statusOkAndAnOffsetWhereThePreviousSiblingEndsAreLeftOut() throws Exception {
        DecodedCapture d = CompactJsonSamplesTest.everySample().get(0);
        String text = new String(CompactJsonSamplesTest.compact(d, JsonForm.OMIT_IMPLIED), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("\"status\":\"ok\""), text);
        JsonNode tree = JSON.readTree(text).get("messages").get(0).get("tree");
        assertFalse(tree.has("offset"), "a tree starts at 0: " + tree);
        assertFalse(tree.get("children").get(0).has("offset"), "the first child starts where its parent does");
    }

    @Test
    void aDisplayIsImpliedOnlyWhenItIsTheValuesOwnText() {
        assertTrue(ImpliedKeys.displayImplied(1100L, "1100"));
        assertFalse(ImpliedKeys.displayImplied(1100L, "01100"));
        assertFalse(ImpliedKeys.displayImplied(1100L, "1100 bytes"));
        assertTrue(ImpliedKeys.displayImplied(0L, "0"));
        assertTrue(ImpliedKeys.displayImplied(-5L, "-5"));
        assertTrue(ImpliedKeys.displayImplied(7, "7"));
        assertTrue(ImpliedKeys.displayImplied(Boolean.TRUE, "true"));
        assertTrue(ImpliedKeys.displayImplied(new BigInteger("18446744073709551615"), "18446744073709551615"));
        assertFalse(ImpliedKeys.displayImplied(2L, "AF_INET (2)"));
        assertTrue(ImpliedKeys.displayImplied("10.0.0.1", "10.0.0.1"));
        assertFalse(ImpliedKeys.displayImplied("lo", "\"lo\""), "a quoted name stays: its display is not the value");
        assertTrue(ImpliedKeys.displayImplied("0a1b", "0a 1b"));
        assertFalse(ImpliedKeys.displayImplied("0a1b", "0a1b"), "hex digits imply the spaced form only");
        assertFalse(ImpliedKeys.displayImplied(null, "x"));
        assertFalse(ImpliedKeys.displayImplied(1L, null));
    }

    @Test
    void aLongBinaryDisplayIsImpliedWithItsEllipsis() {
        String hex = "ab".repeat(70);
        String shown = String.join(" ", java.util.Collections.nCopies(64, "ab")) + " … (70 bytes)";
        assertEquals(shown, ImpliedKeys.impliedDisplay(hex));
        assertTrue(ImpliedKeys.displayImplied(hex, shown));
        assertFalse(ImpliedKeys.displayImplied(hex, shown.replace("70", "71")));
        assertFalse(ImpliedKeys.displayImplied(hex, shown.substring(0, 191)));
    }
}
