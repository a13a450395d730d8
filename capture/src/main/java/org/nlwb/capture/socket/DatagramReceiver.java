package org.nlwb.capture.socket;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.nlwb.capture.sys.IoVec;
import org.nlwb.capture.sys.LibC;
import org.nlwb.capture.sys.MsgHdr;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * The receive side netlink and packet sockets share: wait with poll, learn the next datagram's
 * size with {@code recvmsg(MSG_PEEK|MSG_TRUNC)}, grow the buffer to it, then receive it whole, with
 * the sender's address in {@code from} and ancillary data in an optional control buffer.
 *
 * <p>Not thread-safe: each socket calls it under its receive lock.
 */
final class DatagramReceiver {
    /** {@link #next} found nothing: the time ran out, or EAGAIN/EINTR. */
    static final long NOTHING = -1;
    /** {@link #next} found the receive queue overrun (ENOBUFS): messages were lost. */
    static final long OVERRUN = -Sys.ENOBUFS;

    private final LibC libc = Sys.libc();
    private final Runtime rt = Sys.runtime();
    private final int fd;
    private final String where;
    private final MsgHdr msg;
    private final IoVec iov;
    private final Pointer from;
    private final int fromSize;
    private final Pointer control;
    private final int controlSize;
    private final InputWait input;
    private Pointer buffer;
    private int capacity;

    /**
     * @param from        where recvmsg writes the sender's address ({@code sockaddr_nl}, {@code sockaddr_ll})
     * @param controlSize bytes of ancillary data to accept, 0 for none
     * @param where       the socket, for error messages ("poll " + where)
     */
    DatagramReceiver(int fd, Struct from, int fromSize, int controlSize, int initialCapacity, String where) {
        this.fd = fd;
        this.where = where;
        this.msg = alloc(new MsgHdr(rt));
        this.iov = alloc(new IoVec(rt));
        this.from = Struct.getMemory(from);
        this.fromSize = fromSize;
        this.controlSize = controlSize;
        this.control = controlSize > 0 ? Memory.allocateDirect(rt, controlSize, true) : null;
        this.input = new InputWait(fd, where);
        this.capacity = initialCapacity;
        this.buffer = Memory.allocateDirect(rt, capacity, true);
    }

    private <T extends Struct> T alloc(T s) {
        s.useMemory(Memory.allocateDirect(rt, Struct.size(s), true));
        return s;
    }

    /**
     * Waits up to {@code timeoutMillis} and receives the next datagram into the buffer.
     *
     * @return its length, {@link #OVERRUN} or {@link #NOTHING}
     */
    long next(int timeoutMillis) throws SysException {
        // Under load the next datagram is already queued: look first and poll only when there is
        // none, which saves a system call per datagram while a monitor keeps up with a flood.
        long size = recv(0, Sys.MSG_PEEK | Sys.MSG_TRUNC | Sys.MSG_DONTWAIT);
        if (size == -Sys.EAGAIN && timeoutMillis != 0) {
            if (!input.await(timeoutMillis)) {
                return NOTHING;
            }
            size = recv(0, Sys.MSG_PEEK | Sys.MSG_TRUNC | Sys.MSG_DONTWAIT);
        }
        if (size < 0) {
            return size == OVERRUN ? OVERRUN : NOTHING;
        }
        if (size > capacity) {
            capacity = (int) Math.max(size, capacity * 2L);
            buffer = Memory.allocateDirect(rt, capacity, true);
        }
        long n = recv(capacity, Sys.MSG_DONTWAIT);
        return n >= 0 || n == OVERRUN ? n : NOTHING;
    }


    /** The first {@code n} bytes of the last datagram received. */
    byte[] copy(long n) {
        byte[] data = new byte[(int) n];
        buffer.get(0, data, 0, data.length);
        return data;
    }

    /** The ancillary data of the last datagram (null when none was asked for). */
    Pointer control() {
        return control;
    }

    /** How many bytes of {@link #control} the last datagram filled. */
    long controlLength() {
        return msg.controllen.get();
    }

    /** recvmsg into the buffer; the length, or minus errno for ENOBUFS/EAGAIN/EINTR. */
    private long recv(int length, int flags) throws SysException {
        msg.name.set(from);
        msg.namelen.set(fromSize);
        iov.base.set(buffer);
        iov.len.set(length);
        msg.iov.set(Struct.getMemory(iov));
        msg.iovlen.set(1);
        msg.control.set(control);
        msg.controllen.set(controlSize);
        msg.flags.set(0);
        long n = libc.recvmsg(fd, Struct.getMemory(msg), flags);
        if (n < 0) {
            int errno = Sys.errno();
            if (errno == Sys.ENOBUFS || errno == Sys.EAGAIN || errno == Sys.EINTR) {
                return -errno;
            }
            Sys.check(n, "receive on " + where, null);
        }
        return n;
    }
}
