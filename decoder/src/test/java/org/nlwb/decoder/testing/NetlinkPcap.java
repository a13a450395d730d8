package org.nlwb.decoder.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;

/**
 * Test helper: reads the shared LINKTYPE_NETLINK pcaps (little-endian, microseconds) into a
 * capture without depending on the readers being built elsewhere. Record layout (see
 * {@code samples/captured/README.md}): a 16-byte cooked header whose packet type 4 means user →
 * kernel, 0 kernel → user, and whose last two bytes are the protocol, big-endian.
 */
public final class NetlinkPcap {
    private NetlinkPcap() {
    }

    public static Capture read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 || b.getInt(20) != 253) {
            throw new IOException(file + ": not a little-endian LINKTYPE_NETLINK pcap");
        }
        Capture c = new Capture(file.getFileName().toString(), "pcap");
        int off = 24;
        int n = 0;
        while (off + 16 <= b.limit()) {
            long sec = b.getInt(off) & 0xffffffffL;
            long usec = b.getInt(off + 4) & 0xffffffffL;
            int incl = b.getInt(off + 8);
            byte[] rec = Arrays.copyOfRange(b.array(), off + 16, off + 16 + incl);
            int pktType = ((rec[0] & 0xff) << 8) | (rec[1] & 0xff);
            int protocol = ((rec[14] & 0xff) << 8) | (rec[15] & 0xff);
            byte[] data = Arrays.copyOfRange(rec, 16, rec.length);
            Direction d = pktType == 4 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
            c.append(new Record(sec * 1_000_000_000L + usec * 1000, d, protocol, -1, -1, null,
                    file.getFileName() + " record " + n, ByteView.of(data)));
            off += 16 + incl;
            n++;
        }
        return c;
    }
}
