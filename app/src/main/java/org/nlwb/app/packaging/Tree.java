package org.nlwb.app.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** File-tree chores of packaging: copy, delete, Debian's permissions, sizes. Symbolic links are kept as links, never followed. */
final class Tree {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private Tree() {
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Copies the tree {@code from} to {@code to} (which must not exist). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Debian's modes: directories and files their owner may run 0755, every other file 0644. */
    static void normalizePermissions(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                boolean exec = Files.isDirectory(p) || Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(p, exec ? EXECUTABLE : PLAIN);
            }
        }
    }

    /** The bytes of the regular files under {@code root}. */
    static long bytes(Path root) throws IOException {
        long total = 0;
        for (Path p : files(root)) {
            total += Files.size(p);
        }
        return total;
    }

    /** dpkg's Installed-Size: KiB, each file rounded up, as dpkg-gencontrol counts. */
    static long installedKib(Path root) throws IOException {
        long kib = 0;
        for (Path p : files(root)) {
            kib += (Files.size(p) + 1023) / 1024;
        }
        return kib;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }
}
