package org.nlwb.capture.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * Runs work inside a named network namespace ({@code /var/run/netns/NAME}, as {@code ip netns}
 * makes them).
 *
 * <p>{@code setns(2)} moves only the calling thread, so the work runs on a dedicated thread
 * that enters the namespace, does its job and ends; the JVM's other threads never change
 * namespace. A socket opened there belongs to that namespace for its whole life, so its
 * descriptor can then be used from any thread.
 */
public final class NetNamespace {
    public static final Path NETNS_DIR = Path.of("/var/run/netns");

    /** Work to run inside a namespace. */
    @FunctionalInterface
    public interface Inside<T> {
        T run() throws Exception;
    }

    private NetNamespace() {
    }

    public static Path path(String name) {
        return NETNS_DIR.resolve(name);
    }

    public static boolean exists(String name) {
        return Files.exists(path(name));
    }

    /**
     * Runs {@code work} on a new thread inside namespace {@code name}.
     *
     * @param purpose what the work is for, used in error messages ({@code "open a NETLINK_ROUTE socket"})
     * @throws SysException when the namespace cannot be entered (ENOENT: no such namespace;
     *                      EPERM: setns needs CAP_SYS_ADMIN), or what {@code work} throws
     */
    public static <T> T inside(String name, String purpose, Inside<T> work) throws Exception {
        if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("not a network namespace name: '" + name + "'");
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                enter(name, purpose);
                result.set(work.run());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "netns-" + name);
        t.setDaemon(true);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Moves the calling thread into namespace {@code name}. Only for threads made for that. */
    private static void enter(String name, String purpose) throws SysException {
        Path p = path(name);
        int fd = Sys.libc().open(p.toString(), Sys.O_RDONLY | Sys.O_CLOEXEC);
        if (fd < 0) {
            int errno = Sys.errno();
            String what = errno == Sys.ENOENT
                    ? purpose + " in netns " + name + ": no such network namespace (" + p + ")"
                    : purpose + " in netns " + name + " (open " + p + ")";
            throw new SysException(what, errno, "read access to " + p);
        }
        try {
            Sys.check(Sys.libc().setns(fd, Sys.CLONE_NEWNET), purpose + " in netns " + name, "CAP_SYS_ADMIN (setns)");
        } finally {
            Sys.libc().close(fd);
        }
    }
}
