package org.nlwb.decoder.read;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;

/**
 * Writes a pcapng with holes: real blocks at chosen offsets and, between them, blocks of a type
 * no reader knows whose body is never written, so the file stays sparse (the holes read as
 * zeros, which only the skipped bodies contain).
 */
final class SparsePcapng {
    private SparsePcapng() {
    }

    /** Section header and one LINKTYPE_NETLINK interface; returns the offset after them. */
    static long header(RandomAccessFile f) throws IOException {
        ByteBuffer b = le(28 + 20);
        b.putInt(0x0a0d0d0a).putInt(28).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        b.putInt(1).putInt(20).putShort((short) 253).putShort((short) 0).putInt(0).putInt(20);
        f.seek(0);
        f.write(b.array());
        return b.capacity();
    }

    /** An enhanced packet block of {@code datagram} at {@code off}; returns the offset after it. */
    static long packet(RandomAccessFile f, long off, byte[] datagram, int second) throws IOException {
        byte[] cooked = NetlinkCookedHeader.encode(Direction.FROM_KERNEL, Protocol.ROUTE);
        int cap = cooked.length + datagram.length;
        int len = 32 + ((cap + 3) & ~3);
        ByteBuffer b = le(len);
        long ts = second * 1_000_000L;
        b.putInt(6).putInt(len).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(cap).putInt(cap);
        b.put(cooked).put(datagram);
        b.position(len - 4);
        b.putInt(len);
        f.seek(off);
        f.write(b.array());
        return off + len;
    }

    /** A block of {@code size} bytes of an unknown type whose body stays a hole; returns the offset after it. */
    static long hole(RandomAccessFile f, long off, long size) throws IOException {
        ByteBuffer head = le(8);
        head.putInt(0x0bad).putInt((int) size);
        f.seek(off);
        f.write(head.array());
        ByteBuffer tail = le(4);
        tail.putInt((int) size);
        f.seek(off + size - 4);
        f.write(tail.array());
        return off + size;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
