package org.nlwb.capture.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;

/** The churn's requests: numbered 1, 2, 3 ..., an add then a delete of one /32, no ACK asked for. */
class AddressRequestsTest {

    @Test
    void requestsAlternateAddAndDeleteWithTheirOwnSeq() {
        AddressRequests r = new AddressRequests(7, new byte[] {10, (byte) 255, 0, 1});
        byte[] out = new byte[4 * AddressRequests.SIZE];
        assertEquals(out.length, r.write(out, 41, 4));
        ByteView v = ByteView.of(out);
        for (int i = 0; i < 4; i++) {
            int off = i * AddressRequests.SIZE;
            long seq = 41 + i;
            assertEquals(AddressRequests.SIZE, v.u32le(off), "nlmsg_len");
            assertEquals(seq % 2 == 1 ? AddressRequests.RTM_NEWADDR : AddressRequests.RTM_DELADDR, v.u16le(off + 4));
            assertEquals(0, v.u16le(off + 6) & NlFlags.ACK, "no ACK: the kernel answers only failures");
            assertEquals(seq, v.u32le(off + 8), "nlmsg_seq");
            assertEquals(0, v.u32le(off + 12), "nlmsg_pid: the kernel fills in the sender's port");
            assertEquals(32, v.u8(off + 17), "prefix length: a /32 is always primary");
            assertEquals(7, v.u32le(off + 20), "ifindex");
            assertEquals(0x01_00_ff_0aL, v.u32le(off + 28), "IFA_LOCAL 10.255.0.1");
        }
    }

    @Test
    void onlyErrorsWithANonZeroCodeCountAsFailures() {
        byte[] fail = MessageWriter.message(2, 0, 5, 99).u32(-17).bytes(new byte[16]).build();
        byte[] ack = MessageWriter.message(2, 0, 6, 99).u32(0).bytes(new byte[16]).build();
        byte[] both = new byte[fail.length + ack.length];
        System.arraycopy(fail, 0, both, 0, fail.length);
        System.arraycopy(ack, 0, both, fail.length, ack.length);
        assertEquals(1, AddressChurn.failures(both));
    }
}
