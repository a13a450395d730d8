package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Protocol;

/** seq and pid rewritten where the kernel reads a header, and nowhere else. */
class SeqFixUpTest {

    @Test
    void everyMessageOfABatchGetsTheNextSeqAndThePort() {
        byte[] batch = SendRequest.batch(Protocol.ROUTE, List.of(Links.dumpLinks(), Links.newVeth("a", "bc"))).datagram();
        int[] next = {41};
        byte[] fixed = SeqFixUp.apply(batch, () -> ++next[0], 0x1234);
        ByteView v = ByteView.of(fixed);
        int second = (int) v.u32le(0);
        assertEquals(42, v.u32le(8));
        assertEquals(0x1234, v.u32le(12));
        assertEquals(43, v.u32le(second + 8));
        assertEquals(0x1234, v.u32le(second + 12));
        byte[] back = fixed.clone();
        Arrays.fill(back, 8, 16, (byte) 0);
        Arrays.fill(back, second + 8, second + 16, (byte) 0);
        assertArrayEquals(batch, back, "nothing but seq and pid changed");
    }

    @Test
    void aHeaderPastAnUnreadableOneIsLeftAlone() {
        byte[] veth = Links.newVeth("a", "b");
        byte[] two = SendRequest.batch(Protocol.ROUTE, List.of(veth, veth)).datagram();
        two[0] = 8; // below NLMSG_HDRLEN: the kernel stops reading here
        assertArrayEquals(two, SeqFixUp.apply(two, () -> 9, 9));
    }

    @Test
    void aBatchPadsEachMessageToFourBytes() {
        byte[] odd = {17, 0, 0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f};
        byte[] datagram = SendRequest.batch(Protocol.ROUTE, List.of(odd, odd)).datagram();
        assertEquals(40, datagram.length);
        assertEquals(2, KernelReads.of(datagram).size());
        assertEquals(20, KernelReads.of(datagram).get(1).offset());
    }
}
