package org.nlwb.capture.socket;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.nlwb.capture.sys.LibC;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * Waits for a descriptor to have input: one {@code struct pollfd} allocated once and reused, so
 * a receiver's wait costs one {@code poll} and no allocation. Not thread-safe: one per receiver.
 */
final class InputWait {
    private final LibC libc = Sys.libc();
    private final int fd;
    private final String where;
    private final Pointer pollFd = Memory.allocateDirect(Sys.runtime(), 8, true);

    /** @param where the socket, for error messages ("poll " + where) */
    InputWait(int fd, String where) {
        this.fd = fd;
        this.where = where;
    }

    /** Polls for input up to {@code timeoutMillis}; false when the time ran out or a signal came. */
    boolean await(int timeoutMillis) throws SysException {
        pollFd.putInt(0, fd);
        pollFd.putShort(4, Sys.POLLIN);
        pollFd.putShort(6, (short) 0);
        int ready = libc.poll(pollFd, 1, timeoutMillis);
        if (ready < 0) {
            if (Sys.errno() == Sys.EINTR) {
                return false;
            }
            Sys.check(ready, "poll " + where, null);
        }
        return ready > 0;
    }
}
