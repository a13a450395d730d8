package org.nlwb.decoder.read;

import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;

/**
 * The 16-byte pseudo-header in front of every LINKTYPE_NETLINK (253) packet, laid out like the
 * Linux "cooked" (SLL) header. All fields are big-endian, whatever the file's byte order.
 *
 * <pre>
 *  0      2      4          6                        14      16
 *  | pkttype | ARPHRD_NETLINK | addr len | addr (8, zero) | protocol |
 *  |  u16be  |  u16be = 824   |  u16be   |                |  u16be   |
 * </pre>
 *
 * <p>Direction. libpcap fills {@code pkttype} from the socket address of the tap: 0
 * {@code PACKET_HOST}, 1 broadcast, 2 multicast, 3 {@code PACKET_OTHERHOST}, 4
 * {@code PACKET_OUTGOING}. nlwb (and the converter of the shared captured samples) writes 4 for
 * program→kernel and 0 for kernel→program; 3 for a record whose direction is not known. A real
 * {@code nlmon} tap, however, marks <em>every</em> packet 4 (nlmon is a transmit-only device), so
 * 4 alone cannot be trusted: see {@link PcapReader} for how a file in that convention is told
 * apart and its directions inferred.
 */
public final class NetlinkCookedHeader {
    public static final int LENGTH = 16;
    public static final int LINKTYPE_NETLINK = 253;
    public static final int ARPHRD_NETLINK = 824;
    public static final int PACKET_HOST = 0;
    public static final int PACKET_BROADCAST = 1;
    public static final int PACKET_MULTICAST = 2;
    public static final int PACKET_OTHERHOST = 3;
    public static final int PACKET_OUTGOING = 4;
    /** The protocol field for a record whose protocol is not known (no netlink protocol has it). */
    public static final int PROTOCOL_UNKNOWN = 0xffff;

    private NetlinkCookedHeader() {
    }

    /** The header for a record going {@code direction} on {@code protocol} ({@link Protocol#UNKNOWN} allowed). */
    public static byte[] encode(Direction direction, int protocol) {
        int pkttype = switch (direction) {
            case TO_KERNEL -> PACKET_OUTGOING;
            case FROM_KERNEL -> PACKET_HOST;
            case UNKNOWN -> PACKET_OTHERHOST;
        };
        int proto = protocol < 0 ? PROTOCOL_UNKNOWN : protocol;
        byte[] h = new byte[LENGTH];
        h[1] = (byte) pkttype;
        h[2] = (byte) (ARPHRD_NETLINK >> 8);
        h[3] = (byte) ARPHRD_NETLINK;
        h[14] = (byte) (proto >> 8);
        h[15] = (byte) proto;
        return h;
    }

    public static int packetType(byte[] data, int off) {
        return (data[off] & 0xff) << 8 | (data[off + 1] & 0xff);
    }

    public static int hatype(byte[] data, int off) {
        return (data[off + 2] & 0xff) << 8 | (data[off + 3] & 0xff);
    }

    /** The netlink protocol number, or {@link Protocol#UNKNOWN} for {@link #PROTOCOL_UNKNOWN}. */
    public static int protocol(byte[] data, int off) {
        int p = (data[off + 14] & 0xff) << 8 | (data[off + 15] & 0xff);
        return p == PROTOCOL_UNKNOWN ? Protocol.UNKNOWN : p;
    }

    /** The direction {@code pkttype} stands for in nlwb's convention (see the class comment). */
    public static Direction direction(int packetType) {
        return switch (packetType) {
            case PACKET_OUTGOING -> Direction.TO_KERNEL;
            case PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST -> Direction.FROM_KERNEL;
            default -> Direction.UNKNOWN;
        };
    }
}
