package org.nlwb.decoder.write;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saves a file the user named so that it is either the old file or the whole new one, never a
 * mix or a stub: the bytes go to a temporary file in the same directory ({@code .NAME.XXXX.tmp}),
 * which is synced to disk ({@code fsync}) and then renamed over the target (atomic on POSIX file
 * systems); the directory is synced too so the rename survives a crash. A failure or a save that
 * is not {@linkplain #commit committed} deletes the temporary file and leaves the target as it was.
 *
 * <pre>{@code
 * try (AtomicFile f = AtomicFile.create(target)) {
 *     try (RecordWriter w = new PcapWriter(new BufferedOutputStream(f.stream()), res)) { ... }
 *     f.commit();
 * }
 * }</pre>
 *
 * <p>Pitfalls: {@link #stream()}'s {@code close()} only flushes, so that writers may close it and
 * {@link #commit()} can still sync; the new file gets the old one's permissions when there was
 * one, else the default ones (the umask). Not for live capture files, which are written and
 * flushed record by record so that a killed capture keeps what it had; they stay plain files.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the channel stays open for commit()'s sync
            }
        };
    }

    /** Starts saving {@code target}: creates the temporary file beside it. */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String name = abs.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                copyPermissions(abs, temp);
                return new AtomicFile(abs, temp, ch);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Writes {@code target} with {@code body} and commits; on any exception the target is left as it was. */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicFile f = create(target)) {
            body.writeTo(f.stream());
            f.commit();
        }
    }

    /** What {@link #write(Path, Body)} writes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Where the new content goes; closing it only flushes. */
    public OutputStream stream() {
        return stream;
    }

    /** Syncs the new content and puts it in place of the target. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or abandoned");
        }
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        syncDirectory(target.getParent());
    }

    /** Abandons the save unless it was committed: the temporary file goes, the target stays as it was. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the content is what matters; a file system without POSIX modes keeps its defaults
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a directory; the rename itself has happened
        }
    }
}
