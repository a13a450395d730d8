package org.nlwb.capture.socket;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.nlwb.capture.sys.LibC;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * Receives up to {@code slots} netlink datagrams with one {@code recvmmsg}, each into a slot of
 * {@code slotBytes}: for a monitor reading a flood of small notifications, one system call for
 * a whole queue's worth. A datagram larger than its slot arrives cut (MSG_TRUNC; its last message
 * then frames as malformed, which the decoder shows).
 *
 * <pre>
 *  mmsghdr, 64 bytes a slot:  | msghdr 56 (name, namelen, iov, iovlen, control, controllen, flags) | msg_len u32 | pad |
 *  per slot beside it:        sockaddr_nl 16 (12 used) | iovec 16 | control 64 | buffer slotBytes
 * </pre>
 *
 * <p>Not thread-safe: each socket calls it under its receive lock.
 */
final class BatchReceiver {
    static final long NOTHING = DatagramReceiver.NOTHING;
    static final long OVERRUN = DatagramReceiver.OVERRUN;
    private static final int MMSG = 64;
    private static final int NAME = 16;
    private static final int IOV = 16;
    static final int CONTROL = 64;

    private final LibC libc = Sys.libc();
    private final int fd;
    private final String where;
    private final int slots;
    private final int slotBytes;
    private final Pointer vec;
    private final Pointer names;
    private final Pointer iovs;
    private final Pointer controls;
    private final Pointer buffers;
    private final InputWait input;

    BatchReceiver(int fd, int slots, int slotBytes, String where) {
        Runtime rt = Sys.runtime();
        this.fd = fd;
        this.where = where;
        this.slots = slots;
        this.slotBytes = slotBytes;
        this.vec = Memory.allocateDirect(rt, (long) slots * MMSG, true);
        this.names = Memory.allocateDirect(rt, (long) slots * NAME, true);
        this.iovs = Memory.allocateDirect(rt, (long) slots * IOV, true);
        this.controls = Memory.allocateDirect(rt, (long) slots * CONTROL, true);
        this.buffers = Memory.allocateDirect(rt, (long) slots * slotBytes, true);
        this.input = new InputWait(fd, where);
    }

    /**
     * Waits up to {@code timeoutMillis} (0: not at all) and receives what is queued, up to the slots.
     *
     * @return how many datagrams, {@link #OVERRUN} or {@link #NOTHING}
     */
    long fill(int timeoutMillis) throws SysException {
        long n = recv();
        if (n == -Sys.EAGAIN && timeoutMillis != 0) {
            if (!input.await(timeoutMillis)) {
                return NOTHING;
            }
            n = recv();
        }
        if (n < 0) {
            return n == OVERRUN ? OVERRUN : NOTHING;
        }
        return n;
    }

    private long recv() throws SysException {
        for (int i = 0; i < slots; i++) {
            long m = (long) i * MMSG;
            vec.putAddress(m, names.address() + (long) i * NAME);
            vec.putInt(m + 8, 12);
            iovs.putAddress((long) i * IOV, buffers.address() + (long) i * slotBytes);
            iovs.putLong((long) i * IOV + 8, slotBytes);
            vec.putAddress(m + 16, iovs.address() + (long) i * IOV);
            vec.putLong(m + 24, 1);
            vec.putAddress(m + 32, controls.address() + (long) i * CONTROL);
            vec.putLong(m + 40, CONTROL);
            vec.putInt(m + 48, 0);
            vec.putInt(m + 56, 0);
        }
        int n = libc.recvmmsg(fd, vec, slots, Sys.MSG_DONTWAIT, null);
        if (n < 0) {
            int errno = Sys.errno();
            if (errno == Sys.ENOBUFS || errno == Sys.EAGAIN || errno == Sys.EINTR) {
                return -errno;
            }
            Sys.check(n, "receive on " + where, null);
        }
        return n;
    }


    /** The bytes of datagram {@code i} of the last fill (cut to its slot when it was larger). */
    byte[] bytes(int i) {
        int len = Math.min(vec.getInt((long) i * MMSG + 56), slotBytes);
        byte[] b = new byte[len];
        buffers.get((long) i * slotBytes, b, 0, len);
        return b;
    }

    /** nl_pid of datagram {@code i}'s sender. */
    int senderPort(int i) {
        return names.getInt((long) i * NAME + 4);
    }

    /** nl_groups of datagram {@code i}'s source address. */
    int groups(int i) {
        return names.getInt((long) i * NAME + 8);
    }

    /** Datagram {@code i}'s ancillary data and its length. */
    Pointer control(int i) {
        return controls.slice((long) i * CONTROL, CONTROL);
    }

    long controlLength(int i) {
        return vec.getLong((long) i * MMSG + 40);
    }
}
