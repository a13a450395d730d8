package org.nlwb.capture.sys;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The bound libc and the constants of {@code <sys/socket.h>}, {@code <linux/netlink.h>},
 * {@code <poll.h>} and {@code <sched.h>} nlwb uses (x86_64/arm64 Linux values; the UAPI headers in
 * /usr/include/linux are the source).
 */
public final class Sys {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int ENOBUFS = 105;

    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SOL_NETLINK = 270;
    public static final int SOL_PACKET = 263;

    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    public static final int NETLINK_LISTEN_ALL_NSID = 8;
    public static final int NETLINK_CAP_ACK = 10;
    public static final int NETLINK_EXT_ACK = 11;
    public static final int NETLINK_GET_STRICT_CHK = 12;

    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final short POLLIN = 0x1;

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private Sys() {
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** True when nlwb runs with effective uid 0 (in its own user namespace). */
    public static boolean isRoot() {
        return libc().geteuid() == 0;
    }

    /** errno of the last call made on this thread through {@link #libc()}. */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /**
     * Returns {@code ret} when it is not negative; else throws with errno.
     *
     * @param capability the capability to name when errno is EPERM/EACCES, or null
     */
    public static long check(long ret, String operation, String capability) throws SysException {
        if (ret < 0) {
            throw new SysException(operation, errno(), capability);
        }
        return ret;
    }

    public static int check(int ret, String operation, String capability) throws SysException {
        if (ret < 0) {
            throw new SysException(operation, errno(), capability);
        }
        return ret;
    }
}
