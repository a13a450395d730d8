package org.nlwb.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.nlwb.app.ui.CaptureTab;
import org.nlwb.app.ui.Settings;
import org.nlwb.app.ui.Workbench;
import org.nlwb.app.ui.WorkbenchContext;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;

/**
 * {@code nlwb bench --window FILE}: opens the window on FILE as a person would and prints what a
 * person waits for: the time to the first rows; random rows clicked while the diagnostics scan
 * runs and then as long once it has ended, each with the causes of a stall apart (the click's own
 * FX-thread time and CPU, the time until its message is shown, the FX thread's stalls between
 * clicks and during a click's work, the collector's pauses, the FX thread's CPU with no clicks);
 * then a filter's time to its first rows found and to its end, with the stalls meanwhile.
 * Figures, not assertions.
 *
 * <p>Stalls are measured by {@link FxStallProbe}, clicks by {@link RowClicks}, pauses by
 * {@link GcPauses}. Needs a display (a desktop, Xvfb, or Monocle with {@code
 * -Dglass.platform=Monocle -Dmonocle.platform=Headless} when it is on the class path). Uses only
 * the window's public API, so the same classes measure an older build too.
 */
final class WindowBench {
    private final Path file;
    private final String filterText;
    private final double scrollSeconds;
    private final PrintStream out;
    private Workbench workbench;
    /** Listening from the start: the collector's pauses during each phase. */
    private final GcPauses gc = new GcPauses();

    WindowBench(Path file, String filterText, double scrollSeconds, PrintStream out) {
        this.file = file;
        this.filterText = filterText;
        this.scrollSeconds = scrollSeconds;
        this.out = out;
    }

    /**
     * {@code WindowBench FILE [FILTER [SECONDS]]}: the same measurement without the command line
     * around it, so it can be run against another build's jars (this class first on the class path).
     */
    public static void main(String[] args) throws Exception {
        String f = args.length > 1 ? args[1] : "IFLA_IFNAME == \"lo\"";
        double s = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        System.exit(new WindowBench(Path.of(args[0]), f, s, System.out).run());
    }

    int run() throws Exception {
        if (System.getProperty(org.nlwb.app.ui.StartupSteps.PROPERTY) == null) {
            // the window prints its steps to standard error (a build without them ignores this)
            System.setProperty(org.nlwb.app.ui.StartupSteps.PROPERTY, "true");
        }
        Registry registry = RegistryFactory.standard(List.of());
        Filter filter = Filter.parse(filterText);
        Settings settings = new Settings(Preferences.userRoot().node("org/nlwb/bench-window-" + ProcessHandle.current().pid()));
        Platform.startup(() -> { });
        out.printf("window      %s (%,.1f MB), filter %s%n", file, Files.size(file) / 1e6, filter.text());
        long t0 = System.nanoTime();
        onFx(() -> {
            workbench = new Workbench(new Stage(), new WorkbenchContext(Loader.standard(), () -> registry, settings));
            workbench.stage().show();
            return null;
        });
        long shown = System.nanoTime();
        onFx(() -> {
            workbench.open(file, null);
            return null;
        });
        long opened = System.nanoTime();
        int firstRows = waitFor(() -> {
            CaptureTab t = workbench.currentTab();
            return t == null ? 0 : t.list().rows().size();
        }, n -> n > 0, 120);
        long first = System.nanoTime();
        out.printf("first rows  %.2f s after File ▸ Open (%,d rows then; window up in %.2f s; process CPU %.2f s so far)%n",
                (first - opened) / 1e9, firstRows, (shown - t0) / 1e9, processCpuSeconds());
        if (scrollSeconds < 0) {
            // first rows only: what a negative scroll time asks for
            Thread.sleep(1000);
            onFx(() -> {
                workbench.stage().hide();
                return null;
            });
            settings.clear();
            Platform.exit();
            return 0;
        }
        int all = onFx(() -> workbench.currentTab().list().rows().size());
        out.printf("clicking    random rows (%,d so far), 100 ms between one click's message shown and the next click,"
                + " %.1f s with the diagnostics scan running, then as long once it has ended%n", all, scrollSeconds);
        RowClicks withScan = new RowClicks(workbench);
        clickPhase("with scan ", withScan, 1, this::busy);
        quietPhase("with scan ", withScan, this::busy);
        waitFor(() -> workbench.tasks().running(), b -> b == 0, 600);
        out.printf("scan end    background work done %.1f s after File ▸ Open%n", (System.nanoTime() - opened) / 1e9);
        RowClicks noScan = new RowClicks(workbench);
        clickPhase("scan ended", noScan, 2, () -> true);
        quietPhase("scan ended", noScan, () -> true);

        int whole = onFx(() -> workbench.currentTab().list().rows().size());
        FxStallProbe filtering = new FxStallProbe().start();
        long f0 = System.nanoTime();
        onFx(() -> {
            workbench.filterBar().setText(filter.text());
            workbench.applyFilter(filter);
            return null;
        });
        long firstFound = -1;
        int partial = 0;
        while (true) {
            Object[] s = onFx(() -> {
                CaptureTab t = workbench.currentTab();
                return new Object[] {t.list().filterProperty().get() == filter, t.list().rows().size()};
            });
            if ((Boolean) s[0]) {
                break;
            }
            int rows = (Integer) s[1];
            if (firstFound < 0 && rows > 0 && rows != whole) {
                firstFound = System.nanoTime();
                partial = rows;
            }
            Thread.sleep(20);
        }
        long f1 = System.nanoTime();
        filtering.stop();
        int kept = onFx(() -> workbench.currentTab().list().rows().size());
        out.printf("filter      done in %.2f s, %,d of %,d kept; %s; %s%n", (f1 - f0) / 1e9, kept, whole,
                firstFound < 0 ? "no rows shown before the end" : String.format("first %,d found shown at %.2f s",
                        partial, (firstFound - f0) / 1e9), FxStallProbe.report(filtering.probes()));
        int issues = onFx(() -> workbench.currentTab().diagnostics().issues().size());
        out.printf("diagnostics %,d listed%n", issues);
        onFx(() -> {
            workbench.stage().hide();
            return null;
        });
        settings.clear();
        Platform.exit();
        return 0;
    }

    /**
     * Clicks rows for the scroll time (while {@code more}) with a stall probe running, then prints
     * the clicks' own figures, the stalls between clicks and during them, and the collector's pauses.
     */
    private void clickPhase(String label, RowClicks clicks, long seed, Callable<Boolean> more) throws Exception {
        double p0 = scanProgress();
        FxStallProbe probe = new FxStallProbe().start();
        long from = System.nanoTime();
        int n = clicks.run(seed, scrollSeconds, more);
        long to = System.nanoTime();
        probe.stop();
        double p1 = scanProgress();
        out.printf("%s  %d clicks over %.1f s%s: %s%n", label, n, (to - from) / 1e9,
                p0 < 0 && p1 < 0 ? "" : String.format(" (scan at %.0f%% -> %s)", p0 * 100,
                        p1 < 0 ? "its end" : String.format("%.0f%%", p1 * 100)), clicks.report());
        out.printf("            FX stalls: all probes %s; between clicks %s; during a click's work %s%n",
                FxStallProbe.report(probe.probes()), FxStallProbe.report(probe.split(clicks.windows(), false)),
                FxStallProbe.report(probe.split(clicks.windows(), true)));
        out.printf("            GC %s%n", gc.report(from, to));
    }

    /** Two seconds without clicks (while {@code more}): the FX thread's CPU per second and its stalls, what background work alone costs it. */
    private void quietPhase(String label, RowClicks clicks, Callable<Boolean> more) throws Exception {
        FxStallProbe probe = new FxStallProbe().start();
        long from = System.nanoTime();
        long cpu0 = clicks.fxCpu();
        while (System.nanoTime() - from < QUIET_NANOS && more.call()) {
            Thread.sleep(20);
        }
        long to = System.nanoTime();
        long cpu = clicks.fxCpu() - cpu0;
        probe.stop();
        out.printf("%s  no clicks for %.1f s: FX thread CPU %.1f ms a second; FX stalls %s; GC %s%n", label,
                (to - from) / 1e9, cpu / 1e6 / Math.max(1e-9, (to - from) / 1e9), FxStallProbe.report(probe.probes()),
                gc.report(from, to));
    }

    private static final long QUIET_NANOS = 2_000_000_000L;

    private double scanProgress() throws Exception {
        return onFx(() -> workbench.currentTab().diagnostics().scanProgressProperty().get());
    }

    private static double processCpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : -1;
    }

    private boolean busy() throws Exception {
        return onFx(() -> workbench.tasks().running() > 0);
    }

    private <T> T waitFor(Callable<T> probe, java.util.function.Predicate<T> done, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            T v = onFx(probe);
            if (done.test(v) || System.nanoTime() > end) {
                return v;
            }
            Thread.sleep(5);
        }
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(600, TimeUnit.SECONDS);
    }
}
