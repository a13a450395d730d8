package org.nlwb.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nlwb.app.ui.CaptureTab;
import org.nlwb.app.ui.Workbench;
import org.nlwb.decoder.decode.DecodedMessage;

/**
 * Clicks random rows of the window's current tab, one at a time, and measures each click: how
 * long the FX thread ran the click itself (the selection's listeners), how long until the message
 * pane shows the clicked message, and the FX thread's CPU from the click until the pane shows it
 * and a layout pulse has passed (everything the click made the FX thread do: the list's new rows,
 * the tree and hex panes, their layout). Uses only the window's public API (an older build is
 * measured the same way).
 */
final class RowClicks {
    /** Time given after the pane shows the message for the layout and paint it causes (a pulse is 16 ms). */
    private static final long SETTLE_MS = 40;
    /** The pause between one click settling and the next click: the probes in it see only background work. */
    private static final long GAP_MS = 100;

    private final Workbench workbench;
    private final long fxThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> windows = new ArrayList<>();
    private final List<Long> handler = new ArrayList<>();
    private final List<Long> shown = new ArrayList<>();
    private final List<Long> cpu = new ArrayList<>();
    private int late;

    RowClicks(Workbench workbench) throws Exception {
        this.workbench = workbench;
        this.fxThread = WindowBench.onFx(() -> Thread.currentThread().getId());
    }

    /** The FX thread's CPU time so far (ns). */
    long fxCpu() {
        return threads.getThreadCpuTime(fxThread);
    }

    /** Clicks rows chosen by {@code seed} for {@code seconds} or until {@code more} says stop; returns the clicks made. */
    int run(long seed, double seconds, Callable<Boolean> more) throws Exception {
        Random random = new Random(seed);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        int clicks = 0;
        while (System.nanoTime() < until && more.call()) {
            long start = System.nanoTime();
            long cpu0 = fxCpu();
            long[] clicked = WindowBench.onFx(() -> {
                long h0 = System.nanoTime();
                CaptureTab t = workbench.currentTab();
                int n = t.list().rows().size();
                int row = random.nextInt(Math.max(1, n));
                t.table().scrollTo(row);
                t.table().getSelectionModel().clearAndSelect(row);
                return new long[] {t.list().rows().get(row).index(), System.nanoTime() - h0};
            });
            handler.add(clicked[1]);
            long seen = waitShown((int) clicked[0], start);
            Thread.sleep(SETTLE_MS);
            cpu.add(fxCpu() - cpu0);
            windows.add(new long[] {start, System.nanoTime()});
            if (seen < 0) {
                late++;
            } else {
                shown.add(seen - start);
            }
            clicks++;
            Thread.sleep(GAP_MS);
        }
        return clicks;
    }

    /** When the main pane showed message {@code index} (nanoTime), or -1 after two seconds. */
    private long waitShown(int index, long start) throws Exception {
        while (System.nanoTime() - start < 2_000_000_000L) {
            boolean on = WindowBench.onFx(() -> {
                DecodedMessage m = workbench.currentTab().main().model().message();
                return m != null && m.ref().index() == index;
            });
            if (on) {
                return System.nanoTime();
            }
            Thread.sleep(1);
        }
        return -1;
    }

    /** The stretches of time each click's work took (from the click until it settled). */
    List<long[]> windows() {
        return windows;
    }

    /** Per click: the handler's FX time, the time to the message shown, and the FX CPU the click cost. */
    String report() {
        return String.format("click handler on the FX thread %s; message in the pane after %s%s; FX thread CPU per click"
                        + " (click to shown + %d ms) %s", stats(handler), stats(shown),
                late == 0 ? "" : " (" + late + " not shown within 2 s)", SETTLE_MS, stats(cpu));
    }

    private static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        long[] d = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("median %.1f ms, max %.1f ms", d[d.length / 2] / 1e6, d[d.length - 1] / 1e6);
    }
}
