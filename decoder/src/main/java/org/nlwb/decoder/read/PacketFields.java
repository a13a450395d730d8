package org.nlwb.decoder.read;

import org.nlwb.decoder.model.Protocol;

/**
 * A packet's fields read again from its record or block in the file, for a mapped index that
 * keeps only where the block is: what {@link PcapReader#addPacket} was handed while indexing
 * (the walk has checked every length then; this reads the same fields the same way).
 *
 * @param dataOffset where the datagram starts (after the cooked header)
 */
record PacketFields(long timeNanos, int packetType, int protocol, long dataOffset, int dataLength, PacketComment comment) {
    /** Datagram offset minus block offset of a libpcap record: 16-byte record header, 16-byte cooked header. */
    static final int PCAP = 32;
    /** ... of a pcapng simple packet block: type, length, original length, cooked header. */
    static final int SIMPLE = 28;
    /** ... of a pcapng enhanced or obsolete packet block: type, length, 20 bytes of fields, cooked header. */
    static final int ENHANCED = 44;

    /**
     * The packet whose datagram is {@code delta} bytes after its block at {@code blockOff}, the
     * block's fields in the given byte order and time {@code units} per second.
     */
    static PacketFields at(FileBytes in, long blockOff, int delta, boolean little, long units) {
        long dataOff = blockOff + delta;
        long cooked = dataOff - NetlinkCookedHeader.LENGTH;
        int pkttype = in.u16(cooked, false);
        int p = in.u16(cooked + 14, false);
        int protocol = p == NetlinkCookedHeader.PROTOCOL_UNKNOWN ? Protocol.UNKNOWN : p;
        long time;
        long caplen;
        PacketComment comment = PacketComment.NONE;
        if (delta == PCAP) {
            long sec = in.i32(blockOff, little) & 0xffffffffL;
            long frac = in.i32(blockOff + 4, little) & 0xffffffffL;
            caplen = in.i32(blockOff + 8, little) & 0xffffffffL;
            time = sec == 0 && frac == 0 ? -1 : sec * 1_000_000_000L + (units == 1_000_000_000L ? frac : frac * 1000);
        } else {
            long bodyEnd = blockOff + (in.i32(blockOff + 4, little) & 0xffffffffL) - 4;
            long body = blockOff + 8;
            if (delta == SIMPLE) {
                long len = in.i32(body, little) & 0xffffffffL;
                caplen = Math.min(Math.min(len, bodyEnd - cooked), PcapReader.MAX_CAPLEN);
                time = -1;
            } else {
                long ts = (in.i32(body + 4, little) & 0xffffffffL) << 32 | (in.i32(body + 8, little) & 0xffffffffL);
                caplen = in.i32(body + 12, little);
                time = ts <= 0 ? -1 : PcapngBlocks.toNanos(ts, units);
                if (in.i32(blockOff, little) == 6) {
                    String text = PcapngBlocks.comment(in, little, cooked + ((caplen + 3) & ~3), bodyEnd);
                    comment = PacketComment.parse(text, bad -> { });
                }
            }
        }
        return new PacketFields(time, pkttype, protocol, dataOff, (int) caplen - NetlinkCookedHeader.LENGTH, comment);
    }
}
