package org.nlwb.decoder.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a class path that {@code nobody} can read, for tests that start a JVM as an
 * unprivileged user: the build's own folders and {@code ~/.m2} are usually readable by their owner
 * only. Closing it removes the copy.
 */
public final class WorldReadableClassPath implements AutoCloseable {
    private final Path dir;
    private final String classPath;

    private WorldReadableClassPath(Path dir, String classPath) {
        this.dir = dir;
        this.classPath = classPath;
    }

    /** Copies every existing entry of {@code classPath} into a new temporary folder. */
    public static WorldReadableClassPath copyOf(String classPath) throws IOException {
        Path dir = Files.createTempDirectory("nlwb-nobody-cp");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : classPath.split(File.pathSeparator)) {
            Path from = Path.of(e);
            if (Files.exists(from)) {
                Path to = dir.resolve(i++ + "-" + from.getFileName());
                copyTree(from, to);
                entries.add(to.toString());
            }
        }
        return new WorldReadableClassPath(dir, String.join(File.pathSeparator, entries));
    }

    /** The copy's class path, in the order of the original. */
    public String classPath() {
        return classPath;
    }

    /** The folder the copy lives in (readable by all: a working directory for the child). */
    public Path dir() {
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                    Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the class path copy " + dir, e);
        }
    }
}
