package org.nlwb.capture.socket;

import java.util.List;
import org.nlwb.capture.sys.SysException;

/**
 * How to open a channel: the protocol, the multicast groups to join, and the acknowledgement
 * options (NETLINK_EXT_ACK: errors carry the kernel's message and the offending offset;
 * NETLINK_CAP_ACK: errors echo only the request's header).
 */
public record ChannelOptions(int protocol, List<Integer> groups, boolean extAck, boolean capAck) {
    public ChannelOptions {
        groups = List.copyOf(groups);
    }

    /** A request socket: no groups, both acknowledgement options on. */
    public static ChannelOptions requests(int protocol) {
        return new ChannelOptions(protocol, List.of(), true, true);
    }

    /** A listening socket joined to {@code groups}, no acknowledgement options. */
    public static ChannelOptions listener(int protocol, List<Integer> groups) {
        return new ChannelOptions(protocol, groups, false, false);
    }

    public ChannelOptions withAcks(boolean ext, boolean cap) {
        return new ChannelOptions(protocol, groups, ext, cap);
    }

    /** Sets the options on a socket just opened; on failure the socket is closed. */
    public NetlinkSocket applyTo(NetlinkSocket s) throws SysException {
        try {
            if (extAck) {
                s.setExtAck(true);
            }
            if (capAck) {
                s.setCapAck(true);
            }
            for (int g : groups) {
                s.addMembership(g);
            }
            return s;
        } catch (SysException e) {
            s.close();
            throw e;
        }
    }
}
