package org.nlwb.decoder.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

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
 *
 * <p>Pitfall: a {@link FileChannel} is closed for every thread when a thread is interrupted while
 * it reads (a worker pool shut down, a filter replaced), which would leave the capture unreadable.
 * So a read clears the reading thread's interrupt status for its duration (and sets it again
 * after), and a channel closed all the same is opened again from the path, once it is known to be
 * the same file (its file key: device and inode), and the read retried.
 */
final class PositionalFile {
    /**
     * How often one read is tried on a channel closed under it. A thread interrupted again while it
     * reads closes the channel again, however often it is reopened: three attempts gave up when
     * another thread interrupted the reader in bursts (the suite caught it on a loaded machine), so
     * the bound only stops a reader that can never finish (each attempt is an open and an fstat).
     */
    private static final int MAX_ATTEMPTS = 1000;
    private final Path path;
    /** The file's identity (device and inode where the file system has them), or null. */
    private final Object fileKey;
    private final long size;
    private volatile FileChannel channel;

    private PositionalFile(Path path, Object fileKey, FileChannel channel, long size) {
        this.path = path;
        this.fileKey = fileKey;
        this.channel = channel;
        this.size = size;
    }

    static PositionalFile open(Path path) throws IOException {
        // the channel stays open for the capture's life (its descriptor is cleaned with it)
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new PositionalFile(path, key(path), ch, ch.size());
        } catch (IOException | RuntimeException e) {
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
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 1; ; attempt++) {
                FileChannel ch = channel;
                ByteBuffer b = ByteBuffer.wrap(dst, off, len);
                try {
                    while (b.hasRemaining()) { // a positional read may give fewer bytes than asked before the end
                        if (ch.read(b, at + b.position() - off) < 0) {
                            break;
                        }
                    }
                    return b.position() - off;
                } catch (ClosedChannelException e) { // this or another thread interrupted in a read
                    interrupted |= Thread.interrupted();
                    if (attempt == MAX_ATTEMPTS) {
                        throw new UncheckedIOException("cannot read " + path.getFileName() + " at " + at, e);
                    }
                    reopen(ch);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path.getFileName() + " at " + at, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Opens the file again in place of {@code closed}, unless another thread already did. */
    private synchronized void reopen(FileChannel closed) {
        if (channel != closed) {
            return;
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            if (fileKey == null || !Objects.equals(fileKey, key(path))) {
                ch.close();
                throw new UncheckedIOException(new IOException(path.getFileName()
                        + " was replaced by another file while open, or cannot be told to be the same"));
            }
            channel = ch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path.getFileName() + " again", e);
        }
    }

    private static Object key(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /** Reads exactly {@code len} bytes at {@code at}, or throws {@link FileShrunkException}. */
    void readFully(long at, byte[] dst, int off, int len) {
        if (read(at, dst, off, len) < len) {
            throw new FileShrunkException();
        }
    }
}
