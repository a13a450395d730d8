package org.nlwb.capture.send;

import static org.nlwb.decoder.message.Netlink.NLMSG_HDRLEN;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;

/**
 * The messages of a sent datagram as the kernel reads them ({@code netlink_rcv_skb}): from the
 * start, while 16 header bytes remain; a message whose nlmsg_len is below 16 or beyond the end
 * stops the reading silently, and the next one starts nlmsg_len rounded up to 4 further on.
 * What the kernel never reads gets no answer, so nothing is waited for and nothing fixed up there.
 */
final class KernelReads {

    /** One message header the kernel reads. */
    record Header(int index, int offset, int length, int type, int flags, int seq) {
    }

    private KernelReads() {
    }

    static List<Header> of(byte[] datagram) {
        ByteView v = ByteView.of(datagram);
        List<Header> out = new ArrayList<>();
        int off = 0;
        while (v.length() - off >= NLMSG_HDRLEN) {
            long len = v.u32le(off);
            if (len < NLMSG_HDRLEN || len > v.length() - off) {
                break;
            }
            out.add(new Header(out.size(), off, (int) len, v.u16le(off + 4), v.u16le(off + 6), (int) v.u32le(off + 8)));
            off += (int) Math.min(v.length() - off, (len + 3) & ~3L);
        }
        return out;
    }
}
