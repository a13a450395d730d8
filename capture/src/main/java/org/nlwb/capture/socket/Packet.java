package org.nlwb.capture.socket;

/**
 * One frame read from an AF_PACKET socket.
 *
 * @param protocol sll_protocol in host order: the ethertype, or for an nlmon link the netlink protocol
 * @param packetType sll_pkttype: 0 host, 4 outgoing; on nlmon 6 (PACKET_USER: to a program) and
 *                   7 (PACKET_KERNEL: to the kernel)
 */
public record Packet(byte[] bytes, long timeNanos, int protocol, int packetType, int ifindex) {
    public static final int PACKET_HOST = 0;
    public static final int PACKET_OUTGOING = 4;
    public static final int PACKET_USER = 6;
    public static final int PACKET_KERNEL = 7;
}
