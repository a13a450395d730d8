package org.nlwb.decoder.read;

/**
 * {@link FileBytes} over a {@link PositionalFile} for one thread walking it forward (the
 * indexer): one reused buffer holds a window of the file, refilled from the offset asked for
 * when a read falls outside it, so a sequential walk costs one positional read per buffer and no
 * garbage. A copy larger than the buffer is read straight into its destination.
 *
 * <p>Not thread-safe. A read of bytes the file no longer holds (it was cut) throws
 * {@link FileShrunkException}; bytes it still holds read as they are.
 */
final class ReadWindow implements FileBytes {
    /** The buffer's size when none is given: 1 MiB. */
    static final int DEFAULT_CAPACITY = 1 << 20;

    private final PositionalFile file;
    private final byte[] buf;
    /** The file offset of {@code buf[0]}. */
    private long start;
    /** How many bytes of {@code buf} hold the file's. */
    private int filled;

    ReadWindow(PositionalFile file) {
        this(file, DEFAULT_CAPACITY);
    }

    /** With a buffer of {@code capacity} bytes (at least 4; tests make it tiny to cross its edges). */
    ReadWindow(PositionalFile file, int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a window of at least 4 bytes: " + capacity);
        }
        this.file = file;
        this.buf = new byte[capacity];
    }

    @Override
    public long size() {
        return file.size();
    }

    /** The index in {@code buf} of the {@code len <= buf.length} bytes at {@code at}, refilling the window when needed. */
    private int at(long at, int len) {
        long rel = at - start;
        if (rel >= 0 && rel + len <= filled) {
            return (int) rel;
        }
        start = at;
        filled = file.read(at, buf, 0, (int) Math.min(buf.length, Math.max(len, file.size() - at)));
        if (filled < len) {
            throw new FileShrunkException();
        }
        return 0;
    }

    @Override
    public int u8(long at) {
        return buf[at(at, 1)] & 0xff;
    }

    @Override
    public int u16(long at, boolean little) {
        int p = at(at, 2);
        int a = buf[p] & 0xff;
        int b = buf[p + 1] & 0xff;
        return little ? a | b << 8 : a << 8 | b;
    }

    @Override
    public int i32(long at, boolean little) {
        int p = at(at, 4);
        int v = (buf[p] & 0xff) << 24 | (buf[p + 1] & 0xff) << 16 | (buf[p + 2] & 0xff) << 8 | (buf[p + 3] & 0xff);
        return little ? Integer.reverseBytes(v) : v;
    }

    @Override
    public void copy(long at, byte[] dst, int dstOff, int len) {
        if (len > buf.length) {
            file.readFully(at, dst, dstOff, len);
            return;
        }
        System.arraycopy(buf, at(at, len), dst, dstOff, len);
    }
}
