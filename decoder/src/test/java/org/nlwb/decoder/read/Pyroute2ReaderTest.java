package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;

class Pyroute2ReaderTest {
    private final Pyroute2Reader reader = new Pyroute2Reader();

    private Samples.Result read(String text) throws NotThisFormatException {
        return Samples.read(reader, "t.dump", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsColonPairsAndKeepsTheExpectedDecodeAsMetadata() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.pyroute2("addrmsg_ipv4.dump"));
        assertEquals(1, r.records().size());
        Record rec = r.records().get(0);
        assertEquals(0x4c, rec.bytes().length());
        assertEquals(0x4c, rec.bytes().u32le(0));
        assertEquals(20, rec.bytes().u16le(4)); // RTM_NEWADDR
        assertEquals(Direction.UNKNOWN, rec.direction());
        assertEquals("addrmsg_ipv4.dump:4", rec.location());
        assertTrue(r.metadata().blocks().get("application/json").contains("\"IFA_LABEL\""));
    }

    @Test
    void readsAnnotatedEscapesWithTrailingCommentsAndIndentedNesting() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.pyroute2("gre_01.dump"));
        byte[] b = r.records().get(0).bytes().toArray();
        assertEquals(0x84 + 0x24, b.length, "RTM_NEWLINK (132) and its ack (36)");
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void readsFourByteGroupsAndConcatenatesTheSamplesOfAFile() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.pyroute2("iw_scan_rsp.dump"));
        Record rec = r.records().get(0);
        int off = 0;
        int messages = 0;
        while (off < rec.bytes().length()) {
            off += (int) ((rec.bytes().u32le(off) + 3) & ~3);
            messages++;
        }
        assertEquals(4, messages);
        assertEquals(rec.bytes().length(), off);
        assertTrue(r.metadata().blocks().containsKey("application/x-python-code"));
    }

    @Test
    void keepsTheHistoricalCodeBlockUnderBang() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.shared().resolve("pyroute2/historical/tests_decoder/addrmsg_ipv4"));
        assertTrue(r.metadata().blocks().containsKey(Pyroute2Reader.CODE_BLOCK), r.metadata().toString());
    }

    @Test
    void readsUeventDumpsWhoseLinesEndWithoutSeparator() throws Exception {
        Record rec = Samples.read(reader, Samples.pyroute2("uevent_udevd_backlight.dump")).records().get(0);
        assertTrue(rec.bytes().latin1(0, rec.bytes().length()).startsWith("change@/devices/pci0000:00/"));
        assertTrue(rec.bytes().latin1(0, rec.bytes().length()).contains("ACTION=change\0"));
    }

    @Test
    void aBareDotEndsTheDataAndSeparatorsMayBeAnyOneCharacter() throws Exception {
        Samples.Result r = read("# x\n14-00-00-00 03.00.02.00\n01:00:00:00 64 00 00 00\n00:00:00:00\n.\nff ff\n");
        assertArrayEquals(new byte[] {20, 0, 0, 0, 3, 0, 2, 0, 1, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0},
                r.records().get(0).bytes().toArray());
    }

    @Test
    void aBadDigitAfterGoodDataIsADiagnosticNamingLineAndColumn() throws Exception {
        Samples.Result r = read("\\x14\\x00\\x00\\x00\n\\x03\\x00\\xg2\\x00\n\\x01\\x00\\x00\\x00\n");
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("t.dump:2", d.location());
        assertTrue(d.message().startsWith("column 9: expected \\x and two hex digits, found \"\\xg2\""), d.message());
        assertEquals(10, r.records().get(0).bytes().length());
    }

    @Test
    void plainHexWithoutSeparatorsIsNotThisFormat() {
        NotThisFormatException e = assertThrows(NotThisFormatException.class, () -> read("28000000 14000506\n"));
        assertEquals("line 1: column 3: expected a separator after the hex pair 28 (pyroute2 writes aa:bb or \\xaa), found '0'",
                e.getMessage());
        assertTrue(!reader.sniff("28000000 14000506\n".getBytes(StandardCharsets.US_ASCII)));
    }
}
