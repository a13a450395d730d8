package org.nlwb.decoder.read;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A regular file mapped read-only in segments of at most {@link #SEGMENT} bytes, so a file of any
 * size maps (one {@code MappedByteBuffer} holds at most 2 GiB). A read that straddles two
 * segments is put together byte by byte; everything else is one buffer access. The file's bytes
 * stay in the page cache, never on the heap.
 *
 * <p>Pitfall: a mapped file that shrinks afterwards (truncated by another program) makes a read
 * past its new end fault; the JVM turns that fault into an {@link InternalError} thrown at some
 * later point of the reading thread, not reliably at the read: so callers check
 * {@link #stillHolds} before they read (see {@link MappedPcapStore}).
 */
final class MappedFile implements FileBytes {
    /** The largest segment: 1 GiB. */
    static final long SEGMENT = 1L << 30;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long segment;
    /** log2 of the segment size when it is a power of two (always but in tests), else -1: a shift is cheaper than a division. */
    private final int shift;
    private final MappedByteBuffer[] segments;

    private MappedFile(Path path, FileChannel channel, long size, long segment, MappedByteBuffer[] segments) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.segment = segment;
        this.shift = Long.bitCount(segment) == 1 ? Long.numberOfTrailingZeros(segment) : -1;
        this.segments = segments;
    }

    static MappedFile open(Path path) throws IOException {
        return open(path, SEGMENT);
    }

    /** As {@link #open(Path)} with segments of {@code segment} bytes (tests make them small). */
    static MappedFile open(Path path, long segment) throws IOException {
        // the channel stays open (its descriptor is cleaned with it) to tell a shrunk file cheaply
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            int n = (int) ((size + segment - 1) / segment);
            MappedByteBuffer[] segs = new MappedByteBuffer[n];
            for (int i = 0; i < n; i++) {
                long from = i * segment;
                segs[i] = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.min(segment, size - from));
                segs[i].order(ByteOrder.BIG_ENDIAN);
            }
            return new MappedFile(path, ch, size, segment, segs);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The size the file had when it was mapped: what is readable. */
    @Override
    public long size() {
        return size;
    }

    /**
     * The size the file has now (an {@code fstat}): smaller than {@link #size()} when it was cut
     * since it was mapped; -1 when it cannot be told.
     */
    long currentSize() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether {@code [at, at+len)} is still inside the file (reading it cannot fault). */
    boolean stillHolds(long at, int len) {
        long now = currentSize();
        return now < 0 || at + len <= now;
    }

    private int seg(long at) {
        return (int) (shift >= 0 ? at >>> shift : at / segment);
    }

    private int pos(long at) {
        return (int) (shift >= 0 ? at & (segment - 1) : at % segment);
    }

    @Override
    public int u8(long at) {
        return segments[seg(at)].get(pos(at)) & 0xff;
    }

    @Override
    public int u16(long at, boolean little) {
        int s = seg(at);
        int p = pos(at);
        if (p + 2 > segments[s].limit()) {
            return FileBytes.super.u16(at, little);
        }
        int v = segments[s].getShort(p) & 0xffff;
        return little ? Integer.reverseBytes(v) >>> 16 : v;
    }

    @Override
    public int i32(long at, boolean little) {
        int s = seg(at);
        int p = pos(at);
        int v;
        if (p + 4 <= segments[s].limit()) {
            v = segments[s].getInt(p);
        } else {
            v = u8(at) << 24 | u8(at + 1) << 16 | u8(at + 2) << 8 | u8(at + 3);
        }
        return little ? Integer.reverseBytes(v) : v;
    }

    @Override
    public void copy(long at, byte[] dst, int dstOff, int len) {
        while (len > 0) {
            int s = seg(at);
            int p = pos(at);
            int n = Math.min(len, segments[s].limit() - p);
            segments[s].get(p, dst, dstOff, n);
            at += n;
            dstOff += n;
            len -= n;
        }
    }
}
