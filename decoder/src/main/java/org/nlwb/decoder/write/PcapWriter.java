package org.nlwb.decoder.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.NetlinkCookedHeader;

/**
 * Writes a little-endian libpcap file of LINKTYPE_NETLINK (253) packets, one per record, each
 * flushed as written.
 *
 * <pre>
 *  file header (24): a1b2c3d4 | a1b23c4d (ns), version 2.4, thiszone 0, sigfigs 0, snaplen, 253
 *  per record (16):  ts_sec, ts_frac (µs or ns), caplen, len   — then:
 *  cooked header (16, big-endian): pkttype, 824, 0, 0…0, protocol  — then the datagram
 * </pre>
 *
 * pkttype is 4 for {@code TO_KERNEL}, 0 for {@code FROM_KERNEL}, 3 for {@code UNKNOWN}; the
 * protocol is 0xffff when the record's is unknown; a record with no time gets time 0. These are
 * what {@link org.nlwb.decoder.read.PcapReader} reads back to the same record. Fields pcap has
 * no place for (pid, fd, syscall) are not written; {@link PcapngWriter} keeps them.
 */
public final class PcapWriter implements RecordWriter {
    /** Large enough for any netlink datagram a program can receive (the kernel caps at 32 KiB pages). */
    public static final int SNAPLEN = 262_144;

    private final OutputStream out;
    private final TimeResolution resolution;

    /** Writes the file header at once (so even an empty capture is a valid file). */
    public PcapWriter(OutputStream out, TimeResolution resolution) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(resolution == TimeResolution.NANOSECONDS ? 0xa1b23c4d : 0xa1b2c3d4);
        h.putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(NetlinkCookedHeader.LINKTYPE_NETLINK);
        out.write(h.array());
        out.flush();
    }

    @Override
    public void write(Record record) throws IOException {
        byte[] data = record.bytes().toArray();
        int len = NetlinkCookedHeader.LENGTH + data.length;
        long t = Math.max(0, record.timeNanos());
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt((int) (t / 1_000_000_000L)).putInt((int) resolution.fraction(t)).putInt(len).putInt(len);
        out.write(h.array());
        out.write(NetlinkCookedHeader.encode(record.direction(), record.protocol()));
        out.write(data);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
