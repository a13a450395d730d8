package org.nlwb.decoder.message;

import static org.nlwb.decoder.message.Netlink.NLMSG_HDRLEN;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;

/**
 * Splits a datagram into messages by nlmsg_len, the way the kernel's {@code nlmsg_next} does.
 *
 * <pre>
 *  datagram: | nlmsghdr+payload | pad | nlmsghdr+payload | pad | trailing ... |
 *              &lt;- nlmsg_len -&gt;         &lt;- nlmsg_len -&gt;
 *            each message starts at NLMSG_ALIGN(previous end)
 * </pre>
 *
 * Rules (cheap: offsets only, no decoding):
 * <ul>
 *   <li>nlmsg_len &ge; 16 and inside the datagram: a {@link FrameKind#MESSAGE}; the bytes up to the
 *       next 4-byte boundary are its alignment padding and part of no frame.</li>
 *   <li>Fewer than 16 bytes left, or what is left is all zeros after at least one message: a
 *       {@link FrameKind#TRAILING} frame.</li>
 *   <li>nlmsg_len 0 or under 16: {@link FrameKind#MALFORMED} covering the rest of the datagram
 *       (nothing after it can be trusted to start a message).</li>
 *   <li>nlmsg_len past the datagram: {@link FrameKind#MALFORMED} covering the rest.</li>
 *   <li>Protocol {@code NETLINK_KOBJECT_UEVENT}, or a datagram that starts with {@code libudev\0} or
 *       with the {@code ACTION@/devpath} text of a uevent: one {@link FrameKind#RAW} frame.</li>
 * </ul>
 * The frames of a datagram never overlap; any bytes between them are NLMSG_ALIGN padding.
 */
public final class Framer {
    private static final byte[] LIBUDEV = {'l', 'i', 'b', 'u', 'd', 'e', 'v', 0};
    /** The furthest the '@' of {@code ACTION@/devpath} may be: the longest action name is short. */
    private static final int UEVENT_AT_MAX = 16;

    private Framer() {
    }

    public static List<Frame> frames(ByteView datagram, int protocol) {
        List<Frame> frames = new ArrayList<>(2);
        int len = datagram.length();
        if (len == 0) {
            return frames;
        }
        if (protocol == Netlink.NETLINK_KOBJECT_UEVENT || looksLikeUevent(datagram)) {
            frames.add(new Frame(FrameKind.RAW, 0, len, null));
            return frames;
        }
        int off = 0;
        while (off < len) {
            int left = len - off;
            if (left < NLMSG_HDRLEN) {
                boolean zeros = datagram.slice(off, left).allZero();
                if (frames.isEmpty()) {
                    frames.add(new Frame(FrameKind.MALFORMED, off, left,
                            "only " + left + " bytes: too short for a 16-byte nlmsghdr"));
                } else {
                    frames.add(new Frame(FrameKind.TRAILING, off, left, left + " byte" + (left == 1 ? "" : "s")
                            + " after the last message" + (zeros ? " (zeros)" : "") + ": too short for a nlmsghdr"));
                }
                break;
            }
            long msgLen = datagram.u32le(off);
            if (msgLen == 0 && !frames.isEmpty() && datagram.slice(off, left).allZero()) {
                frames.add(new Frame(FrameKind.TRAILING, off, left,
                        left + " zero bytes after the last message (the sender's buffer was larger than its message)"));
                break;
            }
            if (msgLen < NLMSG_HDRLEN) {
                frames.add(new Frame(FrameKind.MALFORMED, off, left,
                        "nlmsg_len " + msgLen + " is less than the 16-byte header; the rest of the datagram ("
                                + left + " bytes) cannot be framed"));
                break;
            }
            if (msgLen > left) {
                frames.add(new Frame(FrameKind.MALFORMED, off, left,
                        "nlmsg_len " + msgLen + " runs past the datagram: only " + left + " bytes left"));
                break;
            }
            frames.add(new Frame(FrameKind.MESSAGE, off, (int) msgLen, null));
            off += Netlink.align((int) msgLen);
        }
        return frames;
    }

    /** Whether {@code datagram} is framed as one {@link FrameKind#RAW} frame (a uevent), as {@link #frames} does. */
    public static boolean isRaw(ByteView datagram, int protocol) {
        return datagram.length() > 0 && (protocol == Netlink.NETLINK_KOBJECT_UEVENT || looksLikeUevent(datagram));
    }

    /** A uevent from the kernel ({@code add@/devices/...}) or from udevd ({@code libudev\0}). */
    static boolean looksLikeUevent(ByteView d) {
        if (d.length() >= 8 && startsWith(d, LIBUDEV)) {
            return true;
        }
        // only an '@' among the first 17 bytes can start a uevent: no need to search the whole datagram
        int at = d.slice(0, Math.min(d.length(), UEVENT_AT_MAX + 1)).indexOf('@', 0);
        if (at < 3 || at > UEVENT_AT_MAX || d.length() < at + 2 || d.u8(at + 1) != '/') {
            return false;
        }
        for (int i = 0; i < at; i++) {
            int c = d.u8(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(ByteView d, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (d.u8(i) != (prefix[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
