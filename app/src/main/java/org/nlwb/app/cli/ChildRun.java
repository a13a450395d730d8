package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One timed run of a command as a child process: wall time, the bytes it wrote to standard
 * output (read from a pipe and counted, as {@code | wc -c} would) and its peak resident set
 * ({@code VmHWM} of {@code /proc/PID/status}, polled every 5 ms while it runs: VmHWM only grows,
 * so the last reading is the peak up to at most the final 5 ms) and CPU time (user + system of
 * {@code /proc/PID/stat}, threads included, read the same way: it misses at most the final 5 ms).
 * On a loaded machine CPU time says more than wall time. Standard error is discarded.
 *
 * @param seconds  wall time from start to exit
 * @param cpuSeconds user + system CPU time, -1 when /proc could not be read
 * @param outBytes bytes written to standard output
 * @param peakRssKb peak resident set in KiB, -1 when /proc could not be read
 * @param exit     the exit status
 */
record ChildRun(double seconds, double cpuSeconds, long outBytes, long peakRssKb, int exit) {
    /** USER_HZ: the unit of /proc/PID/stat times, 100 on every Linux architecture nlwb runs on. */
    private static final double TICKS = 100.0;

    /** Runs {@code command} to its end. */
    static ChildRun of(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        AtomicLong bytes = new AtomicLong();
        Thread counter = new Thread(() -> bytes.set(drain(p.getInputStream())), "bench-stdout");
        counter.setDaemon(true);
        counter.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        long peak = -1;
        long ticks = -1;
        while (p.isAlive()) {
            peak = Math.max(peak, vmHwmKb(status));
            ticks = Math.max(ticks, cpuTicks(stat));
            Thread.sleep(5);
        }
        int exit = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        counter.join();
        return new ChildRun(s, ticks < 0 ? -1 : ticks / TICKS, bytes.get(), peak, exit);
    }

    private static long drain(InputStream in) {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (in) {
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
        } catch (IOException e) {
            // the child is gone: what was counted stands
        }
        return n;
    }

    /** utime + stime of a /proc/PID/stat, or -1; the fields after the command name, which may hold spaces. */
    static long cpuTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM in KiB, or -1 (the process has just ended, or this is not Linux). */
    static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return -1;
        }
        return -1;
    }
}
