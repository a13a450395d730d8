package org.nlwb.decoder.read;

/**
 * Where the pcap and pcapng walkers hand each netlink packet they found sound: its place in the
 * file and its fields, not its bytes, so a heap reader can copy them and a mapped index can
 * keep just the offsets.
 */
interface PacketSink {

    /**
     * @param index       the packet's number among the file's packets, from 0 (skipped ones count)
     * @param blockOffset where its pcap record or pcapng block starts
     * @param dataOffset  where its datagram starts (after the 16-byte cooked header)
     * @param dataLength  the datagram's captured length
     * @param syscall     from nlwb's pcapng packet comment, else null (pid and fd -1 then)
     * @param little      the byte order of the record's or block's fields
     * @param units       its time units per second
     */
    void packet(int index, long blockOffset, long timeNanos, int packetType, int protocol, long dataOffset,
                int dataLength, int pid, int fd, String syscall, boolean little, long units);
}
