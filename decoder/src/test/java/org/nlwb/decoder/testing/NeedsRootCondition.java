package org.nlwb.decoder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link NeedsRoot} test only where it can work: effective uid 0 with CAP_SYS_ADMIN (setns,
 * mounting {@code /run/netns}) and CAP_NET_ADMIN (links, addresses), and an {@code ip} that has
 * {@code netns}. Otherwise the test is skipped with one line saying what is missing. What the host
 * has is looked up once per JVM.
 */
public final class NeedsRootCondition implements ExecutionCondition {
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_SYS_ADMIN = 21;

    /** What a host offers such tests; {@code capEff} is the effective capability mask. */
    record Host(long euid, long capEff, boolean ipNetns) {
    }

    private static volatile Host current;
    private final Host fixed;

    public NeedsRootCondition() {
        this(null);
    }

    /** A condition that sees {@code host} instead of this process (for its own tests). */
    NeedsRootCondition(Host host) {
        this.fixed = host;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!AnnotationSupport.isAnnotated(context.getElement(), NeedsRoot.class)
                && context.getTestClass().map(c -> !AnnotationSupport.isAnnotated(c, NeedsRoot.class)).orElse(true)) {
            return ConditionEvaluationResult.enabled("not marked @NeedsRoot");
        }
        return evaluate(fixed != null ? fixed : host());
    }

    /** Whether a {@link NeedsRoot} test can run on {@code host}, and if not, why in one line. */
    static ConditionEvaluationResult evaluate(Host host) {
        if (host.euid() != 0) {
            return ConditionEvaluationResult.disabled("skipped: needs root (it makes network namespaces); "
                    + "running as uid " + host.euid());
        }
        for (int cap : new int[] {CAP_SYS_ADMIN, CAP_NET_ADMIN}) {
            if ((host.capEff() & (1L << cap)) == 0) {
                return ConditionEvaluationResult.disabled("skipped: root without " + (cap == CAP_SYS_ADMIN
                        ? "CAP_SYS_ADMIN" : "CAP_NET_ADMIN") + " (a container?) cannot make network namespaces");
            }
        }
        if (!host.ipNetns()) {
            return ConditionEvaluationResult.disabled("skipped: needs `ip netns` (install iproute2)");
        }
        return ConditionEvaluationResult.enabled("root with CAP_SYS_ADMIN and CAP_NET_ADMIN, and ip netns");
    }

    private static Host host() {
        Host h = current;
        if (h == null) {
            String status;
            try {
                status = Files.readString(Path.of("/proc/self/status"));
            } catch (IOException e) {
                status = "";
            }
            h = new Host(field(status, "Uid:", 1, 10), field(status, "CapEff:", 0, 16), ipNetnsWorks());
            current = h;
        }
        return h;
    }

    /**
     * Column {@code column} of the {@code /proc/self/status} line starting with {@code key}
     * ({@code Uid:} real, effective, saved, fs), in {@code radix}; -1 when absent.
     */
    static long field(String procStatus, String key, int column, int radix) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith(key)) {
                String[] cols = line.substring(key.length()).strip().split("\\s+");
                try {
                    return column < cols.length ? Long.parseUnsignedLong(cols[column], radix) : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Whether {@code ip netns list} runs (an {@code ip} on the PATH, or in /sbin, that knows netns). */
    private static boolean ipNetnsWorks() {
        for (String ip : List.of("ip", "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            try {
                Process p = new ProcessBuilder(ip, "netns", "list").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return true;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
