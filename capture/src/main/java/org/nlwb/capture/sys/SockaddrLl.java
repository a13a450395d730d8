package org.nlwb.capture.sys;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * {@code struct sockaddr_ll} ({@code linux/if_packet.h}), 20 bytes. sll_protocol is in network
 * byte order.
 *
 * <pre>
 *  0           2              4              8            10          11           12          20
 *  | family    | protocol be16| ifindex s32  | hatype u16 | pkttype u8| halen u8   | addr[8]   |
 * </pre>
 */
public final class SockaddrLl extends Struct {
    public static final int SIZE = 20;
    public final Unsigned16 family = new Unsigned16();
    public final Unsigned16 protocol = new Unsigned16();
    public final Signed32 ifindex = new Signed32();
    public final Unsigned16 hatype = new Unsigned16();
    public final Unsigned8 pkttype = new Unsigned8();
    public final Unsigned8 halen = new Unsigned8();
    public final Unsigned8[] addr = array(new Unsigned8[8]);

    public SockaddrLl(Runtime runtime) {
        super(runtime);
    }
}
