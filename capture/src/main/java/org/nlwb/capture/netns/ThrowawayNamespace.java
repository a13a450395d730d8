package org.nlwb.capture.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one job and removed afterwards ({@code ip netns add/del}): tests
 * and demonstrations change links and addresses there, never in the host's namespace.
 *
 * <pre>{@code
 * try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
 *     ns.exec("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
 * }
 * }</pre>
 */
public final class ThrowawayNamespace implements AutoCloseable {
    private final String name;
    private boolean closed;

    private ThrowawayNamespace(String name) {
        this.name = name;
    }

    /** Creates {@code PREFIX-<random hex>}. Needs CAP_SYS_ADMIN. */
    public static ThrowawayNamespace create(String prefix) throws IOException {
        String name = prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        run(List.of("ip", "netns", "add", name));
        return new ThrowawayNamespace(name);
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

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            run(List.of("ip", "netns", "del", name));
        }
    }
}
