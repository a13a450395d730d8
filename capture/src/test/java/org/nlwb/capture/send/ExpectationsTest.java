package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;

/** What a datagram is owed, and what pays it. */
class ExpectationsTest {

    private static ByteView answer(int type, int seq, int error) {
        return ByteView.of(withSeq(MessageWriter.message(type, 0).u32(error).build(), seq));
    }

    private static byte[] withSeq(byte[] m, int seq) {
        m[8] = (byte) seq;
        m[9] = (byte) (seq >>> 8);
        return m;
    }

    private static byte[] fixed(byte[] datagram) {
        int[] next = {1};
        return SeqFixUp.apply(datagram, () -> next[0]++, 77);
    }

    @Test
    void anAckedRequestIsOwedOneErrorMessageWithItsSeq() {
        Expectations e = Expectations.of(fixed(Links.newVeth("a", "b")), Protocol.ROUTE);
        assertEquals(1, e.asked());
        e.accept(answer(ControlType.ERROR, 2, 0));
        assertFalse(e.satisfied(), "another seq pays nothing");
        e.accept(answer(ControlType.DONE, 1, 0));
        assertFalse(e.satisfied(), "a DONE ends a dump, not an ACK");
        e.accept(answer(ControlType.ERROR, 1, -17));
        assertTrue(e.satisfied(), "an error is an answer too");
    }

    @Test
    void aDumpIsOwedItsDone() {
        Expectations e = Expectations.of(fixed(Links.dumpLinks()), Protocol.ROUTE);
        assertEquals("the DONE of message 1 of 1 (seq 1)", e.describeOwed());
        e.accept(answer(Links.RTM_NEWLINK, 1, 0));
        assertFalse(e.satisfied());
        e.accept(answer(ControlType.DONE, 1, 0));
        assertTrue(e.satisfied());
    }

    @Test
    void aBatchOwesTheAcksOfTheMessagesThatAskedOnlyInTurnEvenWithOneSeq() {
        byte[] batch = SendRequest.batch(Protocol.NETFILTER, List.of(
                Nftables.batchMark(Nftables.NFNL_MSG_BATCH_BEGIN, NlFlags.REQUEST),
                Nftables.newTable("t"),
                Nftables.batchMark(Nftables.NFNL_MSG_BATCH_END, NlFlags.REQUEST | NlFlags.ACK))).datagram();
        Expectations e = Expectations.of(batch, Protocol.NETFILTER); // seq 0 everywhere, as given
        assertEquals(3, e.messages());
        assertEquals("the ACK of message 2 of 3 (seq 0), the ACK of message 3 of 3 (seq 0)", e.describeOwed());
        e.accept(answer(ControlType.ERROR, 0, 0));
        assertEquals("the ACK of message 3 of 3 (seq 0)", e.describeOwed());
        e.accept(answer(ControlType.ERROR, 0, 0));
        assertTrue(e.satisfied());
    }

    @Test
    void aPlainRequestOrAMessageTheKernelNeverReadsIsOwedNothing() {
        byte[] get = MessageWriter.message(Links.RTM_GETLINK, NlFlags.REQUEST).u32(0).u32(0).u32(0).u32(0).build();
        assertTrue(Expectations.of(get, Protocol.ROUTE).satisfied());
        byte[] lying = Links.newVeth("a", "b");
        lying[0] = (byte) (lying[0] + 4); // nlmsg_len past the datagram: the kernel drops it unread
        Expectations e = Expectations.of(lying, Protocol.ROUTE);
        assertEquals(0, e.messages());
        assertTrue(e.satisfied());
    }
}
