package org.nlwb.capture.sys;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct sockaddr_nl} ({@code linux/netlink.h}), 12 bytes.
 *
 * <pre>
 *  0            2         4              8                12
 *  | nl_family  | nl_pad  | nl_pid u32    | nl_groups u32 |
 * </pre>
 */
public final class SockaddrNl extends Struct {
    public static final int SIZE = 12;
    public final Unsigned16 family = new Unsigned16();
    public final Unsigned16 pad = new Unsigned16();
    public final Unsigned32 pid = new Unsigned32();
    public final Unsigned32 groups = new Unsigned32();

    public SockaddrNl(Runtime runtime) {
        super(runtime);
    }
}
