package org.nlwb.capture.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls nlwb needs, bound through jnr-ffi. Every call saves errno ({@link SaveError}) so
 * {@link Sys#check} can turn a -1 into a {@link SysException} naming the errno. Callers use
 * {@link Sys#libc()}; nothing here is called with Java arrays, only native memory, so the
 * kernel sees exactly the layouts the {@code Struct} classes in this package define.
 */
public interface LibC {
    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int bind(int fd, @In Pointer addr, int addrlen);

    @SaveError
    int getsockname(int fd, @Out Pointer addr, Pointer addrlen);

    @SaveError
    int setsockopt(int fd, int level, int optname, @In Pointer optval, int optlen);

    @SaveError
    int getsockopt(int fd, int level, int optname, @Out Pointer optval, Pointer optlen);

    @SaveError
    @ssize_t long sendto(int fd, @In Pointer buf, @size_t long len, int flags, @In Pointer addr, int addrlen);

    @SaveError
    @ssize_t long sendmsg(int fd, @In Pointer msg, int flags);

    @SaveError
    @ssize_t long recvmsg(int fd, Pointer msg, int flags);

    @SaveError
    int recvmmsg(int fd, Pointer msgvec, int vlen, int flags, Pointer timeout);

    @SaveError
    int poll(Pointer fds, long nfds, int timeoutMillis);

    @SaveError
    int close(int fd);

    @SaveError
    int setns(int fd, int nstype);

    @SaveError
    int open(String path, int flags);

    @SaveError
    int unshare(int flags);

    @SaveError
    int if_nametoindex(String name);

    @SaveError
    int mkfifo(String path, int mode);

    int geteuid();
}
