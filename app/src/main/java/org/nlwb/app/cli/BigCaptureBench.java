package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * {@code nlwb bench --big SIZE}: a capture of SIZE bytes (say {@code 6g}) made in the temporary
 * directory by repeating real datagrams (or {@code --big FILE}: that capture, kept), then what
 * opening it costs in this process (time to the first message, time to the full index, heap per
 * message, peak RSS) and what {@code nlwb decode --json} and {@code nlwb decode} (the text tree) do
 * with it in a child JVM started exactly as the launcher starts nlwb ({@link JvmOptions}, no heap
 * option of its own): time to the first byte of output and the first message, total time, bytes,
 * the child's CPU time and peak RSS (VmHWM, with the largest anonymous and file-backed parts seen).
 * The same on a tiny pcap first, for the start-up alone. A generated file is deleted afterwards.
 *
 * <p>Figures, not assertions. Pitfall: the file is in the page cache right after it is written,
 * so the open is measured from memory, not from disk.
 */
final class BigCaptureBench {
    private final List<Record> seed;
    private final long size;
    /** The capture to measure, or null to generate one of {@code size} bytes. */
    private final Path given;
    private final boolean fullDecode;
    private final PrintStream out;

    BigCaptureBench(List<Record> seed, long size, boolean fullDecode, PrintStream out) {
        this(seed, size, null, fullDecode, out);
    }

    private BigCaptureBench(List<Record> seed, long size, Path given, boolean fullDecode, PrintStream out) {
        this.seed = seed;
        this.size = size;
        this.given = given;
        this.fullDecode = fullDecode;
        this.out = out;
    }

    /** {@code --big} of a size to generate ({@link #parseSize}) or of an existing capture file to measure as it is. */
    static BigCaptureBench of(List<Record> seed, String sizeOrFile, boolean fullDecode, PrintStream out) {
        Path p = Path.of(sizeOrFile);
        if (Files.isRegularFile(p)) {
            return new BigCaptureBench(seed, -1, p, fullDecode, out);
        }
        return new BigCaptureBench(seed, parseSize(sizeOrFile), null, fullDecode, out);
    }

    /** {@code 6g}, {@code 500m}, {@code 2147483648}: bytes. */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--big: expected a size such as 6g, 500m or 100000, got \"" + s + "\"");
        }
    }

    int run() throws IOException, InterruptedException, UnreadableInputException {
        if (seed.isEmpty()) {
            throw new IOException("no sample datagrams found to repeat; use --samples DIR");
        }
        Path file = given != null ? given : Files.createTempFile("nlwb-big-", ".pcap");
        try {
            if (given == null) {
                long t0 = System.nanoTime();
                generate(file);
                out.printf("generated    %,.2f GB in %s (%.1f s)%n", Files.size(file) / 1e9, file, secs(t0));
            } else {
                out.printf("capture      %,.2f GB: %s%n", Files.size(file) / 1e9, file);
            }
            open(file);
            Path tiny = Files.createTempFile("nlwb-big-tiny-", ".pcap");
            try {
                writeSeed(tiny);
                out.println("-- the same commands on a " + Files.size(tiny) + "-byte pcap, for the start-up cost alone:");
                decode(tiny, true);
                decode(tiny, false);
            } finally {
                Files.deleteIfExists(tiny);
            }
            out.println("-- and on the big capture:");
            decode(file, true);
            decode(file, false);
        } finally {
            if (given == null) {
                Files.deleteIfExists(file);
            }
        }
        return 0;
    }

    private void generate(Path file) throws IOException {
        long time = 1_795_855_683_000_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            PcapWriter w = new PcapWriter(os, TimeResolution.MICROSECONDS);
            long written = 24;
            while (written < size) {
                for (Record r : seed) {
                    time += 37_000;
                    w.write(new Record(time, r.direction(), r.protocol(), r.pid(), r.fd(), r.syscall(), r.location(), r.bytes()));
                    written += 32 + r.bytes().length();
                }
            }
        }
    }

    private void writeSeed(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            PcapWriter w = new PcapWriter(os, TimeResolution.MICROSECONDS);
            for (Record r : seed) {
                w.write(r);
            }
        }
    }

    private void open(Path file) throws IOException, UnreadableInputException, InterruptedException {
        Runtime rt = Runtime.getRuntime();
        gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        boolean any = c.hasMessage(0);
        double first = secs(t0);
        int n = c.messageCount();
        double open = secs(t0);
        gc();
        long heap = rt.totalMemory() - rt.freeMemory() - heapBefore;
        double gb = Files.size(file) / 1e9;
        out.printf("open         first message ready in %.3f s%s; indexed in %.2f s (%,.2f GB/s): %,d records, %,d messages%n",
                first, any ? "" : " (none)", open, gb / open, c.recordCount(), n);
        out.printf("index heap   %,.1f MB for the open capture: %,.1f bytes per message%n", heap / 1e6,
                (double) heap / Math.max(1, n));
        Path self = Path.of("/proc/self/status");
        out.printf("peak RSS     %s (this process, VmHWM; the file is read, not mapped: RssFile %s, RssAnon %s now)%n",
                status(self, "VmHWM:"), status(self, "RssFile:"), status(self, "RssAnon:"));
        if (c.recordCount() > 0) {
            c.record(c.recordCount() - 1); // keeps the capture reachable across the heap measure
        }
    }

    /**
     * {@code nlwb decode --json FILE} or {@code nlwb decode FILE} (the text tree, which waits for the
     * whole index: its heading gives the counts) in a child JVM started as the launcher starts it.
     */
    private void decode(Path file, boolean json) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(JvmOptions.nlwbCommand(null));
        cmd.add("decode");
        if (json) {
            cmd.add("--json");
        }
        cmd.add(file.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        OutputWatch watch = new OutputWatch(json ? JSON_MESSAGE : TEXT_MESSAGE);
        Thread poll = new Thread(() -> watch.pollRss(p, status), "nlwb-bench-rss");
        poll.setDaemon(true);
        poll.start();
        try (InputStream in = p.getInputStream()) {
            watch.read(in, t0, fullDecode);
        }
        if (!fullDecode) {
            p.destroy();
        }
        int rc = p.waitFor();
        poll.join(1000);
        String form = json ? "JSON" : "text";
        out.printf("decode %-5s first byte %.3f s, first message %.3f s after start (JVM start and spec load included)%n",
                form.toLowerCase(Locale.ROOT), watch.firstByte, watch.firstMessage);
        if (fullDecode) {
            out.printf("             all of it in %.1f s (CPU %.1f s): %,.2f GB of %s, exit %d%n", secs(t0),
                    watch.cpuSeconds, watch.bytes / 1e9, form, rc);
        } else {
            out.printf("             stopped after %,.1f MB of %s (--big-full decodes all of it)%n", watch.bytes / 1e6, form);
        }
        out.printf("             peak RSS %s (VmHWM; at most %s anonymous, heap included, and %s file-backed)%n",
                watch.peakRss, watch.peakAnon, watch.peakFile);
    }

    /** Where the first message starts: its {@code "index"} key in JSON, its {@code #0} line in the text tree. */
    private static final byte[] JSON_MESSAGE = "\"index\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_MESSAGE = "\n#0 ".getBytes(StandardCharsets.US_ASCII);

    /** What a child's output showed: when its first byte and first message came, how much there was. */
    private static final class OutputWatch {
        private final byte[] marker;
        private static final long SAMPLE_BYTES = 64L << 20;
        private static final long REPORT_EVERY = 60_000_000_000L;
        private long nextReport = System.nanoTime() + REPORT_EVERY;
        volatile double firstByte = -1;
        volatile double firstMessage = -1;
        volatile long bytes;
        volatile String peakRss = "unknown";
        volatile String peakAnon = "unknown";
        volatile String peakFile = "unknown";
        private long maxAnonKb;
        private long maxFileKb;
        volatile double cpuSeconds = -1;

        OutputWatch(byte[] marker) {
            this.marker = marker;
        }

        void read(InputStream in, long t0, boolean all) throws IOException {
            byte[] buf = new byte[1 << 16];
            int matched = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (firstByte < 0) {
                    firstByte = secs(t0);
                }
                for (int i = 0; i < n && firstMessage < 0; i++) {
                    matched = buf[i] == marker[matched] ? matched + 1 : buf[i] == marker[0] ? 1 : 0;
                    if (matched == marker.length) {
                        firstMessage = secs(t0);
                    }
                }
                bytes += n;
                if (System.nanoTime() > nextReport) {
                    nextReport = System.nanoTime() + REPORT_EVERY;
                    System.err.printf("             ... %,.2f GB of JSON after %.0f s, peak RSS %s%n", bytes / 1e9, secs(t0), peakRss);
                }
                if (!all && bytes > SAMPLE_BYTES) {
                    return;
                }
            }
        }

        void pollRss(Process p, Path status) {
            Path stat = status.resolveSibling("stat");
            while (p.isAlive()) {
                String hwm = vmHwm(status);
                if (!hwm.equals("unknown")) {
                    peakRss = hwm;
                }
                maxAnonKb = Math.max(maxAnonKb, kb(status, "RssAnon:"));
                maxFileKb = Math.max(maxFileKb, kb(status, "RssFile:"));
                peakAnon = String.format("%,.1f MB", maxAnonKb * 1024 / 1e6);
                peakFile = String.format("%,.1f MB", maxFileKb * 1024 / 1e6);
                double cpu = cpuSeconds(stat);
                if (cpu >= 0) {
                    cpuSeconds = cpu;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The VmHWM line of a {@code /proc/PID/status}, as "123.4 MB", or "unknown". */
    static String vmHwm(Path status) {
        return status(status, "VmHWM:");
    }

    /** A kB line ({@code key} with its colon) of a {@code /proc/PID/status}, as "123.4 MB", or "unknown". */
    static String status(Path status, String key) {
        long kb = kb(status, key);
        return kb < 0 ? "unknown" : String.format("%,.1f MB", kb * 1024 / 1e6);
    }

    /** The kB of a {@code /proc/PID/status} line, or -1 when there is none. */
    private static long kb(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or no /proc
        }
        return -1;
    }

    /** User and system CPU of a process so far, from its {@code /proc/PID/stat} (clock ticks of 1/100 s), or -1. */
    private static double cpuSeconds(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
