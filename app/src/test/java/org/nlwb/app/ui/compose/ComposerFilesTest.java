package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.encode.Request;

class ComposerFilesTest {
    @Test
    void aBatchSavedAsJsonLoadsBackAsTheSameRequests(@TempDir Path dir) throws Exception {
        List<Request> batch = Templates.named("nftables: add table (batch)").messages();
        Path f = dir.resolve("batch.json");
        ComposerFiles.saveText(f, ComposerFiles.describe(batch));
        ComposerFiles.Described back = (ComposerFiles.Described) ComposerFiles.load(f);
        assertEquals(batch, back.requests());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(f), left.toList()); // no temporary file stays behind
        }
    }

    /** A replay saved and loaded again is still the captured bytes: nests without NLA_F_NESTED, genl version 0 kept. */
    @Test
    void everyCapturedRequestSavedAndLoadedEncodesAsBefore() throws Exception {
        int saved = 0;
        for (SampleRequests.Sample s : SampleRequests.all()) {
            Request r = s.replay().described();
            if (r == null) {
                continue;
            }
            Request back = ComposerFiles.parse(ComposerFiles.describe(List.of(r))).get(0);
            assertArrayEquals(SampleRequests.ENCODER.encode(r, n -> s.ref().type()).bytes(),
                    SampleRequests.ENCODER.encode(back, n -> s.ref().type()).bytes(), s.where());
            saved++;
        }
        assertEquals(true, saved >= 195, "saved: " + saved);
        // a template's description says neither: YNL's defaults
        String t = ComposerFiles.describe(Templates.named("Get a link by name").messages());
        assertEquals(false, t.contains("nested-flag") || t.contains("genl-version"), t);
    }

    @Test
    void hexTextLoadsAsTheBytesItSpellsAndBadDigitsAreNamed(@TempDir Path dir) throws Exception {
        byte[] b = {0x14, 0, 0, 0, 0x12, 0, 1, 3, (byte) 0xff};
        Path f = dir.resolve("m.hex");
        ComposerFiles.saveText(f, HexText.format(b) + "\n# a comment\n");
        assertArrayEquals(b, ((ComposerFiles.Raw) ComposerFiles.load(f)).bytes());
        Files.writeString(f, "14 0g");
        IOException e = assertThrows(IOException.class, () -> ComposerFiles.load(f));
        assertEquals("m.hex: 'g' is not a hex digit", e.getMessage());
    }

    @Test
    void byteIOfTheHexTextIsWhereTheFormatPutsIt() {
        byte[] b = new byte[40];
        b[17] = (byte) 0xab;
        String t = HexText.format(b);
        assertEquals("ab", t.substring(HexText.charOf(17), HexText.charOf(17) + 2));
    }
}
