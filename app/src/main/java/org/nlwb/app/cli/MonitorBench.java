package org.nlwb.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nlwb bench --monitor}: how many notifications a second {@code nlwb monitor --write}
 * puts on disk, and whether it says what it lost. Each row is a {@link MonitorTrial} in a fresh
 * namespace: {@code --quiet} (the capture only), then printing each message as it comes (the
 * decode on the way), then, with {@code --before CP}, the monitor of another build (its class
 * path) as a user runs it, for the before/after of one sitting. Needs root (namespaces,
 * SO_RCVBUFFORCE). The table: notifications generated, in the file, counted lost, overruns,
 * silent (neither written nor counted: should be 0), the rate written, and the monitor's CPU per
 * message.
 */
final class MonitorBench {
    private record Variant(String label, List<String> nlwb, List<String> extra) {
    }

    private final long count;
    private final long rate;
    private final String before;
    private final PrintStream out;

    /**
     * @param count  requests (so notifications) per row
     * @param rate   requests a second, 0 for as fast as the kernel takes them
     * @param before the class path of another build to run as a last row, or null
     */
    MonitorBench(long count, long rate, String before, PrintStream out) {
        this.count = count;
        this.rate = rate;
        this.before = before;
        this.out = out;
    }

    int run() throws Exception {
        List<Variant> variants = new ArrayList<>();
        List<String> self = JvmOptions.nlwbCommand(null);
        variants.add(new Variant("monitor -q --write", self, List.of("-q")));
        variants.add(new Variant("monitor --write (prints)", self, List.of()));
        if (before != null) {
            List<String> old = new ArrayList<>(self.subList(0, self.indexOf("-cp")));
            old.addAll(List.of("-cp", before, "org.nlwb.app.Main"));
            variants.add(new Variant("before: monitor --write", old, List.of()));
        }
        out.printf("monitor bench: %,d RTM_NEWADDR/RTM_DELADDR requests a row after %,d to warm up, %s, %d processors%n",
                count, MonitorTrial.WARM_UP,
                rate > 0 ? String.format("%,d a second", rate) : "as fast as the kernel takes them",
                Runtime.getRuntime().availableProcessors());
        out.printf("%-26s %10s %10s %10s %8s %8s %8s %12s %10s%n", "command", "sent/s", "generated", "written",
                "lost", "overruns", "silent", "written/s", "CPU/msg");
        int worst = 0;
        for (Variant v : variants) {
            MonitorTrial.Result r = MonitorTrial.run(v.nlwb(), v.extra(), v.nlwb() == self, count, rate);
            out.printf("%-26s %,10.0f %,10d %,10d %8s %,8d %,8d %,12.0f %8.1f us%s%n", v.label(), r.sendRate(),
                    r.generated(), r.written(), r.lost() < 0 ? "-" : String.format("%,d", r.lost()), r.overruns(),
                    r.silent(), r.writtenRate(), r.cpuMicros(), r.exit() == 0 || r.exit() == 143 ? "" : "  (exit " + r.exit() + ")");
            out.flush();
            if (v.nlwb() == self && r.silent() != 0) {
                worst = 1;
            }
        }
        return worst;
    }
}
