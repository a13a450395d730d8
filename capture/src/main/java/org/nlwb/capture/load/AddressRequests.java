package org.nlwb.capture.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;

/**
 * The requests of the address churn: request {@code n} (1, 2, 3 ...) has nlmsg_seq {@code n}; odd
 * ones are RTM_NEWADDR, even ones RTM_DELADDR of the same IPv4 /32 on link {@code ifindex}, so the
 * address never accumulates and every request succeeds and causes exactly one notification
 * (RTNLGRP_IPV4_IFADDR) that carries its seq and the sender's port id. A /32 is always a primary
 * address, so deleting it takes no secondaries with it (which would make more notifications with
 * the same seq). No NLM_F_ACK: the kernel answers only a request that failed.
 *
 * <pre>
 *  | nlmsghdr 16 | ifaddrmsg 8: family 2, prefixlen 32, flags 0, scope 0, index u32 |
 *  | IFA_LOCAL 8 | IFA_ADDRESS 8 |      = 40 bytes a request
 * </pre>
 */
public final class AddressRequests {
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    /** Bytes of one request. */
    public static final int SIZE = 40;
    private static final int SEQ_OFFSET = 8;

    private final byte[] add;
    private final byte[] del;

    /**
     * @param ifindex the link the address goes on (1: the namespace's loopback, which may stay down)
     * @param address the IPv4 address, as 4 bytes in network order
     */
    public AddressRequests(int ifindex, byte[] address) {
        this.add = request(RTM_NEWADDR, NlFlags.REQUEST | NlFlags.CREATE | NlFlags.EXCL, ifindex, address);
        this.del = request(RTM_DELADDR, NlFlags.REQUEST, ifindex, address);
    }

    private static byte[] request(int type, int flags, int ifindex, byte[] address) {
        byte[] ifaddrmsg = MessageWriter.payload().u8(2).u8(32).u8(0).u8(0).u32(ifindex).toByteArray();
        byte[] b = MessageWriter.message(type, flags).bytes(ifaddrmsg).attr(IFA_LOCAL, address)
                .attr(IFA_ADDRESS, address).build();
        if (b.length != SIZE) {
            throw new IllegalStateException("an address request is " + b.length + " bytes, not " + SIZE);
        }
        return b;
    }

    /** Whether request {@code seq} adds the address (odd) or deletes it (even). */
    public static boolean adds(long seq) {
        return (seq & 1) == 1;
    }

    /**
     * Writes requests {@code firstSeq} .. {@code firstSeq + n - 1} one after another into {@code out}
     * (at least {@code n * SIZE} bytes) from offset 0; returns the bytes written.
     */
    public int write(byte[] out, long firstSeq, int n) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            long seq = firstSeq + i;
            int off = i * SIZE;
            System.arraycopy(adds(seq) ? add : del, 0, out, off, SIZE);
            b.putInt(off + SEQ_OFFSET, (int) seq);
        }
        return n * SIZE;
    }
}
