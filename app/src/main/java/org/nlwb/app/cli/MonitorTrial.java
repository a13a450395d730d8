package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlwb.capture.load.AddressChurn;
import org.nlwb.capture.load.ChurnNamespace;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;

/**
 * One run of {@code nlwb bench --monitor}: a throwaway namespace, {@code nlwb monitor --netns NS
 * --groups ipv4-ifaddr --write FILE} started in it as a child process (a user's command line),
 * an {@link AddressChurn} sending from this process once the monitor says it listens (a warm-up,
 * then the measured requests), then the
 * monitor stopped with SIGTERM as Ctrl-C would, its summary read from its standard error and the
 * file read back: which of the churn's notifications (nlmsg_pid its port, seq 1..N) are in it.
 */
final class MonitorTrial {
    private static final int BATCH = 100;
    /**
     * Requests sent first at {@link #WARM_RATE} a second, before the measured ones: a monitor runs
     * for long, and its first seconds are the JIT compiling it beside the sender on a processor or
     * two. They are in every count but not in the rate or the CPU per message.
     */
    static final long WARM_UP = 20_000;
    private static final long WARM_RATE = 20_000;
    /** A diagnostic line of the monitor, in this build's words and in earlier ones'. */
    private static final Pattern OVERRUN = Pattern.compile("overrun: messages lost");
    private static final Pattern LOST = Pattern.compile("lost: (\\d+) messages? \\(seq gap");

    /**
     * @param generated    notifications the kernel made (requests that did not fail)
     * @param sendRate     requests a second the measured churn reached
     * @param written      of them, in the file
     * @param lost         what the monitor's summary counted lost (-1: it does not count)
     * @param overruns     overruns in the monitor's summary
     * @param writtenRate  the measured requests' notifications written / their receive times' span in the file
     * @param cpuMicros    the monitor process's CPU time while the churn ran, per message written
     * @param exit         the monitor's exit status (143: it ended on the SIGTERM that stops it, as it should)
     */
    record Result(long generated, double sendRate, long written, long lost, long overruns, double writtenRate,
                  double cpuMicros, int exit) {
        /** Loss nobody was told about: neither in the file nor counted (negative: counted more than lost). */
        long silent() {
            return generated - written - Math.max(0, lost);
        }
    }

    private MonitorTrial() {
    }

    /**
     * Runs {@code monitor} (the nlwb command up to its subcommand) with {@code extra} arguments;
     * {@code countsLost}: whether that build reports seq-gap losses (earlier ones do not).
     */
    static Result run(List<String> nlwb, List<String> extra, boolean countsLost, long count, long rate)
            throws IOException, InterruptedException, UnreadableInputException {
        Path file = Files.createTempFile("nlwb-bench-monitor-", ".pcap");
        Path err = Files.createTempFile("nlwb-bench-monitor-", ".err");
        try (ChurnNamespace ns = ChurnNamespace.create()) {
            List<String> cmd = new ArrayList<>(nlwb);
            cmd.addAll(List.of("monitor", "--netns", ns.name(), "--groups", "ipv4-ifaddr", "--write", file.toString()));
            cmd.addAll(extra);
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Thread drain = drain(p.getInputStream());
            try {
                awaitListening(p, err);
                Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
                AddressChurn churn = ns.churn(BATCH);
                AddressChurn.Result warm = churn.run(WARM_UP, WARM_RATE);
                awaitQuiet(file);
                long cpu0 = ChildRun.cpuTicks(stat);
                AddressChurn.Result sent = churn.run(count, rate);
                awaitQuiet(file);
                // one request more once the monitor is done: a loss at the very end shows as a gap
                // only when the sender's next notification arrives
                AddressChurn.Result last = churn.run(1, 0);
                awaitQuiet(file);
                long cpu1 = ChildRun.cpuTicks(stat);
                p.destroy();
                int exit = p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
                drain.join(5000);
                String summary = Files.readString(err);
                Written all = written(file, ns.portId(), 1, WARM_UP + count + 1);
                Written measured = written(file, ns.portId(), WARM_UP + 1, WARM_UP + count);
                return new Result(warm.notifications() + sent.notifications() + last.notifications(),
                        sent.requestsPerSecond(), all.count(), countsLost ? sum(LOST, summary) : -1,
                        occurrences(OVERRUN, summary), measured.rate(),
                        (cpu1 - cpu0) * 10_000.0 / Math.max(1, measured.count()), exit);
            } finally {
                p.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(err);
        }
    }

    /** The monitor's standard output, read and dropped (the printing variant writes there). */
    private static Thread drain(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1 << 16];
            try (in) {
                while (in.read(buf) >= 0) {
                    // counted by nobody: only the monitor's cost of printing matters here
                }
            } catch (IOException e) {
                // the monitor is gone
            }
        }, "bench-monitor-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Until the monitor's opening line ("... (Ctrl-C to stop)") is on its standard error. */
    private static void awaitListening(Process p, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.readString(err).contains("Ctrl-C")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the monitor did not start: " + Files.readString(err).strip());
            }
            Thread.sleep(20);
        }
    }

    /** Until the file has not grown for a second (the monitor has written what it got). */
    private static void awaitQuiet(Path file) throws IOException, InterruptedException {
        long size = -1;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = Files.size(file);
            if (now == size) {
                return;
            }
            size = now;
            Thread.sleep(1000);
        }
    }

    private record Written(long count, double rate) {
    }

    /** The churn's notifications with seq {@code from..to} in the file (distinct) and their rate by receive time. */
    private static Written written(Path file, int portId, long from, long to) throws IOException, UnreadableInputException {
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        BitSet seen = new BitSet();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (MessageRef m : c.messages()) {
            long seq = m.seq();
            if (m.portId() == Integer.toUnsignedLong(portId) && (m.type() == 20 || m.type() == 21) && seq >= from && seq <= to) {
                seen.set((int) seq);
                long t = m.record().timeNanos();
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        long n = seen.cardinality();
        return new Written(n, n > 1 ? (n - 1) * 1e9 / Math.max(1, last - first) : 0);
    }

    private static long sum(Pattern p, String text) {
        long n = 0;
        for (Matcher m = p.matcher(text); m.find(); ) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }

    private static long occurrences(Pattern p, String text) {
        long n = 0;
        for (Matcher m = p.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }
}
