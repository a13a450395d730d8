package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;
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
    void readsAPcapngWrittenByEditcapToTheSameRecordsAsThePcap() throws Exception {
        List<Record> pcap = Samples.read(reader, Samples.own().resolve("ss-tan.pcap")).records();
        Samples.Result ng = Samples.read(reader, Samples.own().resolve("ss-tan.pcapng"));
        assertEquals(List.of(), ng.diagnostics());
        assertEquals(pcap.size(), ng.records().size());
        for (int i = 0; i < pcap.size(); i++) {
            assertEquals(pcap.get(i).timeNanos(), ng.records().get(i).timeNanos());
            assertEquals(pcap.get(i).direction(), ng.records().get(i).direction());
            assertEquals(pcap.get(i).protocol(), ng.records().get(i).protocol());
            assertArrayEquals(pcap.get(i).bytes().toArray(), ng.records().get(i).bytes().toArray());
        }
    }

    @Test
    void readsABigEndianNanosecondPcap() throws Exception {
        byte[] le = Files.readAllBytes(Samples.captured("ss-tan.pcap"));
        List<Record> expected = Samples.read(reader, "le.pcap", le).records();
        // the same file in big-endian order with nanosecond fractions
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(0xa1b23c4d).putShort(in.getShort(4)).putShort(in.getShort(6)).putInt(in.getInt(8))
                .putInt(in.getInt(12)).putInt(in.getInt(16)).putInt(in.getInt(20));
        int off = 24;
        while (off < le.length) {
            int caplen = in.getInt(off + 8);
            out.putInt(in.getInt(off)).putInt(in.getInt(off + 4) * 1000).putInt(caplen).putInt(in.getInt(off + 12));
            out.put(le, off + 16, caplen);
            off += 16 + caplen;
        }
        List<Record> be = Samples.read(reader, "be.pcap", out.array()).records();
        assertEquals(expected.size(), be.size());
        for (int i = 0; i < be.size(); i++) {
            assertEquals(expected.get(i).timeNanos(), be.get(i).timeNanos());
            assertEquals(expected.get(i).direction(), be.get(i).direction());
            assertArrayEquals(expected.get(i).bytes().toArray(), be.get(i).bytes().toArray());
        }
    }

    @Test
    void skipsPacketsOfANonNetlinkPcapngInterfaceWithOneDiagnostic() throws Exception {
        byte[] ng = Files.readAllBytes(Samples.own().resolve("ss-tan.pcapng"));
        ByteBuffer b = ByteBuffer.wrap(ng).order(ByteOrder.LITTLE_ENDIAN);
        int shbLen = b.getInt(4);
        // add a second interface, Ethernet (1), and an 8-byte packet on it after the first packet
        ByteBuffer eth = ByteBuffer.allocate(20 + 40).order(ByteOrder.LITTLE_ENDIAN);
        eth.putInt(1).putInt(20).putShort((short) 1).putShort((short) 0).putInt(0).putInt(20);
        eth.putInt(6).putInt(40).putInt(1).putInt(0).putInt(1).putInt(8).putInt(8).putLong(0).putInt(40);
        int idbLen = b.getInt(shbLen + 4);
        int firstPacketEnd = shbLen + idbLen + b.getInt(shbLen + idbLen + 4);
        byte[] mixed = new byte[ng.length + eth.capacity()];
        System.arraycopy(ng, 0, mixed, 0, firstPacketEnd);
        System.arraycopy(eth.array(), 0, mixed, firstPacketEnd, eth.capacity());
        System.arraycopy(ng, firstPacketEnd, mixed, firstPacketEnd + eth.capacity(), ng.length - firstPacketEnd);
        Samples.Result r = Samples.read(reader, "mixed.pcapng", mixed);
        assertEquals(4, r.records().size());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        assertTrue(r.diagnostics().get(0).message().contains("interface 1 has link type 1"), r.diagnostics().toString());
        assertEquals("mixed.pcapng @ 0x" + Integer.toHexString(firstPacketEnd + 20), r.diagnostics().get(0).location());
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
