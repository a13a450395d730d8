package org.nlwb.app.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * How long no-ops posted to the FX thread waited (a stall each), while it runs: one every 10 ms,
 * the next only once the last has run. Each probe keeps when it was posted, so a bench can tell
 * the probes that waited behind a click's own work ({@link #split}) from those between clicks,
 * which only background work (a scan, the collector, other processes) can have held up.
 */
final class FxStallProbe implements Runnable {
    /** A probe: posted at {@code posted} (nanoTime), waited {@code delay} ns. */
    record Probe(long posted, long delay) {
    }

    private final List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stop;
    private Thread thread;

    /** Starts probing on a daemon thread of its own. */
    FxStallProbe start() {
        thread = new Thread(this, "stall-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops probing and waits for the last probe. */
    void stop() throws InterruptedException {
        stop = true;
        thread.join();
    }

    @Override
    public void run() {
        while (!stop) {
            long posted = System.nanoTime();
            CompletableFuture<Void> ran = new CompletableFuture<>();
            Platform.runLater(() -> {
                probes.add(new Probe(posted, System.nanoTime() - posted));
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

    List<Probe> probes() {
        synchronized (probes) {
            return new ArrayList<>(probes);
        }
    }

    /** The probes whose wait overlapped one of {@code windows} ({@code [from, to)} nanoTimes), or (inside false) the others. */
    List<Probe> split(List<long[]> windows, boolean inside) {
        List<Probe> out = new ArrayList<>();
        for (Probe p : probes()) {
            boolean in = false;
            for (long[] w : windows) {
                if (p.posted() < w[1] && p.posted() + p.delay() > w[0]) {
                    in = true;
                    break;
                }
            }
            if (in == inside) {
                out.add(p);
            }
        }
        return out;
    }

    /** "max, 99th percentile, median, how many over 100 ms" of {@code list}. */
    static String report(List<Probe> list) {
        if (list.isEmpty()) {
            return "no probes";
        }
        long[] d = list.stream().mapToLong(Probe::delay).sorted().toArray();
        long over = java.util.Arrays.stream(d).filter(x -> x >= 100_000_000L).count();
        return String.format("max %.0f ms, 99th %.0f ms, median %.1f ms, %d of %d over 100 ms", d[d.length - 1] / 1e6,
                d[(int) (d.length * 0.99)] / 1e6, d[d.length / 2] / 1e6, over, d.length);
    }
}
