package org.nlwb.capture.socket;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.sys.LibC;
import org.nlwb.capture.sys.SockaddrLl;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * An {@code AF_PACKET} socket bound to one interface, receiving every protocol (ETH_P_ALL). On an
 * nlmon link each frame is one netlink message as it passed between a program and the kernel;
 * on other links it is a frame of that link. Receives are sized with MSG_PEEK|MSG_TRUNC like
 * {@link NetlinkSocket}'s. Opening needs CAP_NET_RAW.
 */
public final class PacketSocket implements AutoCloseable {
    public static final int SOCK_DGRAM = 2;
    private static final int ETH_P_ALL = 0x0003;
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final LibC libc = Sys.libc();
    private final Runtime rt = Sys.runtime();
    private final int fd;
    private final int ifindex;
    private final String where;
    private final ReentrantLock rxLock = new ReentrantLock();
    private volatile boolean closed;
    private final SockaddrLl from;
    private final DatagramReceiver rx;

    private PacketSocket(int fd, int ifindex, String where) {
        this.fd = fd;
        this.ifindex = ifindex;
        this.where = where;
        this.from = alloc(new SockaddrLl(rt));
        this.rx = new DatagramReceiver(fd, from, SockaddrLl.SIZE, 0, INITIAL_BUFFER, "the " + where);
    }

    private <T extends Struct> T alloc(T s) {
        s.useMemory(Memory.allocateDirect(rt, Struct.size(s), true));
        return s;
    }

    /**
     * Opens a packet socket on interface {@code ifname} in {@code netns} (null: nlwb's own).
     *
     * @param type {@link Sys#SOCK_RAW} (frames with their link header) or {@link #SOCK_DGRAM} (without)
     */
    public static PacketSocket open(String netns, String ifname, int type) throws SysException {
        String where = "AF_PACKET socket on " + ifname + (netns != null ? " in netns " + netns : "");
        if (netns == null) {
            return openHere(ifname, type, where);
        }
        try {
            return NetNamespace.inside(netns, "open an " + where, () -> openHere(ifname, type, where));
        } catch (SysException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PacketSocket openHere(String ifname, int type, String where) throws SysException {
        LibC c = Sys.libc();
        int ifindex = c.if_nametoindex(ifname);
        if (ifindex == 0) {
            throw new SysException("find interface " + ifname + " for an " + where, Sys.errno(), null);
        }
        int fd = Sys.check(c.socket(Sys.AF_PACKET, type | Sys.SOCK_CLOEXEC, Short.toUnsignedInt(
                Short.reverseBytes((short) ETH_P_ALL))), "open an " + where, "CAP_NET_RAW");
        SockaddrLl a = new SockaddrLl(Sys.runtime());
        a.useMemory(Memory.allocateDirect(Sys.runtime(), SockaddrLl.SIZE, true));
        a.family.set(Sys.AF_PACKET);
        a.protocol.set(Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL)));
        a.ifindex.set(ifindex);
        if (c.bind(fd, Struct.getMemory(a), SockaddrLl.SIZE) < 0) {
            int errno = Sys.errno();
            c.close(fd);
            throw new SysException("bind the " + where, errno, "CAP_NET_RAW");
        }
        return new PacketSocket(fd, ifindex, where);
    }

    public int ifindex() {
        return ifindex;
    }

    /** Sends {@code frame} out of the bound interface (a whole frame for SOCK_RAW). */
    public void send(byte[] frame) throws SysException {
        SockaddrLl to = alloc(new SockaddrLl(rt));
        to.family.set(Sys.AF_PACKET);
        to.ifindex.set(ifindex);
        to.protocol.set(Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL)));
        Pointer p = Memory.allocateDirect(rt, Math.max(1, frame.length), true);
        p.put(0, frame, 0, frame.length);
        Sys.check(libc.sendto(fd, p, frame.length, 0, Struct.getMemory(to), SockaddrLl.SIZE),
                "send " + frame.length + " bytes on the " + where, "CAP_NET_RAW");
    }

    /** The next frame, or null when {@code timeoutMillis} passed or the socket is closed. */
    public Packet receive(int timeoutMillis) throws SysException {
        rxLock.lock();
        try {
            if (closed) {
                return null;
            }
            long n = rx.next(timeoutMillis);
            if (n < 0) {
                return null;
            }
            Instant t = Instant.now();
            byte[] data = rx.copy(n);
            return new Packet(data, t.getEpochSecond() * 1_000_000_000L + t.getNano(),
                    Short.toUnsignedInt(Short.reverseBytes((short) from.protocol.get())), from.pkttype.get(),
                    from.ifindex.get());
        } finally {
            rxLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rxLock.lock();
        try {
            libc.close(fd);
        } finally {
            rxLock.unlock();
        }
    }
}
