package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code nlwb decode} says when it cannot use a file or a spec: the path once and the reason,
 * a non-zero exit when nothing could be read, and a warning for each spec it leaves out.
 */
class DecodeFailuresTest {
    private static final Path OWN = Path.of("..", "samples");

    @Test
    void aMissingFileIsNamedOnceWithTheReason(@TempDir Path dir) {
        Path gone = dir.resolve("gone.pcap");
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", gone.toString());
        assertEquals(1, r.exit());
        assertEquals("nlwb decode: " + gone + ": no such file\n", r.err());
    }

    @Test
    void aPcapWithoutOneReadableRecordExitsNonZeroWithTheReason(@TempDir Path dir) throws Exception {
        byte[] pcap = Files.readAllBytes(OWN.resolve("ss-tan.pcap"));
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(pcap, 24 + 10));
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--json", cut.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("nlwb decode: " + cut + ": nothing could be read (pcap, no record is intact):\n"
                + "  error: cut.pcap @ 0x18: file ends inside the header of packet 1"), r.err());
    }

    @Test
    void aMissingSpecDirAndABadSpecAreWarnedAboutNotDroppedSilently(@TempDir Path dir) throws Exception {
        Path specs = Files.createDirectory(dir.resolve("specs"));
        Files.writeString(specs.resolve("bad.yaml"), "name: bad\nattribute-sets:\n  - name: a\n    attributes:\n"
                + "      - name: x\n        type: u32\n        value: 70000\noperations:\n  list: []\n");
        Path missing = dir.resolve("nowhere");
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--spec-dir", specs.toString(), "--spec-dir",
                missing.toString(), OWN.resolve("ss-tan.pcap").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("nlwb decode: warning: " + specs.resolve("bad.yaml") + ":7:16: "
                + "attribute-sets[a].attributes[x].value: value 70000 is not an attribute number"), r.err());
        assertTrue(r.err().contains("nlwb decode: warning: " + missing + ": no such directory (not used)\n"), r.err());
    }
}
