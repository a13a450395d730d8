package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

/** {@code nlwb trace -- ip addr show} against strace run by hand on the same command. */
@NeedsRoot
class TraceSourceTest {

    @Test
    void ipAddrShowLiveEqualsADirectStraceLogOfTheSameCommand(@TempDir Path dir) throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            ns.exec("ip", "link", "set", "lo", "up"); // so RTM_GETADDR has 127.0.0.1 and ::1 to answer with
            Path raw = dir.resolve("live.strace.txt");
            TraceSource src = new TraceSource(new TraceSource.Options(List.of("ip", "addr", "show"), ns.name(), raw, null),
                    StraceFeed.factory());
            LiveCapture live = new LiveCapture(src.describe());
            src.start(live);
            assertTrue(live.awaitEnd(Duration.ofSeconds(15)));
            assertEquals("command exited with status 0", live.endReason());
            List<Record> traced = live.capture().records();

            // the request and every reply: GETLINK and GETADDR dumps, each answered down to NLMSG_DONE
            List<Direction> dirs = new ArrayList<>();
            int dones = 0;
            for (MessageRef m : live.capture().messages()) {
                dirs.add(m.record().direction());
                assertEquals(Protocol.ROUTE, m.record().protocol(), "protocol from the socket() line inside a netns");
                dones += m.type() == ControlType.DONE ? 1 : 0;
            }
            assertTrue(dirs.contains(Direction.TO_KERNEL) && dirs.contains(Direction.FROM_KERNEL), dirs.toString());
            assertTrue(dones >= 2, "both dumps ran to NLMSG_DONE: " + dones);
            assertTrue(live.capture().messages().stream().anyMatch(m -> m.type() == 20), "RTM_NEWADDR replies");

            // 1. the same run: what was parsed live is what the reader makes of strace's own log
            Capture sameRun = Loader.standard().load(raw, DumpFormat.STRACE, Protocol.UNKNOWN);
            assertEquals(traced.size(), sameRun.recordCount());
            for (int i = 0; i < traced.size(); i++) {
                Record a = traced.get(i);
                Record b = sameRun.record(i);
                assertArrayEquals(a.bytes().toArray(), b.bytes().toArray(), "record " + i);
                assertEquals(a.direction(), b.direction());
                assertEquals(a.timeNanos(), b.timeNanos());
                assertEquals(a.pid(), b.pid());
                assertEquals(a.syscall(), b.syscall());
            }

            // 2. a separate strace run by hand: the same datagrams, except the per-run seq and port id
            Path direct = dir.resolve("direct.strace.txt");
            ns.exec("strace", "-f", "-ttt", "-yy", "-e", "trace=%network", "-e", "read=all", "-e", "write=all",
                    "-o", direct.toString(), "ip", "addr", "show");
            Capture byHand = Loader.standard().load(direct, DumpFormat.STRACE, Protocol.UNKNOWN);
            assertEquals(traced.size(), byHand.recordCount(), "same number of datagrams");
            for (int i = 0; i < traced.size(); i++) {
                assertEquals(traced.get(i).direction(), byHand.record(i).direction());
                assertArrayEquals(withoutSeqAndPort(traced.get(i)), withoutSeqAndPort(byHand.record(i)),
                        "datagram " + i + " (" + traced.get(i).syscall() + ")");
            }
        }
    }

    /** The datagram with nlmsg_seq and nlmsg_pid zeroed in every header, an echoed one included. */
    static byte[] withoutSeqAndPort(Record r) {
        byte[] b = r.bytes().toArray();
        ByteView v = ByteView.of(b.clone());
        for (Frame f : Framer.frames(v, r.protocol())) {
            if (f.kind() != FrameKind.MESSAGE) {
                continue;
            }
            java.util.Arrays.fill(b, f.offset() + 8, f.offset() + 16, (byte) 0);
            if (v.u16le(f.offset() + 4) == ControlType.ERROR && f.length() >= 36) {
                java.util.Arrays.fill(b, f.offset() + 28, f.offset() + 36, (byte) 0);
            }
        }
        return b;
    }
}
