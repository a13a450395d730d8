package org.nlwb.capture.send;

import java.util.function.IntSupplier;

/**
 * Rewrites nlmsg_seq and nlmsg_pid of every message the kernel reads (see {@link KernelReads}):
 * seq from {@code nextSeq}, pid to the sending socket's port id, as libnl fills them. Replayed
 * requests carry another process's numbers; the rest of each message is left as it is.
 */
final class SeqFixUp {
    private SeqFixUp() {
    }

    static byte[] apply(byte[] datagram, IntSupplier nextSeq, int portId) {
        byte[] out = datagram.clone();
        for (KernelReads.Header h : KernelReads.of(out)) {
            u32le(out, h.offset() + 8, nextSeq.getAsInt());
            u32le(out, h.offset() + 12, portId);
        }
        return out;
    }

    private static void u32le(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
