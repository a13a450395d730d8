package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

class StraceReaderTest {
    /** The table of samples/captured/README.md: file → protocol, records. */
    static final Map<String, int[]> CAPTURED = Map.of(
            "ip-d-link-show", new int[] {Protocol.ROUTE, 5},
            "ip-addr-show", new int[] {Protocol.ROUTE, 7},
            "ip-route-show", new int[] {Protocol.ROUTE, 5},
            "genl-ctrl-list", new int[] {Protocol.GENERIC, 3},
            "ss-tan", new int[] {Protocol.SOCK_DIAG, 5},
            "netns-ip-route-add", new int[] {Protocol.ROUTE, 4},
            "netns-ip-link-add-dummy-fail", new int[] {Protocol.ROUTE, 4});

    private final StraceReader reader = new StraceReader();

    @Test
    void everyCapturedLogGivesTheReadmesRecordCountAndProtocolAndTheSameBytesAsItsPcap() throws Exception {
        for (var e : CAPTURED.entrySet()) {
            String base = e.getKey();
            Samples.Result s = Samples.read(reader, Samples.captured(base + ".strace.txt"));
            Samples.Result p = Samples.read(new PcapReader(), Samples.captured(base + ".pcap"));
            assertEquals(e.getValue()[1], s.records().size(), base);
            assertEquals(List.of(), s.diagnostics(), base);
            assertEquals(p.records().size(), s.records().size(), base);
            for (int i = 0; i < s.records().size(); i++) {
                Record sr = s.records().get(i);
                Record pr = p.records().get(i);
                String what = base + " record " + i + " (" + sr.location() + ")";
                assertEquals(e.getValue()[0], sr.protocol(), what);
                assertEquals(pr.protocol(), sr.protocol(), what);
                assertEquals(pr.direction(), sr.direction(), what);
                assertEquals(pr.timeNanos(), sr.timeNanos() / 1000 * 1000, what);
                assertArrayEquals(pr.bytes().toArray(), sr.bytes().toArray(), what);
                assertTrue(sr.pid() > 0, what);
                assertTrue(sr.fd() >= 3, what);
                assertEquals(sr.direction() == Direction.TO_KERNEL, sr.syscall().startsWith("send"), what);
            }
        }
    }

    @Test
    void recordsCarryPidFdSyscallTimeAndTheLineOfTheirSyscall() throws Exception {
        Samples.Result s = Samples.read(reader, Samples.captured("netns-ip-route-add.strace.txt"));
        Record first = s.records().get(0);
        assertEquals(21540, first.pid());
        assertEquals(4, first.fd());
        assertEquals("sendmsg", first.syscall());
        assertEquals(Direction.TO_KERNEL, first.direction());
        assertEquals(1_795_855_683_367_065_000L, first.timeNanos());
        assertEquals("netns-ip-route-add.strace.txt:27", first.location());
        assertEquals(48, first.bytes().length());
        assertEquals(Direction.FROM_KERNEL, s.records().get(1).direction());
        assertEquals(1100, s.records().get(1).bytes().length());
    }

    private static List<Record> parse(String text, List<Diagnostic> diags) {
        List<Record> out = new ArrayList<>();
        StraceParser p = new StraceParser("t.strace", out::add, diags::add);
        text.lines().forEach(p::accept);
        p.finish();
        return out;
    }

    @Test
    void joinsUnfinishedAndResumedCallsPerPidAndConcatenatesIovecs() {
        String log = String.join("\n",
                "[pid  100] 12:00:01.000001 socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC) = 5",
                "[pid  100] 12:00:01.000002 recvmsg(5, {msg_name={sa_family=AF_NETLINK}, msg_iov=[{iov_base=\"...\", iov_len=8}, {iov_base=\"\", iov_len=12}], msg_iovlen=2} <unfinished ...>",
                "[pid  101] 12:00:01.000003 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 5",
                "[pid  101] 12:00:01.000004 sendto(5, \"GET /\", 5, 0, NULL, 0) = 5",
                " | 00000  47 45 54 20 2f                                    GET /            |",
                "[pid  100] 12:00:01.000005 <... recvmsg resumed>, 0) = 20",
                " * 8 bytes in buffer 0",
                " | 00000  14 00 00 00 03 00 02 00                           ........         |",
                " * 12 bytes in buffer 1",
                " | 00000  01 00 00 00 64 00 00 00  00 00 00 00              ....d.......     |",
                "[pid  100] 12:00:01.000006 recvmsg(5, {msg_iov=[{iov_base=NULL, iov_len=0}], msg_iovlen=1}, MSG_PEEK|MSG_TRUNC) = 20",
                "[pid  100] 12:00:01.000007 +++ exited with 0 +++");
        List<Diagnostic> diags = new ArrayList<>();
        List<Record> recs = parse(log, diags);
        assertEquals(List.of(), diags);
        assertEquals(1, recs.size(), "the TCP sendto and the MSG_PEEK probe give no record");
        Record r = recs.get(0);
        assertEquals(100, r.pid());
        assertEquals(Protocol.GENERIC, r.protocol());
        assertEquals(Direction.FROM_KERNEL, r.direction());
        assertEquals((12 * 3600 + 1) * 1_000_000_000L + 5000, r.timeNanos(), "a recv is timed when it resumed");
        assertEquals("t.strace:6", r.location(), "the line its dump follows");
        assertEquals("14000000030002000100000064000000" + "00000000", r.bytes().hex());
    }

    @Test
    void aSendSplitByUnfinishedComesBeforeTheRecvThatReturnedWhileItRan() {
        String log = String.join("\n",
                "1 10.0 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
                "2 10.1 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
                "1 10.2 recvmsg(3,  <unfinished ...>",
                "2 10.3 sendmsg(3, {msg_iov=[{iov_base=\"\", iov_len=16}]}, 0 <unfinished ...>",
                "1 10.4 <... recvmsg resumed>{msg_iov=[{iov_base=\"\", iov_len=16}]}, 0) = 16",
                " * 16 bytes in buffer 0",
                " | 00000  10 00 00 00 10 00 00 00  00 00 00 00 00 00 00 00  ................ |",
                "2 10.5 <... sendmsg resumed>) = 16",
                " * 16 bytes in buffer 0",
                " | 00000  10 00 00 00 10 00 05 00  00 00 00 00 00 00 00 00  ................ |");
        List<Record> out = new ArrayList<>();
        StraceParser p = new StraceParser("t", out::add, d -> { });
        log.lines().limit(7).forEach(p::accept);
        assertEquals(0, out.size(), "the recv waits while the send that started before it is open");
        log.lines().skip(7).forEach(p::accept);
        assertEquals(List.of("sendmsg", "recvmsg"), out.stream().map(Record::syscall).toList());
        assertEquals(10_300_000_000L, out.get(0).timeNanos());
        assertEquals(10_400_000_000L, out.get(1).timeNanos());
        assertEquals("t:8", out.get(0).location());
    }

    @Test
    void readsTheQuotedBuffersOfStraceWithoutHexDumps() {
        String log = String.join("\n",
                "1500000000.000001 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3",
                "1500000000.000002 sendto(3, \"\\x14\\x00\\x00\\x00\\x12\\x00\\x01\\x03\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x11\\x00\\x00\\x00\", 20, 0, {sa_family=AF_NETLINK, pid=0, groups=00000000}, 12) = 20",
                "1500000000.000003 recvmsg(3, {msg_name(12)={sa_family=AF_NETLINK, pid=0, groups=00000000}, msg_iov(1)=[{\"\\24\\0\\0\\0\\3\\0\\2\\0\\1\\0\\0\\0a\\n\\0\\0\\0\\0\\0\\0\", 16384}], msg_controllen=0, msg_flags=0}, 0) = 20",
                "1500000000.000004 recvmsg(3, {msg_name(12)={sa_family=AF_NETLINK, pid=0, groups=00000000}, msg_iov(1)=[{\"\\x14\\x00\\x00\\x00\\x03\\x00\"..., 16384}], msg_controllen=0, msg_flags=0}, 0) = 20");
        List<Diagnostic> diags = new ArrayList<>();
        List<Record> recs = parse(log, diags);
        assertEquals(3, recs.size());
        assertEquals(20, recs.get(0).bytes().length());
        assertEquals(Direction.TO_KERNEL, recs.get(0).direction());
        assertEquals(-1, recs.get(0).pid());
        assertEquals("14000000030002000100000061" + "0a000000000000", recs.get(1).bytes().hex());
        assertEquals(6, recs.get(2).bytes().length());
        assertEquals(1, diags.size());
        assertTrue(diags.get(0).message().contains("cut by strace -s"), diags.toString());
        assertEquals("t.strace:4", diags.get(0).location());
    }

    @Test
    void emitsEachRecordAsSoonAsItsDumpIsCompleteForLiveUse() {
        List<Record> out = new ArrayList<>();
        StraceParser p = new StraceParser("live", out::add, d -> { });
        p.accept("7 1.5 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3");
        p.accept("7 1.6 sendto(3, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK}], 20, 0, NULL, 0) = 20");
        assertEquals(0, out.size());
        p.accept(" | 00000  14 00 00 00 12 00 01 03  01 00 00 00 00 00 00 00  ................ |");
        assertEquals(0, out.size());
        p.accept(" | 00010  11 00 00 00                                       ....             |");
        assertEquals(1, out.size(), "complete after the last dump line, before any further line");
    }

    @Test
    void aBadDumpDigitIsADiagnosticNamingLineAndColumnAndTheRestLoads() throws Exception {
        String text = new String(java.nio.file.Files.readAllBytes(Samples.captured("ss-tan.strace.txt")), StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int idx = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" | 00010")) {
                idx = i;
                break;
            }
        }
        lines.set(idx, lines.get(idx).replaceFirst("\\| 00010  (..)", "| 00010  zz"));
        int badLine = idx + 1;
        Samples.Result r = Samples.read(reader, "bad.strace.txt", String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(5, r.records().size());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.location().equals("bad.strace.txt:" + badLine)
                && d.message().contains("column 11") && d.message().contains("keeps the 16 bytes")), r.diagnostics().toString());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        assertEquals(16, r.records().get(0).bytes().length());
    }

    @Test
    void acceptsStracesOwnMessagesPlainDashYSocketNotesAndDashIDashNDashTFields() throws Exception {
        String log = String.join("\n",
                "strace: Process 4321 attached",
                "[pid  4321] 12:00:00 socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3<socket:[991]>",
                "[pid  4321] 12:00:01 [00007f3a1c2b4d5e] [ 44] sendto(3<socket:[991]>, [{nlmsg_len=20}], 20, 0, NULL, 0) = 20 <0.000031>",
                " | 00000  14 00 00 00 12 00 01 03  01 00 00 00 00 00 00 00  ................ |",
                " | 00010  11 00 00 00                                       ....             |",
                "[pid  4321] 12:00:02 sendto(4<UNIX:[992->993]>, \"x\", 1, 0, NULL, 0) = 1",
                " | 00000  78                                                x                |");
        byte[] bytes = log.getBytes(StandardCharsets.US_ASCII);
        assertTrue(reader.sniff(bytes));
        Samples.Result r = Samples.read(reader, "p.txt", bytes);
        assertEquals(1, r.records().size());
        assertEquals(Protocol.ROUTE, r.records().get(0).protocol());
        assertEquals(4321, r.records().get(0).pid());
        assertEquals(12 * 3600 * 1_000_000_000L + 1_000_000_000L, r.records().get(0).timeNanos());
    }

    @Test
    void rejectsTextThatIsNotStraceNamingTheLine() {
        NotThisFormatException e = org.junit.jupiter.api.Assertions.assertThrows(NotThisFormatException.class,
                () -> Samples.read(reader, "x.txt", "\nhello world\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().startsWith("line 2: expected a strace line"), e.getMessage());
    }
}
