package org.nlwb.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.message.MessageWriter;

/** Losses are counted from a sender's seq gaps only where an overrun says messages were dropped. */
class SeqGapsTest {
    private static final int PORT = 4242;
    private static final int RTM_NEWADDR = 20;

    /** A notification as the kernel sends it for request {@code seq} of port {@code port}. */
    private static byte[] notification(long seq, int port) {
        byte[] ifaddrmsg = MessageWriter.payload().u8(2).u8(32).u8(0).u8(0).u32(1).toByteArray();
        return MessageWriter.message(RTM_NEWADDR, 0, seq, port).bytes(ifaddrmsg)
                .attr(2, new byte[] {10, (byte) 255, 0, 1}).build();
    }

    private static long feed(SeqGaps g, int port, long... seqs) {
        long found = 0;
        for (long s : seqs) {
            found += g.datagram(notification(s, port));
        }
        return found;
    }

    @Test
    void aGapRightAfterAnOverrunIsCountedLost() {
        SeqGaps g = new SeqGaps();
        feed(g, PORT, 1, 2, 3);
        g.overrun(1 << 20);
        assertEquals(0, feed(g, PORT, 4, 5), "still queued when the kernel dropped");
        assertEquals(95, feed(g, PORT, 101), "6..100 were dropped");
        assertEquals(95, g.lost());
    }

    @Test
    void aGapWithoutAnOverrunIsNoLoss() {
        // a request that failed, or changed something in a group not joined, makes no notification
        SeqGaps g = new SeqGaps();
        assertEquals(0, feed(g, PORT, 1, 2, 7, 8, 30));
        assertEquals(0, g.lost());
    }

    @Test
    void theOverrunWindowEndsAfterABufferOfBytes() {
        SeqGaps g = new SeqGaps();
        feed(g, PORT, 1);
        int size = notification(2, PORT).length;
        g.overrun(2L * size);
        feed(g, PORT, 2, 3); // the whole buffer's worth read: whatever was dropped is behind us
        assertEquals(0, feed(g, PORT, 10));
        assertEquals(0, g.lost());
    }

    @Test
    void sendersAreCountedApartAndKernelMessagesSkipped() {
        SeqGaps g = new SeqGaps();
        feed(g, PORT, 10);
        feed(g, PORT + 1, 500);
        g.overrun(1 << 20);
        assertEquals(0, feed(g, 0, 0, 7), "port 0 or seq 0: the kernel's own, no request behind it");
        assertEquals(4, feed(g, PORT + 1, 505));
        assertEquals(2, feed(g, PORT, 13));
        assertEquals(6, g.lost());
    }

    @Test
    void anOlderOrRepeatedSeqIsNoGapAndSeqWraps() {
        SeqGaps g = new SeqGaps();
        feed(g, PORT, 0xffff_fffeL);
        g.overrun(1 << 20);
        assertEquals(0, feed(g, PORT, 0xffff_fffeL, 0xffff_fff0L), "a second notification of one request, an old one");
        assertEquals(3, feed(g, PORT, 2), "0xffffffff, 0 and 1 dropped");
    }

    @Test
    void everyMessageOfADatagramCounts() {
        SeqGaps g = new SeqGaps();
        feed(g, PORT, 1);
        g.overrun(1 << 20);
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(notification(2, PORT));
        d.writeBytes(notification(9, PORT));
        assertEquals(6, g.datagram(d.toByteArray()));
    }
}
