package org.nlwb.capture.sys;

import java.io.IOException;
import org.nlwb.decoder.message.Errno;

/**
 * A system call failed. The message says what nlwb was doing, the errno's name and the kernel's
 * text, and (for EPERM/EACCES) which capability the operation needs, e.g.
 * {@code "opening a NETLINK_ROUTE socket in netns blue needs CAP_SYS_ADMIN (setns): EPERM (Operation not permitted)"}.
 */
public final class SysException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final String operation;
    private final String capability;

    /**
     * @param operation what nlwb was doing, in words ({@code "bind NETLINK_ROUTE socket"})
     * @param capability the capability the call needs when it fails with EPERM/EACCES, or null
     */
    public SysException(String operation, int errno, String capability) {
        super(describe(operation, errno, capability));
        this.errno = errno;
        this.operation = operation;
        this.capability = capability;
    }

    private static String describe(String operation, int errno, String capability) {
        String name = Errno.name(errno);
        String text = Errno.text(errno);
        String err = (name != null ? name : "errno " + errno) + (text != null ? " (" + text + ")" : "");
        boolean denied = errno == Sys.EPERM || errno == Sys.EACCES;
        if (denied && capability != null) {
            return operation + " needs " + capability + ": " + err;
        }
        return operation + ": " + err;
    }

    public int errno() {
        return errno;
    }

    /** {@code ENOBUFS}, or {@code errno N} when the number has no name. */
    public String errnoName() {
        String n = Errno.name(errno);
        return n != null ? n : "errno " + errno;
    }

    public String operation() {
        return operation;
    }

    /** The capability named for EPERM/EACCES, or null. */
    public String capability() {
        return capability;
    }

    /** True when the failure is a missing privilege (EPERM or EACCES). */
    public boolean isPermission() {
        return errno == Sys.EPERM || errno == Sys.EACCES;
    }
}
