package org.nlwb.capture.live;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the notifications a monitor knows it lost, from the request sequence numbers they carry.
 *
 * <p>The kernel copies a request's nlmsg_seq and its sender's port id into the notification it
 * causes, so a sender that numbers its requests 1, 2, 3 ... makes notifications whose seq climbs
 * by one. A gap alone proves nothing (a request may have failed, or changed something in a group
 * not joined), so gaps count only after an overrun: the kernel reports ENOBUFS at the next receive
 * after a drop, ahead of what was still queued then, so the gap shows up within the next
 * receive-buffer's worth of bytes. Gaps found in that window are the count; outside it they are
 * ignored. Notifications the kernel made by itself (seq 0 or port 0) tell nothing and are skipped;
 * a sender whose notifications were lost before its first one that arrived is not counted either.
 * Sequence numbers compare as unsigned 32-bit values that may wrap.
 *
 * <p>Not thread-safe: the monitor's reader thread owns it.
 */
public final class SeqGaps {
    /** The last seq seen of each sender port. */
    private final Map<Integer, Long> last = new HashMap<>();
    private long windowBytes;
    private long lost;

    /**
     * An overrun: gaps in the next {@code queuedBytes} bytes of datagrams (the receive buffer,
     * which held at most that much when the kernel dropped) are losses.
     */
    public void overrun(long queuedBytes) {
        windowBytes = Math.max(windowBytes, queuedBytes);
    }

    /** A datagram of {@code bytes} bytes was read: the overrun window shrinks by it. */
    public void datagram(int bytes) {
        windowBytes = Math.max(0, windowBytes - bytes);
    }

    /**
     * A message from sender {@code portId} carrying {@code seq}; returns the messages it shows
     * lost (0 when none, or when no overrun came just before).
     */
    public long message(int portId, long seq) {
        long s = seq & 0xffff_ffffL;
        if (portId == 0 || s == 0) {
            return 0;
        }
        Long prev = last.get(portId);
        if (prev == null) {
            last.put(portId, s);
            return 0;
        }
        long ahead = (s - prev) & 0xffff_ffffL;
        if (ahead == 0 || ahead >= 0x8000_0000L) {
            return 0; // the same request again, or an older one
        }
        last.put(portId, s);
        if (ahead == 1 || windowBytes == 0) {
            return 0;
        }
        lost += ahead - 1;
        return ahead - 1;
    }

    /** Every datagram's messages: reads nlmsg_len, nlmsg_seq and nlmsg_pid of each (host order). */
    public long datagram(byte[] d) {
        long found = 0;
        int off = 0;
        while (off + 16 <= d.length) {
            int len = u32le(d, off);
            if (len < 16) {
                break;
            }
            found += message(u32le(d, off + 12), u32le(d, off + 8));
            off += (len + 3) & ~3;
        }
        datagram(d.length);
        return found;
    }

    private static int u32le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    /** Messages known lost so far. */
    public long lost() {
        return lost;
    }
}
