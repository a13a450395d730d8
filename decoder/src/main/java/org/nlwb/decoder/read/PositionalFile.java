package org.nlwb.decoder.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A regular file read with positional reads ({@code pread}) into heap arrays, never mapped: its
 * pages stay in the page cache, shared and not counted in this process's resident memory (a
 * mapping counts every page it touched, so decoding a 446 MB capture once left 446 MB resident).
 * Any size reads (offsets are {@code long}), and many threads may read at once. The readers over
 * it: {@link ReadWindow} (one thread walking forward, a reused buffer) and {@link SharedChunks}
 * (any thread, any order, small immutable chunks).
 *
 * <p>A file that shrinks afterwards cannot fault as a mapping does: a read of bytes it no longer
 * holds comes back short, and the readers throw {@link FileShrunkException} for exactly those.
 */
final class PositionalFile {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private PositionalFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static PositionalFile open(Path path) throws IOException {
        // the channel stays open for the capture's life (its descriptor is cleaned with it)
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new PositionalFile(path, ch, ch.size());
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The size the file had when it was opened: what is readable. */
    long size() {
        return size;
    }

    /**
     * The size the file has now (an {@code fstat}): smaller than {@link #size()} when it was cut
     * since it was opened; -1 when it cannot be told.
     */
    long currentSize() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads up to {@code len} bytes at {@code at} into {@code dst[off...]}, as many as the file
     * holds there (fewer only when it ends, or was cut, before {@code at + len}).
     *
     * @return the bytes read
     * @throws UncheckedIOException when the file cannot be read at all
     */
    int read(long at, byte[] dst, int off, int len) {
        ByteBuffer b = ByteBuffer.wrap(dst, off, len);
        try {
            while (b.hasRemaining()) {
                int n = channel.read(b, at + b.position() - off);
                if (n < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.getFileName() + " at " + at, e);
        }
        return b.position() - off;
    }

    /** Reads exactly {@code len} bytes at {@code at}, or throws {@link FileShrunkException}. */
    void readFully(long at, byte[] dst, int off, int len) {
        if (read(at, dst, off, len) < len) {
            throw new FileShrunkException();
        }
    }
}
