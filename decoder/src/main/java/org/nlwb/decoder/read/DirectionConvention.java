package org.nlwb.decoder.read;

import org.nlwb.decoder.model.Direction;

/**
 * Decides which way the packets of a LINKTYPE_NETLINK capture went: by their pkttype (nlwb's and
 * tcpdump's convention, {@link NetlinkCookedHeader#direction}) or, for a capture taken on an
 * {@code nlmon} tap, which marks every packet 4 ("outgoing", because nlmon transmits), by each
 * packet's first message: {@code NLM_F_REQUEST} (which every program-sent request carries and no
 * kernel reply does) means to the kernel. Fed the packets in file order; the heap reader and the
 * mapped index both decide through this one rule, so they make the same records.
 *
 * <p>The rule, settled early so a big capture streams from its first message:
 * <ul>
 * <li>a packet not marked outgoing, before the decision: pkttype's convention;</li>
 * <li>the first packet marked outgoing that does not start with a request (a reply as nlmon sees
 *     it) opens a window of {@link #CONFIRMING} packets; if they are all marked outgoing too (or
 *     the file ends first), nlmon's convention;</li>
 * <li>a file of outgoing requests only: pkttype's convention (to the kernel, as nlmon's would say too).</li>
 * </ul>
 * Until the decision only outgoing requests have been seen, and they go to the kernel under
 * either convention, so their records are made before it ({@link #decided}) and deciding late
 * never changes a record already made. The older rule (nlmon
 * when every packet of the whole file is outgoing and one is not a request) differs only for a
 * file with a packet not marked outgoing more than {@value #CONFIRMING} packets after its first
 * outgoing non-request: such a file is now read in nlmon's convention throughout. No capture in
 * the project's samples is such a file; nlmon captures are all outgoing, nlwb's and tcpdump's mark
 * the first reply 0.
 *
 * <p>Not thread-safe: one writer, as the indexer is.
 */
final class DirectionConvention {
    /** Packets after the first outgoing non-request that must be outgoing too for nlmon's convention. */
    static final int CONFIRMING = 256;

    private boolean settled;
    private boolean nlmon;
    /** -1 until an outgoing non-request is seen, then how many packets followed it. */
    private int since = -1;
    private int packets;
    /** The number of the first outgoing non-request, while it may still go either way. */
    private int open = Integer.MAX_VALUE;

    /** The next packet in file order: its pkttype and whether its datagram starts with a request. */
    void packet(int packetType, boolean request) {
        int number = packets++;
        if (settled) {
            return;
        }
        if (packetType != NetlinkCookedHeader.PACKET_OUTGOING) {
            settled = true;
        } else if (since >= 0) {
            if (++since >= CONFIRMING) {
                settled = true;
                nlmon = true;
            }
        } else if (!request) {
            since = 0;
            open = number;
        }
    }

    /** The file has ended: whatever is still open is decided now. */
    void end() {
        if (!settled) {
            settled = true;
            nlmon = since >= 0;
        }
    }

    /** Whether the convention is decided: records can be made from here on. */
    boolean settled() {
        return settled;
    }

    /**
     * How many of the packets so far have a direction that cannot change any more: all of them
     * once settled, else those before the first outgoing non-request (outgoing requests, which go
     * to the kernel under either convention). A record among them can be made before the decision.
     */
    int decided() {
        return settled ? packets : Math.min(packets, open);
    }

    /** Whether the capture is read in nlmon's convention; meaningful once {@link #settled}. */
    boolean nlmon() {
        return nlmon;
    }

    /** The direction of a packet under the convention decided. */
    Direction direction(int packetType, boolean request) {
        if (nlmon) {
            return request ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
        }
        return NetlinkCookedHeader.direction(packetType);
    }
}
