package org.nlwb.decoder.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.NetlinkCookedHeader;

/**
 * Writes a little-endian pcapng file: one section, one LINKTYPE_NETLINK interface with
 * {@code if_tsresol} 6 or 9, and an enhanced packet block per record (cooked header as in
 * {@link PcapWriter}), each flushed as written.
 *
 * <p>Unlike pcap, pcapng keeps what strace knew: a record with a pid, fd or syscall gets an
 * {@code opt_comment} {@value #COMMENT_PREFIX}{@code pid=123 fd=3 syscall=sendmsg}, which
 * {@link org.nlwb.decoder.read.PcapReader} reads back (and Wireshark shows as the packet comment).
 */
public final class PcapngWriter implements RecordWriter {
    public static final String COMMENT_PREFIX = org.nlwb.decoder.read.PcapReader.COMMENT_PREFIX;
    private static final int SHB = 0x0a0d0d0a;
    private static final int IDB = 1;
    private static final int EPB = 6;

    private final OutputStream out;
    private final TimeResolution resolution;

    public PcapngWriter(OutputStream out, TimeResolution resolution) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        ByteBuffer shbBody = le(16).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1L);
        writeBlock(SHB, shbBody.array());
        ByteArrayOutputStream idb = new ByteArrayOutputStream();
        idb.write(le(8).putShort((short) NetlinkCookedHeader.LINKTYPE_NETLINK).putShort((short) 0)
                .putInt(PcapWriter.SNAPLEN).array());
        writeOption(idb, 2, "nlwb".getBytes(StandardCharsets.UTF_8)); // if_name
        writeOption(idb, 9, new byte[] {(byte) (resolution == TimeResolution.NANOSECONDS ? 9 : 6)});
        idb.write(new byte[4]); // opt_endofopt
        writeBlock(IDB, idb.toByteArray());
        out.flush();
    }

    @Override
    public void write(Record record) throws IOException {
        byte[] data = record.bytes().toArray();
        int len = NetlinkCookedHeader.LENGTH + data.length;
        long units = resolution.units(Math.max(0, record.timeNanos()));
        ByteArrayOutputStream body = new ByteArrayOutputStream(len + 64);
        body.write(le(20).putInt(0).putInt((int) (units >>> 32)).putInt((int) units).putInt(len).putInt(len).array());
        body.write(NetlinkCookedHeader.encode(record.direction(), record.protocol()));
        body.write(data);
        body.write(new byte[pad(len)]);
        String comment = comment(record);
        if (comment != null) {
            writeOption(body, 1, comment.getBytes(StandardCharsets.UTF_8));
            body.write(new byte[4]);
        }
        writeBlock(EPB, body.toByteArray());
        out.flush();
    }

    /** {@code "nlwb: pid=1 fd=3 syscall=sendmsg"}, only the fields the record has; null when none. */
    static String comment(Record r) {
        StringBuilder sb = new StringBuilder();
        if (r.pid() >= 0) {
            sb.append(" pid=").append(r.pid());
        }
        if (r.fd() >= 0) {
            sb.append(" fd=").append(r.fd());
        }
        if (r.syscall() != null) {
            sb.append(" syscall=").append(r.syscall());
        }
        return sb.length() == 0 ? null : COMMENT_PREFIX + sb.substring(1);
    }

    private void writeBlock(int type, byte[] body) throws IOException {
        int total = 12 + body.length;
        out.write(le(8).putInt(type).putInt(total).array());
        out.write(body);
        out.write(le(4).putInt(total).array());
    }

    private static void writeOption(ByteArrayOutputStream o, int code, byte[] value) throws IOException {
        o.write(le(4).putShort((short) code).putShort((short) value.length).array());
        o.write(value);
        o.write(new byte[pad(value.length)]);
    }

    private static int pad(int n) {
        return (4 - (n & 3)) & 3;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
