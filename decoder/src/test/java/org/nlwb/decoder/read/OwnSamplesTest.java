package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/** The table of samples/README.md, checked against what the readers make of the files. */
class OwnSamplesTest {
    /** file → protocol and directions ('>' to the kernel, '<' from it), as in the README. */
    static final Map<String, Object[]> TABLE = Map.ofEntries(
            Map.entry("ip-link-show", new Object[] {Protocol.ROUTE, "><><<"}),
            Map.entry("ip-addr-add", new Object[] {Protocol.ROUTE, "><><"}),
            Map.entry("ip-addr-add-exists", new Object[] {Protocol.ROUTE, "><><"}),
            Map.entry("ip-addr-show", new Object[] {Protocol.ROUTE, "><<><<"}),
            Map.entry("ip-route-add", new Object[] {Protocol.ROUTE, "><"}),
            Map.entry("ip-route-add-bad-gateway", new Object[] {Protocol.ROUTE, "><"}),
            Map.entry("ip-link-add-veth", new Object[] {Protocol.ROUTE, "><><"}),
            Map.entry("ss-tan", new Object[] {Protocol.SOCK_DIAG, "><><"}),
            Map.entry("ss-xa", new Object[] {Protocol.SOCK_DIAG, "><"}),
            Map.entry("genl-ctrl-list", new Object[] {Protocol.GENERIC, "><"}),
            Map.entry("ip-monitor-link-add", new Object[] {Protocol.ROUTE, "><<><><><<<"}),
            Map.entry("ip-route-show-tt", new Object[] {Protocol.ROUTE, "><"}));

    private static Path own(String file) {
        return Samples.own().resolve(file);
    }

    private static String directions(List<Record> records) {
        return records.stream().map(r -> r.direction() == Direction.TO_KERNEL ? ">"
                : r.direction() == Direction.FROM_KERNEL ? "<" : "?").collect(Collectors.joining());
    }

    @Test
    void everyStraceLogAndItsPcapMatchTheReadmeTableAndEachOther() throws Exception {
        for (var e : TABLE.entrySet()) {
            String base = e.getKey();
            Samples.Result s = Samples.read(new StraceReader(), own(base + ".strace.txt"));
            Samples.Result p = Samples.read(new PcapReader(), own(base + ".pcap"));
            assertEquals(List.of(), s.diagnostics(), base);
            assertEquals(e.getValue()[1], directions(s.records()), base);
            assertEquals(e.getValue()[1], directions(p.records()), base + ".pcap");
            for (int i = 0; i < s.records().size(); i++) {
                Record sr = s.records().get(i);
                Record pr = p.records().get(i);
                assertEquals(e.getValue()[0], sr.protocol(), base + " " + sr.location());
                assertEquals(sr.protocol(), pr.protocol(), base + " " + sr.location());
                assertEquals(sr.timeNanos() / 1000, pr.timeNanos() / 1000, base + " " + sr.location());
                assertArrayEquals(sr.bytes().toArray(), pr.bytes().toArray(), base + " " + sr.location());
            }
        }
    }

    @Test
    void theErrorRepliesCarryTheirExtAckMessages() throws Exception {
        assertTrue(lastRecordText("ip-addr-add-exists").contains("ipv4: Address already assigned\0"));
        assertTrue(lastRecordText("ip-route-add-bad-gateway").contains("Nexthop has invalid gateway"));
    }

    private static String lastRecordText(String base) throws Exception {
        List<Record> recs = Samples.read(new StraceReader(), own(base + ".strace.txt")).records();
        Record r = recs.get(recs.size() - 1);
        assertEquals(2, r.bytes().u16le(4), "NLMSG_ERROR");
        return r.bytes().latin1(0, r.bytes().length());
    }

    @Test
    void theTwoProcessMonitorLogKeepsPidsAndOrdersRecordsByWhenTheirBytesMoved() throws Exception {
        List<Record> recs = Samples.read(new StraceReader(), own("ip-monitor-link-add.strace.txt")).records();
        assertEquals(2, recs.stream().map(Record::pid).distinct().count());
        for (int i = 1; i < recs.size(); i++) {
            assertTrue(recs.get(i - 1).timeNanos() <= recs.get(i).timeNanos(), "time order at record " + i);
        }
        Record send = recs.get(7);
        assertEquals("sendmsg", send.syscall(), "the RTM_NEWLINK request, split by <unfinished ...>");
        assertEquals(1_795_871_161_347_796_000L, send.timeNanos());
        Record notification = recs.get(8);
        assertEquals("recvmsg", notification.syscall());
        assertEquals(16, notification.bytes().u16le(4), "RTM_NEWLINK");
        assertEquals(0, notification.bytes().u16le(6) & 1, "a notification, not a request");
        assertEquals(1_795_871_161_348_313_000L, notification.timeNanos());
        assertTrue(notification.location().startsWith("ip-monitor-link-add.strace.txt:"));
    }

    @Test
    void aLogWithoutPidsOrFdNotesTakesTheProtocolFromTheSocketLineAndTimesSinceMidnight() throws Exception {
        List<Record> recs = Samples.read(new StraceReader(), own("ip-route-show-tt.strace.txt")).records();
        assertEquals(-1, recs.get(0).pid());
        assertEquals(Protocol.ROUTE, recs.get(0).protocol());
        assertEquals((13 * 3600 + 6 * 60 + 1) * 1_000_000_000L, recs.get(0).timeNanos() / 1_000_000_000L * 1_000_000_000L);
    }

    @Test
    void theMalformedSamplesGetDiagnosticsNamingLineOrOffsetAndTheRestLoads() throws Exception {
        assertDiagnostic("malformed-bad-digit.hexdump.hex", 1, "malformed-bad-digit.hexdump.hex:4",
                "column 14: \"0g\" is not hex bytes");
        assertDiagnostic("malformed-bad-digit.strace.txt", 2, "malformed-bad-digit.strace.txt:11",
                "column 11: bad hex byte \"zz\"");
        assertDiagnostic("malformed-truncated.pcap", 4, "malformed-truncated.pcap @ 0x6d0",
                "packet 5 says 36 captured bytes but the file ends after 29");
        assertDiagnostic("malformed-caplen-short.pcap", 2, "malformed-caplen-short.pcap packet 1 @ 0x18",
                "52 of 60 bytes captured");
    }

    private static void assertDiagnostic(String file, int records, String location, String text) throws Exception {
        Capture c = Samples.load(own(file));
        assertEquals(records, c.recordCount(), file);
        assertEquals(1, c.diagnostics().size(), c.diagnostics().toString());
        assertEquals(location, c.diagnostics().get(0).location());
        assertTrue(c.diagnostics().get(0).message().contains(text), c.diagnostics().get(0).message());
    }

    @Test
    void theCraftedMalformedMessagesFrameAsDocumented() throws Exception {
        Capture past = Samples.load(own("malformed-nlmsg-len-past-datagram.xxd.hex"));
        assertEquals(2, past.recordCount());
        assertEquals("malformed-nlmsg-len-past-datagram.xxd.hex:6", past.record(1).location());
        MessageRef bad = past.message(1);
        assertEquals(FrameKind.MALFORMED, bad.kind());
        assertTrue(bad.note().contains("nlmsg_len 256 runs past the datagram"), bad.note());

        assertEquals(Protocol.ROUTE, past.record(1).protocol(), "from the '# protocol: route' comment");

        Record parent = Samples.load(own("malformed-nla-len-past-parent.data")).record(0);
        assertEquals(Protocol.ROUTE, parent.protocol(), "from the '# protocol: route' comment");
        assertEquals(68, parent.bytes().length());
        assertEquals(16, parent.bytes().u16le(44), "IFLA_LINKINFO nla_len");
        assertEquals(16, parent.bytes().u16le(48), "IFLA_INFO_KIND nla_len, 4 past its parent");
        Record under4 = Samples.load(own("malformed-nla-len-under-4.data")).record(0);
        assertEquals(40, under4.bytes().length());
        assertEquals(2, under4.bytes().u16le(32), "IFA_ADDRESS nla_len");
    }

    @Test
    void thePyroute2DataHoldsTheSameBytesAsItsStraceLog() throws Exception {
        List<Record> s = Samples.read(new StraceReader(), own("ip-route-add-bad-gateway.strace.txt")).records();
        Record d = Samples.read(new Pyroute2Reader(), own("ip-route-add-bad-gateway.data")).records().get(0);
        byte[] both = new byte[s.get(0).bytes().length() + s.get(1).bytes().length()];
        System.arraycopy(s.get(0).bytes().toArray(), 0, both, 0, s.get(0).bytes().length());
        System.arraycopy(s.get(1).bytes().toArray(), 0, both, s.get(0).bytes().length(), s.get(1).bytes().length());
        assertArrayEquals(both, d.bytes().toArray());
    }
}
