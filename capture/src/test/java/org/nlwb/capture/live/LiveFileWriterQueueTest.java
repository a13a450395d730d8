package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;

/** The writer thread puts every record handed to it in the file, in arrival order, however many come at once. */
class LiveFileWriterQueueTest {

    private static Record notification(int i) {
        byte[] ifaddrmsg = MessageWriter.payload().u8(2).u8(32).u8(0).u8(0).u32(1).toByteArray();
        byte[] b = MessageWriter.message(20 + (i & 1), 0, i + 1, 777).bytes(ifaddrmsg)
                .attr(2, new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}).build();
        return new Record(1_795_855_683_000_000_000L + i * 1000L, Direction.FROM_KERNEL, Protocol.ROUTE, -1, 3,
                "recvmsg", "monitor route datagram " + (i + 1), ByteView.of(b));
    }

    @Test
    void aBurstLargerThanTheQueueIsWrittenWholeAndInOrder(@TempDir Path dir) throws Exception {
        for (String name : List.of("burst.pcap", "burst.pcapng")) {
            Path file = dir.resolve(name);
            LiveCapture live = new LiveCapture("made-up notifications");
            LiveFileWriter w = LiveFileWriter.attach(file, live);
            int n = 3 * LiveFileWriter.QUEUE + 17;
            List<Record> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Record r = notification(i);
                sent.add(r);
                live.append(r);
            }
            w.close();
            assertEquals(n, w.written(), name);
            Capture back = Loader.standard().load(file, null, Protocol.UNKNOWN);
            assertEquals(n, back.recordCount(), name);
            for (int i = 0; i < n; i++) {
                assertTrue(sent.get(i).bytes().contentEquals(back.record(i).bytes()), name + " record " + i);
                assertEquals(sent.get(i).timeNanos() / 1000, back.record(i).timeNanos() / 1000, name + " time " + i);
            }
            assertTrue(back.diagnostics().isEmpty(), back.diagnostics().toString());
        }
    }

    @Test
    void recordsAfterCloseAreNotWrittenAndCloseTwiceIsHarmless(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("closed.pcap");
        LiveCapture live = new LiveCapture("made-up notifications");
        LiveFileWriter w = LiveFileWriter.attach(file, live);
        live.append(notification(0));
        w.close();
        live.append(notification(1));
        w.close();
        assertEquals(1, w.written());
        assertEquals(1, Loader.standard().load(file, null, Protocol.UNKNOWN).recordCount());
    }

    @Test
    void aPassThroughCaptureCountsAndWritesButKeepsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("through.pcap");
        LiveCapture live = LiveCapture.passThrough("made-up notifications");
        LiveFileWriter w = LiveFileWriter.attach(file, live);
        for (int i = 0; i < 1000; i++) {
            assertTrue(live.append(notification(i)).isEmpty(), "no message index is made");
        }
        w.close();
        assertEquals(1000, live.stats().records());
        assertEquals(1000, live.stats().messages(), "counted all the same");
        assertEquals(0, live.capture().recordCount(), "nothing kept in memory");
        assertEquals(1000, Loader.standard().load(file, null, Protocol.UNKNOWN).recordCount());
    }
}
