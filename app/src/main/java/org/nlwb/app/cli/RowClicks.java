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
 * Clicks rows of the window's current tab, one at a time, in turn a jump (the list scrolled to a
 * random row, which is clicked: rows drawn anew) and a click on a row on screen (nothing
 * scrolls), and measures each click, the two kinds apart: how
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
    private final Figures jumps = new Figures();
    private final Figures onScreen = new Figures();

    /** One kind of click's figures (nanoseconds). */
    private static final class Figures {
        final List<Long> handler = new ArrayList<>();
        final List<Long> shown = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        int late;

        String report() {
            return String.format("%d: handler %s; shown after %s%s; FX CPU %s", handler.size(), stats(handler), stats(shown),
                    late == 0 ? "" : " (" + late + " not shown within 2 s)", stats(cpu));
        }
    }

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
            boolean jump = clicks % 2 == 0;
            Figures f = jump ? jumps : onScreen;
            long start = System.nanoTime();
            long cpu0 = fxCpu();
            long[] clicked = WindowBench.onFx(() -> {
                long h0 = System.nanoTime();
                CaptureTab t = workbench.currentTab();
                int row = jump ? random.nextInt(Math.max(1, t.list().rows().size())) : rowOnScreen(t, random);
                if (jump) {
                    t.table().scrollToRow(row);
                }
                t.table().selectRow(row);
                return new long[] {t.list().rows().get(row).index(), System.nanoTime() - h0};
            });
            f.handler.add(clicked[1]);
            long seen = waitShown((int) clicked[0], start);
            Thread.sleep(SETTLE_MS);
            f.cpu.add(fxCpu() - cpu0);
            windows.add(new long[] {start, System.nanoTime()});
            if (seen < 0) {
                f.late++;
            } else {
                f.shown.add(seen - start);
            }
            clicks++;
            Thread.sleep(GAP_MS);
        }
        return clicks;
    }

    /** A row on screen other than the selected one (FX thread). */
    private static int rowOnScreen(CaptureTab t, Random random) {
        int first = t.table().firstRowOnScreen() + 1;
        int last = Math.min(first + t.table().rowsOnScreen() - 3, t.list().rows().size() - 1);
        int selected = t.table().selectedRow();
        int row = first + random.nextInt(Math.max(1, last - first + 1));
        return row == selected && row < last ? row + 1 : row;
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

    /** Per kind of click: the handler's FX time, the time to the message shown, and the FX CPU the click cost. */
    String report() {
        return String.format("FX time of the click's handler, time to its message in the pane, FX thread CPU from the click"
                + " to shown + %d ms; jumps %s; clicks on a row on screen %s", SETTLE_MS, jumps.report(), onScreen.report());
    }

    private static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        long[] d = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("median %.1f ms, max %.1f ms", d[d.length / 2] / 1e6, d[d.length - 1] / 1e6);
    }
}
