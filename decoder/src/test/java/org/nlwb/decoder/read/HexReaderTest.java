package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Record;

class HexReaderTest {
    /** 54 bytes: a 20-byte NLMSG_DONE, zeros, and 01 02 — long enough for hexdump's "*" line. */
    static final String BYTES = "1400000003000200010000006400000000000000" + "00".repeat(32) + "0102";

    private final HexReader reader = new HexReader();

    private List<Record> read(String text) throws NotThisFormatException {
        Samples.Result r = Samples.read(reader, "t.hex", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), r.diagnostics());
        return r.records();
    }

    private void assertOneDatagram(String text) throws NotThisFormatException {
        List<Record> recs = read(text);
        assertEquals(1, recs.size(), text);
        assertEquals(BYTES, recs.get(0).bytes().hex(), text);
        assertTrue(reader.sniff(text.getBytes(StandardCharsets.ISO_8859_1)), text);
    }

    @Test
    void readsHexdumpCanonicalWithItsRepeatLineAndFinalOffset() throws Exception {
        assertOneDatagram("""
                00000000  14 00 00 00 03 00 02 00  01 00 00 00 64 00 00 00  |............d...|
                00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00000030  00 00 00 00 01 02                                 |......|
                00000036
                """);
    }

    @Test
    void readsOdWithHexAndWithOctalOffsets() throws Exception {
        assertOneDatagram("""
                000000 14 00 00 00 03 00 02 00 01 00 00 00 64 00 00 00
                000010 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                *
                000030 00 00 00 00 01 02
                000036
                """);
        assertOneDatagram("""
                0000000 14 00 00 00 03 00 02 00 01 00 00 00 64 00 00 00
                0000020 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                *
                0000060 00 00 00 00 01 02
                0000066
                """);
    }

    @Test
    void readsXxdWiresharkAndStraceDumps() throws Exception {
        assertOneDatagram("""
                00000000: 1400 0000 0300 0200 0100 0000 6400 0000  ............d...
                00000010: 0000 0000 0000 0000 0000 0000 0000 0000  ................
                00000020: 0000 0000 0000 0000 0000 0000 0000 0000  ................
                00000030: 0000 0000 0102                           ......
                """);
        assertOneDatagram("""
                0000   14 00 00 00 03 00 02 00 01 00 00 00 64 00 00 00   ............d...
                0010   00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   ................
                0020   00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   ................
                0030   00 00 00 00 01 02                                 ......
                """);
        assertOneDatagram("""
                 | 00000  14 00 00 00 03 00 02 00  01 00 00 00 64 00 00 00  ............d... |
                 | 00010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |
                 | 00020  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |
                 | 00030  00 00 00 00 01 02                                 ......           |
                """);
    }

    @Test
    void readsPlainHexWithPrefixesCommasAndCArrays() throws Exception {
        assertOneDatagram(BYTES.substring(0, 40) + "\n" + BYTES.substring(40) + "\n");
        StringBuilder c = new StringBuilder("unsigned char msg[] = {\n");
        for (int i = 0; i < BYTES.length(); i += 2) {
            c.append("0x").append(BYTES, i, i + 2).append(i % 16 == 14 ? ",\n" : ", ");
        }
        c.append("};\n");
        assertOneDatagram(c.toString());
    }

    @Test
    void aBlankLineSeparatesDatagramsAndAnOffsetBackToZeroToo() throws Exception {
        List<Record> recs = read("# two messages\n14 00 00 00 03 00 02 00\n01 00 00 00 64 00 00 00 00 00 00 00\n\n"
                + "14 00 00 00 03 00 02 00 01 00 00 00 65 00 00 00 00 00 00 00\n");
        assertEquals(2, recs.size());
        assertEquals("t.hex:2", recs.get(0).location());
        assertEquals("t.hex:5", recs.get(1).location());
        List<Record> two = read("0000  14 00 00 00 03 00 02 00 01 00 00 00 64 00 00 00\n0010  00 00 00 00\n"
                + "0000  14 00 00 00 03 00 02 00 01 00 00 00 65 00 00 00\n0010  00 00 00 00\n");
        assertEquals(2, two.size());
        assertEquals(20, two.get(1).bytes().length());
    }

    @Test
    void plainHexOfAMessageStartingWithZerosIsNotTakenForAnOffsetDump() throws Exception {
        List<Record> recs = read("00000000 14000506 01000000 00000000\n02180000 01000000\n");
        assertEquals(1, recs.size());
        assertEquals("00000000140005060100000000000000" + "0218000001000000", recs.get(0).bytes().hex());
    }

    @Test
    void readsTheSharedSyntheticMalformedSampleAsThreeDatagrams() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.captured("synthetic-malformed-rtm_newaddr.hex"));
        assertEquals(3, r.records().size());
        assertEquals(40, r.records().get(0).bytes().length());
        assertEquals(0x28, r.records().get(0).bytes().u32le(0));
        assertEquals(200, r.records().get(1).bytes().u32le(0));
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void aBadDigitIsADiagnosticNamingLineAndColumnAndTheRestLoads() throws Exception {
        Samples.Result r = Samples.read(reader, "bad.hex", "14 00 00 00 03 00\n02 00 0g 00\n00 00 64 00 00 00 00 00 00 00\n\n"
                .concat("14 00 00 00 03 00 02 00 01 00 00 00 65 00 00 00 00 00 00 00\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, r.records().size(), "the next datagram loads");
        assertEquals(1, r.diagnostics().size());
        assertEquals("bad.hex:2", r.diagnostics().get(0).location());
        assertEquals("column 7: expected hex bytes, found \"0g\"; the datagram of line 1 keeps the 8 bytes before it",
                r.diagnostics().get(0).message());
        assertEquals(8, r.records().get(0).bytes().length());
    }

    @Test
    void rejectsNonHexTextNamingTheLine() {
        NotThisFormatException e = assertThrows(NotThisFormatException.class,
                () -> Samples.read(reader, "x", "# comment\nprint('hello')\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("line 2: column 1: expected hex bytes, found \"print('hello')\"", e.getMessage());
    }
}
