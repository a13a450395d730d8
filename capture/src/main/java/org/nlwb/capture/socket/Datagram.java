package org.nlwb.capture.socket;

/**
 * One datagram received from a netlink socket.
 *
 * @param senderPort nl_pid of the sender: 0 for the kernel
 * @param groups     nl_groups of the source address: the multicast group bit for notifications
 *                   (groups above 32 show as 0), 0 for unicast replies
 * @param nsid       the peer network namespace id from the NETLINK_LISTEN_ALL_NSID control
 *                   message, or -1 when the socket does not listen to all namespaces (or the
 *                   kernel sent none)
 */
public record Datagram(byte[] bytes, long timeNanos, int senderPort, int groups, int nsid) implements Received {
}
