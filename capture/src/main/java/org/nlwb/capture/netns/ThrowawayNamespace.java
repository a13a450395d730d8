package org.nlwb.capture.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace made for one job and removed afterwards ({@code ip netns add/del}; needs
 * root): tests and sends change links and addresses there, never in the host's namespace.
 *
 * <pre>{@code
 * try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
 *     ns.exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
 * }
 * }</pre>
 *
 * <p>Names are {@code PREFIX-<owner pid>-<n>} ({@code nlwb-tmp-4711-1}): a namespace outlives
 * its JVM only when that JVM is killed with SIGKILL, and {@link #cleanup} then finds it by the
 * dead owner's pid. SIGINT and SIGTERM remove it (a shutdown hook per namespace). A pid the
 * system has reused for another process keeps its orphan until that process ends: cleanup
 * never removes the namespace of a live pid.
 */
public final class ThrowawayNamespace implements AutoCloseable {
    /** The prefix of the namespaces the sending API makes. */
    public static final String TMP_PREFIX = "nlwb-tmp";
    /** {@code nlwb-...-PID-N}: the names {@link #create} gives, owner pid in group 1. */
    static final Pattern OWNED = Pattern.compile("nlwb-[a-z][a-z0-9-]*?-(\\d{1,10})-(\\d{1,10})");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final Thread hook;
    private boolean closed;

    private ThrowawayNamespace(String name) {
        this.name = name;
        this.hook = new Thread(this::closeQuietly, "nlwb-netns-cleanup-" + name);
    }

    /**
     * Creates {@code PREFIX-<pid>-<n>}, removed by {@link #close} or on SIGINT/SIGTERM.
     *
     * @param prefix starts with {@code nlwb-}, lower-case letters, digits and dashes
     */
    public static ThrowawayNamespace create(String prefix) throws IOException {
        if (!prefix.matches("nlwb-[a-z][a-z0-9-]*") || prefix.endsWith("-")) {
            throw new IllegalArgumentException("a throwaway namespace prefix is nlwb-[a-z0-9-]*, not '" + prefix + "'");
        }
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        run(List.of("ip", "netns", "add", name));
        ThrowawayNamespace ns = new ThrowawayNamespace(name);
        try {
            Runtime.getRuntime().addShutdownHook(ns.hook);
        } catch (IllegalStateException e) {
            ns.close(); // the JVM is already shutting down: nothing would remove it later
            throw new IOException("not creating " + name + ": the JVM is shutting down", e);
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Runs {@code command} inside the namespace ({@code ip netns exec}); returns its output. */
    public String exec(String... command) throws IOException {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(List.of(command));
        return run(all);
    }

    /**
     * Removes every {@code nlwb-...-PID-N} namespace whose owner pid is no longer running: the
     * leftovers of a killed nlwb. Callable at start and as {@code nlwb send --cleanup}.
     *
     * @return the names removed
     * @throws IOException after trying all, when some could not be removed (naming each)
     */
    public static List<String> cleanup() throws IOException {
        List<String> removed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String orphan : orphans()) {
            try {
                run(List.of("ip", "netns", "del", orphan));
                removed.add(orphan);
            } catch (IOException e) {
                failed.add(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new IOException("could not remove " + failed.size() + " orphaned namespace(s): " + String.join("; ", failed)
                    + (removed.isEmpty() ? "" : " (removed " + String.join(", ", removed) + ")"));
        }
        return removed;
    }

    /** The {@code nlwb-...-PID-N} namespaces whose owner pid is not running. */
    public static List<String> orphans() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(NetNamespace.NETNS_DIR)) {
            for (Path p : dir) {
                String n = p.getFileName().toString();
                Matcher m = OWNED.matcher(n);
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    out.add(n);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // no namespace was ever named on this machine
        }
        out.sort(null);
        return out;
    }

    /** Runs {@code command}; throws with its output when it fails. */
    public static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": still running after 30 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return out;
    }

    /** Removes the namespace; later calls do nothing. Safe from the shutdown hook and any thread. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook may be the caller; the removal below is what it is for
        }
        run(List.of("ip", "netns", "del", name));
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("nlwb: could not remove network namespace " + name + ": " + e.getMessage());
        }
    }
}
