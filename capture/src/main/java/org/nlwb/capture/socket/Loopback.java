package org.nlwb.capture.socket;

import java.io.IOException;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;

/**
 * Brings {@code lo} up in a fresh namespace (where it starts down), as {@code ip link set lo up}
 * does: RTM_NEWLINK for ifindex 1 with IFF_UP in both flags and change mask.
 *
 * <pre>
 *  | nlmsghdr RTM_NEWLINK REQUEST|ACK | ifinfomsg family=0 type=0 index=1 flags=IFF_UP change=IFF_UP |
 * </pre>
 */
public final class Loopback {
    static final int RTM_NEWLINK = 16;
    static final int LOOPBACK_INDEX = 1;
    static final int IFF_UP = 1;

    private Loopback() {
    }

    /** Sets lo up through {@code route}, a NETLINK_ROUTE channel inside the namespace. */
    public static void up(NetlinkChannel route) throws IOException {
        if (route.protocol() != Protocol.ROUTE) {
            throw new IllegalArgumentException("lo is set up over NETLINK_ROUTE, not " + Protocol.name(route.protocol()));
        }
        byte[] req = MessageWriter.message(RTM_NEWLINK, NlFlags.REQUEST | NlFlags.ACK)
                .u8(0).u8(0).u16(0).u32(LOOPBACK_INDEX).u32(IFF_UP).u32(IFF_UP).build();
        route.send(req);
        for (Received r : route.drain()) {
            if (r instanceof Datagram d) {
                ByteView m = ByteView.of(d.bytes());
                if (m.length() >= 20 && m.u16le(4) == ControlType.ERROR) {
                    int error = m.s32le(16);
                    if (error != 0) {
                        throw new IOException("set lo up: the kernel answered " + Errno.signedName(error)
                                + (Errno.text(error) != null ? " (" + Errno.text(error) + ")" : ""));
                    }
                    return;
                }
            }
        }
        throw new IOException("set lo up: the kernel sent no acknowledgement");
    }
}
