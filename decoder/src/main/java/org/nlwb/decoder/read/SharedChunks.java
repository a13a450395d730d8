package org.nlwb.decoder.read;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@link FileBytes} over a {@link PositionalFile} for any thread in any order (records made on
 * demand: the export's workers, the window's rows, its scans): the file in aligned chunks, each
 * read with one positional read into an array of its own that is never written again, the last
 * few kept in slots by chunk number. A sequential pass reads each chunk once; a random access
 * costs one chunk's read, or, through {@link #around}, one read of exactly the record. Threads
 * share chunks without locks: a slot holds an immutable chunk, and two threads reading the same
 * chunk at once only read it twice.
 *
 * <p>A read of bytes the file no longer holds (cut since it was opened, and the chunk read after
 * the cut) throws {@link FileShrunkException}; a chunk read before the cut keeps its bytes.
 */
final class SharedChunks implements FileBytes {
    /** The chunk size when none is given: 64 KiB, a few records, cheap to read for one row. */
    static final int DEFAULT_CHUNK = 1 << 16;
    private static final int SLOTS = 16;

    /** Chunk {@code number}: the file's bytes from {@code number * chunk}, {@code bytes.length} of them or fewer where it ends. */
    private record Chunk(long number, byte[] bytes, int length) {
    }

    private final PositionalFile file;
    private final int chunk;
    private final AtomicReferenceArray<Chunk> slots = new AtomicReferenceArray<>(SLOTS);
    /** Where the span last asked for through {@link #around} ended: a record near it is part of a pass. */
    private volatile long lastEnd = Long.MIN_VALUE / 2;

    SharedChunks(PositionalFile file) {
        this(file, DEFAULT_CHUNK);
    }

    /** In chunks of {@code chunk} bytes (tests make them tiny so that reads cross their edges). */
    SharedChunks(PositionalFile file, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk of at least one byte: " + chunk);
        }
        this.file = file;
        this.chunk = chunk;
    }

    @Override
    public long size() {
        return file.size();
    }

    /**
     * What to read the bytes {@code [from, to)} of one record through: this, when they are in a
     * cached chunk, when they follow the span asked for before (a pass over the file, which reads
     * each chunk once) or are longer than a chunk; else the span alone, read at once with one
     * positional read (a row clicked far from the last: a chunk would read 64 KiB for it).
     *
     * @throws FileShrunkException when the span is read alone and the file no longer holds it
     */
    FileBytes around(long from, long to) {
        long last = lastEnd;
        lastEnd = to;
        long len = to - from;
        if (len <= 0 || len > chunk || Math.abs(from - last) <= chunk || cached(from) && cached(to - 1)) {
            return this;
        }
        byte[] b = new byte[(int) len];
        file.readFully(from, b, 0, b.length);
        return new Span(from, b);
    }

    private boolean cached(long at) {
        Chunk c = slots.get((int) (at / chunk % SLOTS));
        return c != null && c.number == at / chunk;
    }

    /** The bytes of {@code [base, base + bytes.length)} of the file; reads outside are a bug in the caller. */
    private record Span(long base, byte[] bytes) implements FileBytes {
        @Override
        public long size() {
            return base + bytes.length;
        }

        @Override
        public int u8(long at) {
            return bytes[(int) (at - base)] & 0xff;
        }

        @Override
        public int i32(long at, boolean little) {
            int p = (int) (at - base);
            int v = (bytes[p] & 0xff) << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | (bytes[p + 3] & 0xff);
            return little ? Integer.reverseBytes(v) : v;
        }

        @Override
        public void copy(long at, byte[] dst, int dstOff, int len) {
            System.arraycopy(bytes, (int) (at - base), dst, dstOff, len);
        }
    }

    private Chunk chunk(long number) {
        int slot = (int) (number % SLOTS);
        Chunk c = slots.get(slot);
        if (c != null && c.number == number) {
            return c;
        }
        long from = number * chunk;
        byte[] b = new byte[(int) Math.min(chunk, file.size() - from)];
        c = new Chunk(number, b, file.read(from, b, 0, b.length));
        slots.set(slot, c);
        return c;
    }

    @Override
    public int u8(long at) {
        Chunk c = chunk(at / chunk);
        int p = (int) (at % chunk);
        if (p >= c.length) {
            throw new FileShrunkException();
        }
        return c.bytes[p] & 0xff;
    }

    @Override
    public int i32(long at, boolean little) {
        Chunk c = chunk(at / chunk);
        int p = (int) (at % chunk);
        int v;
        if (p + 4 <= c.length) {
            byte[] b = c.bytes;
            v = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
        } else { // across two chunks, or the file cut under it
            v = u8(at) << 24 | u8(at + 1) << 16 | u8(at + 2) << 8 | u8(at + 3);
        }
        return little ? Integer.reverseBytes(v) : v;
    }

    @Override
    public void copy(long at, byte[] dst, int dstOff, int len) {
        while (len > 0) {
            Chunk c = chunk(at / chunk);
            int p = (int) (at % chunk);
            int n = Math.min(len, chunk - p);
            if (p + n > c.length) {
                throw new FileShrunkException();
            }
            System.arraycopy(c.bytes, p, dst, dstOff, n);
            at += n;
            dstOff += n;
            len -= n;
        }
    }
}
