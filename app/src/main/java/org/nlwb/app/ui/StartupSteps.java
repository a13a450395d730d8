package org.nlwb.app.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps between starting and the first drawn rows of a capture, each timed once: wall time
 * from a zero (the JVM's start, or when this was made), the process's CPU time then, and the
 * marking thread. With {@code -Dnlwb.startup=true} (e.g. {@code NLWB_JAVA_OPTS=-Dnlwb.startup=true
 * ./nlwb FILE}) each step is printed to standard error as it happens; otherwise they are only kept
 * ({@link #steps}). Thread-safe. A step marked again keeps its first time: the first rows are what
 * is measured, later opens add nothing.
 */
public final class StartupSteps {
    /** The system property that prints the steps as they happen. */
    public static final String PROPERTY = "nlwb.startup";

    /**
     * One step.
     *
     * @param name    what was done (or became visible) at that moment
     * @param wallMs  milliseconds since the zero
     * @param cpuMs   the process's CPU milliseconds (all threads) at that moment, -1 when unknown
     * @param thread  the thread that marked it
     * @param threadCpuMs that thread's own CPU milliseconds so far (the FX thread's, for the steps
     *                it marks), -1 when unknown
     */
    public record Step(String name, double wallMs, double cpuMs, String thread, double threadCpuMs) {
        /** The step as one line of the printed breakdown. */
        public String line() {
            return String.format(Locale.ROOT, "startup %7.0f ms wall %7.0f ms cpu %7.0f ms on %-14s %s", wallMs, cpuMs,
                    threadCpuMs, thread.length() > 14 ? thread.substring(0, 14) : thread, name);
        }
    }

    private final long zeroWallMillis;
    private final PrintStream out;
    private final Map<String, Step> steps = new LinkedHashMap<>();

    private StartupSteps(long zeroWallMillis, PrintStream out) {
        this.zeroWallMillis = zeroWallMillis;
        this.out = out;
    }

    /** Steps timed from the JVM's start (the command line's {@code nlwb FILE}); printed when {@link #PROPERTY} is set. */
    public static StartupSteps sinceJvmStart() {
        return new StartupSteps(ManagementFactory.getRuntimeMXBean().getStartTime(), printing());
    }

    /** Steps timed from now (a window made in a running JVM); printed when {@link #PROPERTY} is set. */
    public static StartupSteps sinceNow() {
        return new StartupSteps(System.currentTimeMillis(), printing());
    }

    /** Steps timed from now and kept, never printed (tests). */
    public static StartupSteps quiet() {
        return new StartupSteps(System.currentTimeMillis(), null);
    }

    private static PrintStream printing() {
        return Boolean.getBoolean(PROPERTY) ? System.err : null;
    }

    /** Marks {@code name} as done now, unless it was already. */
    public void mark(String name) {
        Step s;
        synchronized (this) {
            if (steps.containsKey(name)) {
                return;
            }
            s = new Step(name, System.currentTimeMillis() - zeroWallMillis, processCpuMs(), Thread.currentThread().getName(),
                    threadCpuMs());
            steps.put(name, s);
        }
        if (out != null) {
            out.println(s.line());
        }
    }

    /**
     * Prints (when printing) the live threads that used the most CPU so far, e.g. when the first
     * rows are drawn: which work took the processor from them. Threads of the JVM itself (the
     * compilers, the collector) are not Java-visible; the process's CPU less these is theirs.
     */
    public void printThreadCpu(int top) {
        if (out == null) {
            return;
        }
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!t.isThreadCpuTimeSupported()) {
            return;
        }
        record Use(String name, long ns) { }
        List<Use> uses = new ArrayList<>();
        long sum = 0;
        for (long id : t.getAllThreadIds()) {
            long ns = t.getThreadCpuTime(id);
            java.lang.management.ThreadInfo info = t.getThreadInfo(id);
            if (ns > 0 && info != null) {
                uses.add(new Use(info.getThreadName(), ns));
                sum += ns;
            }
        }
        uses.sort((a, b) -> Long.compare(b.ns, a.ns));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "startup threads' CPU: %.0f ms in Java threads, %.0f ms process;",
                sum / 1e6, processCpuMs()));
        for (Use u : uses.subList(0, Math.min(top, uses.size()))) {
            sb.append(String.format(Locale.ROOT, " %s %.0f ms,", u.name, u.ns / 1e6));
        }
        sb.setLength(sb.length() - 1);
        out.println(sb);
    }

    /** Whether {@code name} was marked. */
    public synchronized boolean marked(String name) {
        return steps.containsKey(name);
    }

    /** The steps marked so far, in the order they happened. */
    public synchronized List<Step> steps() {
        return new ArrayList<>(steps.values());
    }

    private static double processCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? -1 : ns / 1e6;
        }
        return -1;
    }

    private static double threadCpuMs() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() / 1e6 : -1;
    }
}
