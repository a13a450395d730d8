package org.nlwb.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * person waits for: the time to the first rows, how long the FX thread was held up (stalls) while
 * the table is scrolled and clicked during the diagnostics scan, and a filter's time to its first
 * rows found and to its end, with the stalls meanwhile. Figures, not assertions.
 *
 * <p>Stalls are measured by a probe that posts a no-op to the FX thread every 10 ms (the next only
 * once the last has run) and records how long each waited. Needs a display (a desktop, Xvfb, or
 * Monocle with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless} when it is on the class
 * path). Uses only the window's public API, so the same class measures an older build too.
 */
final class WindowBench {
    private final Path file;
    private final String filterText;
    private final double scrollSeconds;
    private final PrintStream out;
    private Workbench workbench;

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

    /** Delays of probes posted to the FX thread, while it runs. */
    private static final class StallProbe implements Runnable {
        private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stop;

        @Override
        public void run() {
            while (!stop) {
                long posted = System.nanoTime();
                CompletableFuture<Void> ran = new CompletableFuture<>();
                Platform.runLater(() -> {
                    delays.add(System.nanoTime() - posted);
                    ran.complete(null);
                });
                try {
                    ran.get(60, TimeUnit.SECONDS);
                    Thread.sleep(10);
                } catch (Exception e) {
                    return;
                }
            }
        }

        String report() {
            List<Long> d;
            synchronized (delays) {
                d = new ArrayList<>(delays);
            }
            if (d.isEmpty()) {
                return "no probes";
            }
            Collections.sort(d);
            long over = d.stream().filter(x -> x >= 100_000_000L).count();
            return String.format("FX stalls max %.0f ms, 99th percentile %.0f ms, median %.1f ms, %d of %d probes over 100 ms",
                    d.get(d.size() - 1) / 1e6, d.get((int) (d.size() * 0.99)) / 1e6, d.get(d.size() / 2) / 1e6, over,
                    d.size());
        }
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
        StallProbe scrolling = new StallProbe();
        Thread probe = new Thread(scrolling, "stall-probe");
        probe.setDaemon(true);
        probe.start();
        Random random = new Random(1);
        long until = System.nanoTime() + (long) (scrollSeconds * 1e9);
        int clicks = 0;
        while (System.nanoTime() < until && busy()) {
            onFx(() -> {
                CaptureTab t = workbench.currentTab();
                int n = t.list().rows().size();
                int row = random.nextInt(Math.max(1, n));
                t.table().scrollTo(row);
                t.table().getSelectionModel().clearAndSelect(row);
                return null;
            });
            clicks++;
            Thread.sleep(100);
        }
        scrolling.stop = true;
        probe.join();
        int all = onFx(() -> workbench.currentTab().list().rows().size());
        out.printf("scrolling   %d clicks on random rows over %.1f s while the diagnostics scan runs (%,d rows): %s%n", clicks,
                (System.nanoTime() - first) / 1e9, all, scrolling.report());

        StallProbe filtering = new StallProbe();
        probe = new Thread(filtering, "stall-probe");
        probe.setDaemon(true);
        probe.start();
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
            if (firstFound < 0 && rows > 0 && rows != all) {
                firstFound = System.nanoTime();
                partial = rows;
            }
            Thread.sleep(20);
        }
        long f1 = System.nanoTime();
        filtering.stop = true;
        probe.join();
        int kept = onFx(() -> workbench.currentTab().list().rows().size());
        out.printf("filter      done in %.2f s, %,d of %,d kept; %s; %s%n", (f1 - f0) / 1e9, kept, all,
                firstFound < 0 ? "no rows shown before the end" : String.format("first %,d found shown at %.2f s",
                        partial, (firstFound - f0) / 1e9), filtering.report());
        waitFor(() -> workbench.tasks().running(), b -> b == 0, 600);
        int issues = onFx(() -> workbench.currentTab().diagnostics().issues().size());
        out.printf("scan end    background work done %.1f s after File ▸ Open (%,d diagnostics)%n",
                (System.nanoTime() - opened) / 1e9, issues);
        onFx(() -> {
            workbench.stage().hide();
            return null;
        });
        settings.clear();
        Platform.exit();
        return 0;
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

    private static <T> T onFx(Callable<T> c) throws Exception {
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
