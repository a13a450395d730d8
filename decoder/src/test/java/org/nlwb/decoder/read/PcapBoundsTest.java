package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlwb.decoder.model.Diagnostic;

/**
 * Lengths and counts of a pcap or pcapng file that claim more than the bytes present: each is
 * refused where it is, with file and offset, and the packets before it are kept. Built on the
 * project's own {@code ss-tan.pcapng} and {@code ss-tan.pcap} (4 packets each).
 */
class PcapBoundsTest {
    private static final int SS_TAN_PACKETS = 4;
    private final PcapReader reader = new PcapReader();

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Samples.own().resolve(name));
    }

    /** A little-endian pcapng block of {@code total} bytes whose body is {@code body} (cut or zero-filled to fit). */
    private static byte[] block(int type, int total, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(total);
        b.put(body, 0, Math.min(body.length, total - 12));
        b.putInt(total - 4, total);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 16, 20, 28})
    void anEnhancedPacketBlockTooShortForItsFieldsIsSkippedNamingItsOffset(int length) throws Exception {
        byte[] good = sample("ss-tan.pcapng");
        byte[] file = concat(good, block(6, length, new byte[] {0, 0, 0, 0, 1, 2, 3, 4}));
        Samples.Result r = Samples.read(reader, "short.pcapng", file);
        assertEquals(SS_TAN_PACKETS, r.records().size(), "the packets before it are kept");
        Diagnostic d = r.diagnostics().get(r.diagnostics().size() - 1);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("short.pcapng @ 0x" + Integer.toHexString(good.length), d.location());
        assertEquals("enhanced packet block of " + length + " bytes is too short: it needs at least 32 (its fixed fields); skipped",
                d.message());
    }

    @Test
    void aShortBlockInTheMiddleDoesNotStopTheBlocksAfterIt() throws Exception {
        byte[] good = sample("ss-tan.pcapng");
        byte[] file = concat(good, block(3, 12, new byte[0]), block(2, 16, new byte[4]), block(1, 12, new byte[0]));
        Samples.Result r = Samples.read(reader, "mid.pcapng", file);
        assertEquals(SS_TAN_PACKETS, r.records().size());
        List<String> texts = r.diagnostics().stream().map(Diagnostic::toString).toList();
        assertTrue(texts.contains("error: mid.pcapng @ 0x" + Integer.toHexString(good.length)
                + ": simple packet block of 12 bytes is too short: it needs at least 16 (its fixed fields); skipped"), texts.toString());
        assertTrue(texts.contains("error: mid.pcapng @ 0x" + Integer.toHexString(good.length + 12)
                + ": packet block of 16 bytes is too short: it needs at least 32 (its fixed fields); skipped"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("interface description block of 12 bytes is too short")
                && t.contains("the packets of interface 1 are skipped")), texts.toString());
    }

    @Test
    void aCapturedLengthPastItsBlockIsSkippedWithBothFigures() throws Exception {
        byte[] good = sample("ss-tan.pcapng");
        ByteBuffer epb = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        epb.putInt(0).putInt(0).putInt(1).putInt(-1).putInt(64); // caplen 0xffffffff
        Samples.Result r = Samples.read(reader, "lie.pcapng", concat(good, block(6, 32, epb.array())));
        assertEquals(SS_TAN_PACKETS, r.records().size());
        Diagnostic d = r.diagnostics().get(r.diagnostics().size() - 1);
        assertEquals("lie.pcapng @ 0x" + Integer.toHexString(good.length), d.location());
        assertEquals("packet block says 4294967295 captured bytes but the block holds 0; skipped", d.message());
    }

    @Test
    void anInterfaceIdBeyondTheDescribedOnesIsSkipped() throws Exception {
        byte[] good = sample("ss-tan.pcapng");
        ByteBuffer epb = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        epb.putInt(-2).putInt(0).putInt(1).putInt(0).putInt(0);
        Samples.Result r = Samples.read(reader, "if.pcapng", concat(good, block(6, 32, epb.array())));
        assertEquals("packet block names interface 4294967294 but only 1 are described; skipped",
                r.diagnostics().get(r.diagnostics().size() - 1).message());
    }

    @Test
    void aBlockWhoseTrailingLengthDisagreesIsReadByItsLeadingOneWithAWarning() throws Exception {
        byte[] file = sample("ss-tan.pcapng");
        int shbLen = ByteBuffer.wrap(file, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        file[shbLen - 4] ^= 0x40;
        Samples.Result r = Samples.read(reader, "trailer.pcapng", file);
        assertEquals(SS_TAN_PACKETS, r.records().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertEquals("trailer.pcapng @ 0x0", d.location());
        assertTrue(d.message().startsWith("block of type 168627466 says " + shbLen + " bytes at its start but "), d.message());
    }

    @Test
    void aSectionHeaderTooShortForItsFieldsIsNotPcapng() {
        byte[] file = block(0x0a0d0d0a, 20, new byte[] {0x4d, 0x3c, 0x2b, 0x1a});
        NotThisFormatException e = assertThrows(NotThisFormatException.class, () -> Samples.read(reader, "shb.pcapng", file));
        assertEquals("offset 0x4: pcapng section header of 20 bytes, at least 28 needed", e.getMessage());
    }

    @Test
    void aPcapRecordLengthPastTheFileKeepsThePacketsBefore() throws Exception {
        byte[] good = sample("ss-tan.pcap");
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(1).putInt(0).putInt(0x7fffffff).putInt(0x7fffffff);
        Samples.Result r = Samples.read(reader, "lie.pcap", concat(good, h.array(), new byte[20]));
        assertEquals(SS_TAN_PACKETS, r.records().size());
        Diagnostic d = r.diagnostics().get(r.diagnostics().size() - 1);
        assertEquals("lie.pcap @ 0x" + Integer.toHexString(good.length), d.location());
        assertEquals("packet 5 says 2147483647 captured bytes but the file ends after 20; the packets before it are kept",
                d.message());
    }

    @Test
    void aPcapWithoutOneReadableRecordIsUnreadableWithTheReaderErrors() throws Exception {
        byte[] good = sample("ss-tan.pcap");
        byte[] headerAndCut = java.util.Arrays.copyOf(good, 24 + 10);
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> Loader.standard().load("/tmp/cut.pcap", headerAndCut, null, -1));
        assertEquals("/tmp/cut.pcap: nothing could be read (pcap, no record is intact):\n"
                + "  error: cut.pcap @ 0x18: file ends inside the header of packet 1 (10 of 16 bytes); the packets before it are kept",
                e.getMessage());
    }

    @Test
    void aPcapHeaderWithoutPacketsIsAnEmptyCaptureNotAFailure() throws Exception {
        byte[] header = java.util.Arrays.copyOf(sample("ss-tan.pcap"), 24);
        assertEquals(0, Loader.standard().load("empty.pcap", header, null, -1).recordCount());
    }
}
