package org.nlwb.capture.socket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.sys.LibC;
import org.nlwb.capture.sys.SockaddrNl;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.model.Protocol;

/**
 * A raw {@code AF_NETLINK} socket of any protocol, bound to a kernel-assigned port id.
 *
 * <p>Receiving is sized exactly: a {@code recvmsg(MSG_PEEK|MSG_TRUNC)} first learns the next
 * datagram's length, so no datagram is ever truncated however large a dump reply is. When the
 * receive queue overflowed, {@link #receive} returns an {@link Overrun} instead of hiding the
 * kernel's ENOBUFS: the caller must show the loss.
 *
 * <p>Threads: one thread receives, any thread may send; {@link #close} waits for a receive in
 * progress (at most its poll timeout) so the descriptor is never closed under a running call.
 * A socket opened inside another network namespace (see
 * {@link org.nlwb.capture.netns.NetNamespace}) stays in that namespace whichever thread uses it.
 */
public final class NetlinkSocket implements NetlinkChannel {
    private static final int INITIAL_BUFFER = 32 * 1024;
    private static final int CONTROL_SIZE = 64;
    /** The most datagrams one {@link #drain} returns. */
    public static final int DRAIN_LIMIT = 10_000;

    private final LibC libc = Sys.libc();
    private final Runtime rt = Sys.runtime();
    private final int fd;
    private final int protocol;
    private final String where;
    private final int portId;
    private final ReentrantLock rxLock = new ReentrantLock();
    private final ReentrantLock txLock = new ReentrantLock();
    private volatile boolean closed;

    // receive state, guarded by rxLock
    private final SockaddrNl from;
    private final DatagramReceiver rx;
    private BatchReceiver batch;
    private final java.util.ArrayDeque<Received> pending = new java.util.ArrayDeque<>();

    // send state, guarded by txLock
    private final SockaddrNl kernel;

    private NetlinkSocket(int fd, int protocol, String netns) throws SysException {
        this.fd = fd;
        this.protocol = protocol;
        this.where = Protocol.name(protocol) + " socket" + (netns != null ? " in netns " + netns : "");
        this.from = alloc(new SockaddrNl(rt));
        this.rx = new DatagramReceiver(fd, from, SockaddrNl.SIZE, CONTROL_SIZE, INITIAL_BUFFER, where);
        this.kernel = alloc(new SockaddrNl(rt));
        kernel.family.set(Sys.AF_NETLINK);
        SockaddrNl self = alloc(new SockaddrNl(rt));
        self.family.set(Sys.AF_NETLINK);
        try {
            Sys.check(libc.bind(fd, Struct.getMemory(self), SockaddrNl.SIZE), "bind " + where, null);
            Pointer len = Memory.allocateDirect(rt, 4, true);
            len.putInt(0, SockaddrNl.SIZE);
            Sys.check(libc.getsockname(fd, Struct.getMemory(self), len), "getsockname of " + where, null);
        } catch (SysException e) {
            libc.close(fd);
            throw e;
        }
        this.portId = (int) self.pid.get();
    }

    private <T extends Struct> T alloc(T s) {
        s.useMemory(Memory.allocateDirect(rt, Struct.size(s), true));
        return s;
    }

    /** Opens and binds a socket of {@code protocol} in the calling thread's network namespace. */
    public static NetlinkSocket open(int protocol) throws SysException {
        return open(protocol, null);
    }

    /**
     * Opens a socket of {@code protocol} in the network namespace {@code netns} (a name under
     * /var/run/netns), or in nlwb's own when null. The socket stays in that namespace for its
     * whole life, whichever thread uses it later.
     */
    public static NetlinkSocket openIn(String netns, int protocol) throws SysException {
        if (netns == null) {
            return open(protocol);
        }
        try {
            return NetNamespace.inside(netns, "open a " + Protocol.name(protocol) + " socket", () -> open(protocol, netns));
        } catch (SysException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens and binds a socket of {@code protocol} on the calling thread. Call it inside the
     * namespace the socket must belong to; {@code netns} only names that namespace in messages.
     */
    public static NetlinkSocket open(int protocol, String netns) throws SysException {
        String what = "open a " + Protocol.name(protocol) + " socket" + (netns != null ? " in netns " + netns : "");
        int fd = Sys.check(Sys.libc().socket(Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, protocol), what, null);
        return new NetlinkSocket(fd, protocol, netns);
    }

    @Override
    public int protocol() {
        return protocol;
    }

    /** The port id the kernel assigned at bind (the nlmsg_pid of replies to this socket). */
    @Override
    public int portId() {
        return portId;
    }

    public int fd() {
        return fd;
    }

    /** Joins multicast group {@code group} (1-based, any number; not limited to bind's 32). */
    public void addMembership(int group) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_ADD_MEMBERSHIP, group, "join multicast group " + group + " on " + where,
                "CAP_NET_ADMIN");
    }

    public void dropMembership(int group) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_DROP_MEMBERSHIP, group, "leave multicast group " + group + " on " + where,
                null);
    }

    /** NETLINK_EXT_ACK: errors and warnings carry NLMSGERR_ATTR_MSG/OFFS TLVs. */
    public void setExtAck(boolean on) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_EXT_ACK, on ? 1 : 0, "set NETLINK_EXT_ACK on " + where, null);
    }

    /** NETLINK_CAP_ACK: errors echo only the request's header (NLM_F_CAPPED). */
    public void setCapAck(boolean on) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_CAP_ACK, on ? 1 : 0, "set NETLINK_CAP_ACK on " + where, null);
    }

    /** NETLINK_GET_STRICT_CHK: the kernel validates dump requests strictly (and honours filters). */
    public void setStrictCheck(boolean on) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_GET_STRICT_CHK, on ? 1 : 0, "set NETLINK_GET_STRICT_CHK on " + where, null);
    }

    /** NETLINK_LISTEN_ALL_NSID: receive notifications of every peer namespace, with its nsid. */
    public void setListenAllNsid(boolean on) throws SysException {
        setInt(Sys.SOL_NETLINK, Sys.NETLINK_LISTEN_ALL_NSID, on ? 1 : 0, "set NETLINK_LISTEN_ALL_NSID on " + where,
                "CAP_NET_BROADCAST");
    }

    /**
     * Sets the receive buffer. The kernel doubles the value and clamps it between its minimum
     * and {@code net.core.rmem_max}; {@code force} (SO_RCVBUFFORCE) ignores rmem_max and needs
     * CAP_NET_ADMIN. Returns what the kernel actually set.
     */
    public int setReceiveBuffer(int bytes, boolean force) throws SysException {
        setInt(Sys.SOL_SOCKET, force ? Sys.SO_RCVBUFFORCE : Sys.SO_RCVBUF, bytes,
                "set " + (force ? "SO_RCVBUFFORCE" : "SO_RCVBUF") + " to " + bytes + " on " + where, "CAP_NET_ADMIN");
        return receiveBuffer();
    }

    public int receiveBuffer() throws SysException {
        Pointer v = Memory.allocateDirect(rt, 4, true);
        Pointer len = Memory.allocateDirect(rt, 4, true);
        len.putInt(0, 4);
        Sys.check(libc.getsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUF, v, len), "get SO_RCVBUF of " + where, null);
        return v.getInt(0);
    }

    private void setInt(int level, int option, int value, String what, String capability) throws SysException {
        ensureOpen();
        Pointer v = Memory.allocateDirect(rt, 4, true);
        v.putInt(0, value);
        Sys.check(libc.setsockopt(fd, level, option, v, 4), what, capability);
    }

    /** Sends one datagram (one or more messages) to the kernel. */
    @Override
    public void send(byte[] datagram) throws SysException {
        txLock.lock();
        try {
            ensureOpen();
            Pointer p = Memory.allocateDirect(rt, Math.max(1, datagram.length), true);
            p.put(0, datagram, 0, datagram.length);
            long n;
            do {
                n = libc.sendto(fd, p, datagram.length, 0, Struct.getMemory(kernel), SockaddrNl.SIZE);
            } while (n < 0 && Sys.errno() == Sys.EINTR);
            Sys.check(n, "send " + datagram.length + " bytes on " + where, null);
        } finally {
            txLock.unlock();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: forever) for the next datagram.
     *
     * @return the datagram, an {@link Overrun} when the kernel dropped messages since the last
     *         receive, or null when the time ran out or the socket was closed
     */
    @Override
    public Received receive(int timeoutMillis) throws SysException {
        rxLock.lock();
        try {
            if (closed) {
                return null;
            }
            if (batch != null) {
                return receiveBatched(timeoutMillis);
            }
            long n = rx.next(timeoutMillis);
            if (n == DatagramReceiver.OVERRUN) {
                return new Overrun(now(), receiveBuffer());
            }
            if (n == DatagramReceiver.NOTHING) {
                return null;
            }
            long time = now();
            byte[] data = rx.copy(n);
            return new Datagram(data, time, (int) from.pid.get(), (int) from.groups.get(),
                    nsid(rx.control(), rx.controlLength()));
        } finally {
            rxLock.unlock();
        }
    }

    /**
     * Receives up to {@code slots} datagrams a system call ({@code recvmmsg}), each into a slot of
     * {@code slotBytes}, instead of peeking at each one's size first (see {@code BatchReceiver}):
     * for a monitor of small notifications. A larger datagram arrives cut to its slot. The
     * datagrams of one call share its receive time.
     */
    public void receiveInBatches(int slots, int slotBytes) {
        rxLock.lock();
        try {
            batch = new BatchReceiver(fd, slots, slotBytes, where);
        } finally {
            rxLock.unlock();
        }
    }

    private Received receiveBatched(int timeoutMillis) throws SysException {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        long n = batch.fill(timeoutMillis);
        if (n == BatchReceiver.OVERRUN) {
            return new Overrun(now(), receiveBuffer());
        }
        if (n == BatchReceiver.NOTHING) {
            return null;
        }
        long time = now();
        for (int i = 0; i < n; i++) {
            pending.add(new Datagram(batch.bytes(i), time, batch.senderPort(i), batch.groups(i),
                    nsid(batch.control(i), batch.controlLength(i))));
        }
        return pending.poll();
    }

    /**
     * Everything already queued on the socket, without waiting: at most {@link #DRAIN_LIMIT}
     * datagrams, so a socket flooded by notifications cannot keep the caller here forever.
     */
    @Override
    public List<Received> drain() throws SysException {
        List<Received> out = new ArrayList<>();
        Received r;
        while (out.size() < DRAIN_LIMIT && (r = receive(0)) != null) {
            out.add(r);
        }
        return out;
    }

    /**
     * The nsid from a NETLINK_LISTEN_ALL_NSID control message, or -1.
     *
     * <pre>
     *  cmsghdr: | cmsg_len size_t | cmsg_level int | cmsg_type int | data (int nsid) |
     * </pre>
     */
    private static int nsid(Pointer control, long len) {
        int off = 0;
        while (off + 16 <= len) {
            long clen = control.getLong(off);
            int level = control.getInt(off + 8);
            int type = control.getInt(off + 12);
            if (clen < 16) {
                break;
            }
            if (level == Sys.SOL_NETLINK && type == Sys.NETLINK_LISTEN_ALL_NSID && clen >= 20) {
                return control.getInt(off + 16);
            }
            off += (int) ((clen + 7) & ~7L);
        }
        return -1;
    }

    private static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void ensureOpen() throws SysException {
        if (closed) {
            throw new SysException("use of closed " + where, 9, null);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rxLock.lock();
        txLock.lock();
        try {
            libc.close(fd);
        } finally {
            txLock.unlock();
            rxLock.unlock();
        }
    }

    @Override
    public String toString() {
        return where + " (fd " + fd + ", port " + Integer.toUnsignedString(portId) + ")";
    }
}
