package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

class PcapReaderTest {
    private final PcapReader reader = new PcapReader();

    @Test
    void readsTheCapturedSsTanPcapWithProtocolDirectionAndMicrosecondTimes() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.captured("ss-tan.pcap"));
        assertEquals(5, r.records().size());
        assertEquals(List.of(), r.diagnostics());
        Record first = r.records().get(0);
        assertEquals(Protocol.SOCK_DIAG, first.protocol());
        assertEquals(Direction.TO_KERNEL, first.direction());
        assertEquals(0x48, first.bytes().length());
        assertEquals(0x48, first.bytes().u32le(0));
        // 0x6b0a9543 s, 0x055871 µs in the first packet header
        assertEquals(0x6b0a9543L * 1_000_000_000L + 0x055871L * 1000, first.timeNanos());
        assertEquals(Direction.FROM_KERNEL, r.records().get(1).direction());
    }

    @Test
    void inferesDirectionsOfARealNlmonCaptureThatMarksEveryPacketOutgoing() throws Exception {
        Samples.Result r = Samples.read(reader, Samples.pyroute2("nl0.pcap"));
        assertEquals(19, r.records().size());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nlmon")), r.diagnostics().toString());
        for (Record rec : r.records()) {
            boolean request = (rec.bytes().u16le(6) & 1) != 0;
            assertEquals(request ? Direction.TO_KERNEL : Direction.FROM_KERNEL, rec.direction(), rec.location());
        }
        assertEquals(Direction.TO_KERNEL, r.records().get(0).direction());
        assertEquals(Direction.FROM_KERNEL, r.records().get(1).direction());
        assertEquals(Protocol.GENERIC, r.records().get(0).protocol());
    }

    @Test
    void keepsThePacketsBeforeAFileCutMidPacketAndNamesTheOffset() throws Exception {
        byte[] whole = Files.readAllBytes(Samples.captured("ss-tan.pcap"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        Samples.Result r = Samples.read(reader, "cut.pcap", cut);
        assertEquals(4, r.records().size());
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertTrue(d.location().startsWith("cut.pcap @ 0x"), d.location());
        assertTrue(d.message().contains("packet 5"), d.message());
    }

    @Test
    void rejectsAnEthernetPcapNamingItsLinkType() {
        byte[] eth = new byte[24];
        eth[0] = (byte) 0xd4; eth[1] = (byte) 0xc3; eth[2] = (byte) 0xb2; eth[3] = (byte) 0xa1;
        eth[4] = 2; eth[6] = 4; eth[20] = 1;
        NotThisFormatException e = assertThrows(NotThisFormatException.class, () -> Samples.read(reader, "e.pcap", eth));
        assertTrue(e.getMessage().contains("link type is 1"), e.getMessage());
    }
}
