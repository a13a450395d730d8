package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nlwb.decoder.export.ParallelExport;
import org.nlwb.decoder.json.JsonForm;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.pipeline.OrderedBatches;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb bench [FILE]}: prints how fast nlwb opens, decodes and exports a large capture, and
 * how much memory the open capture takes. Figures, not assertions: run it on the machine you care
 * about. Without a FILE it builds a pcap of {@code --messages} messages by repeating the real
 * datagrams of the bundled samples.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure open (index), decode and JSON export speed and memory on a large capture.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A capture to measure (default: a generated pcap).")
    Path file;

    @Option(names = "--messages", defaultValue = "1000000", description = "Size of the generated capture (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--samples", paramLabel = "DIR", description = "Where the datagrams to repeat come from (default: samples/ beside the program, else ../shared/samples/captured).")
    Path samplesDir;

    @Option(names = "--tshark", description = "Also time `tshark -r FILE -V` on the same file as a reference.")
    boolean tshark;

    @Option(names = "--big", paramLabel = "SIZE", description = "Instead: generate a capture of SIZE bytes (6g, 500m) in the temporary directory (or take the capture file SIZE names), measure its open and `decode --json` as the launcher runs it, peak RSS included, then delete what it generated.")
    String big;

    @Option(names = "--big-full", description = "With --big: decode all of it to JSON (default: until 64 MB of JSON).")
    boolean bigFull;

    @Option(names = "--compare", arity = "0..1", fallbackValue = "100000", paramLabel = "N",
            description = "Compare nlwb with tshark and pyroute2 (child processes, medians) on a mix of N "
                    + "NEWLINK/NEWADDR/NEWROUTE/NEWNEIGH replies (default N: 100000), or on FILE.")
    Integer compare;

    @Option(names = "--runs", defaultValue = "5", description = "--compare: alternating rounds (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--keep", paramLabel = "PCAP", description = "--compare: write the generated mix here and keep it.")
    Path keep;

    @Option(names = "--window", description = "Open FILE in the window and print the time to the first rows, a filter's time "
            + "and the FX thread's stalls during the diagnostics scan and the filter (needs a display, e.g. Xvfb).")
    boolean window;

    @Option(names = "--filter", paramLabel = "EXPR", defaultValue = "IFLA_IFNAME == \"lo\"",
            description = "--window: the filter to time (default: ${DEFAULT-VALUE}).")
    String windowFilter;

    @Option(names = "--scroll-seconds", paramLabel = "S", defaultValue = "10",
            description = "--window: how long to click random rows during the diagnostics scan before filtering (default ${DEFAULT-VALUE}).")
    double scrollSeconds;

    @Option(names = "--monitor", description = "Instead: run `nlwb monitor --write` in a namespace under a load of address "
            + "changes and print notifications generated, written, lost (counted), overruns and messages/s (root).")
    boolean monitor;

    @Option(names = "--rate", defaultValue = "0", description = "--monitor: requests a second (default: as fast as the kernel takes them).")
    long rate;

    @Option(names = "--count", defaultValue = "300000", description = "--monitor: requests a row (default ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--before", paramLabel = "CP", description = "--monitor: also run the monitor of the build on this class path.")
    String before;

    @Override
    public Integer call() throws Exception {
        if (monitor) {
            return new MonitorBench(count, rate, before, System.out).run();
        }
        if (window) {
            if (file == null) {
                throw new UsageError("--window needs a FILE");
            }
            return new WindowBench(file, windowFilter, scrollSeconds, System.out).run();
        }
        if (big != null) {
            return BigCaptureBench.of(seedRecords(), big, bigFull, System.out).run();
        }
        if (compare != null) {
            return compare();
        }
        Path input = file;
        boolean generated = false;
        if (input == null) {
            input = Files.createTempFile("nlwb-bench-", ".pcap");
            generated = true;
            long t0 = System.nanoTime();
            int n = generate(input);
            System.out.printf("generated   %,d messages, %,.1f MB in %s (%.1f s)%n", n, Files.size(input) / 1e6, input,
                    (System.nanoTime() - t0) / 1e9);
        }
        try {
            measure(input);
        } finally {
            if (generated) {
                Files.deleteIfExists(input);
            }
        }
        return 0;
    }

    /** The side-by-side run of {@link PeerBench} on the mix capture (or FILE). */
    private int compare() throws Exception {
        Path input = file != null ? file : keep != null ? keep : Files.createTempFile("nlwb-bench-mix-", ".pcap");
        try {
            if (file == null) {
                MixCapture mix = MixCapture.fromSamples(samplesDir != null ? samplesDir : Path.of("samples"));
                mix.write(input, compare);
                System.out.printf("generated   %,d messages (%s distinct replies), %,.1f MB in %s%n", compare,
                        mix.seedCounts(), Files.size(input) / 1e6, input);
            }
            Runtime rt = Runtime.getRuntime();
            gc();
            long before = rt.totalMemory() - rt.freeMemory();
            Capture c = Loader.standard().load(input, null, Protocol.UNKNOWN);
            gc();
            long heap = rt.totalMemory() - rt.freeMemory() - before;
            System.out.printf("memory      %,.0f bytes of heap per message for the open capture (%,d messages)%n",
                    (double) heap / Math.max(1, c.messageCount()), c.messageCount());
            c = null;
            new PeerBench(System.out, runs).run(input, file == null ? compare : Math.max(1, countMessages(input)));
        } finally {
            if (file == null && keep == null) {
                Files.deleteIfExists(input);
            }
        }
        return 0;
    }

    private static int countMessages(Path input) throws IOException, UnreadableInputException {
        return Loader.standard().load(input, null, Protocol.UNKNOWN).messageCount();
    }

    private void measure(Path input) throws IOException, UnreadableInputException, InterruptedException {
        double mb = Files.size(input) / 1e6;
        Runtime rt = Runtime.getRuntime();
        gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Capture c = Loader.standard().load(input, null, Protocol.UNKNOWN);
        double open = (System.nanoTime() - t0) / 1e9;
        int n = c.messageCount();
        gc();
        long heap = rt.totalMemory() - rt.freeMemory() - heapBefore;
        System.out.printf("file        %s: %,.1f MB, %,d records, %,d messages%n", input, mb, c.recordCount(), n);
        System.out.printf("open+index  %.2f s   %,.0f messages/s   %,.1f MB/s%n", open, n / open, mb / open);
        System.out.printf("memory      %,.1f MB heap for the open capture (%,.0f bytes/message)%n", heap / 1e6,
                (double) heap / Math.max(1, n));

        Registry registry = RegistryFactory.standard(List.of());
        t0 = System.nanoTime();
        DecodedCapture decoded = new DecodedCapture(c, registry, ConversationPolicy.captureOnly(), null, 0);
        double convSecs = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        long nodes = 0;
        for (int i = 0; i < n; i++) {
            nodes += countNodes(decoded.decodeUncached(i).tree());
        }
        double decode = (System.nanoTime() - t0) / 1e9;
        System.out.printf("decode      %.2f s   %,.0f messages/s   %,.1f MB/s   (%,d nodes; conversation pass %.2f s)%n",
                decode, n / decode, mb / decode, nodes, convSecs);

        // what decode --json does, on one thread: decode every message again and write it with the byte writer
        t0 = System.nanoTime();
        CountingStream sink = new CountingStream();
        ParallelExport.writeJson(sink, decoded, new OrderedBatches(1, OrderedBatches.DEFAULT_BATCH), JsonForm.FULL);
        double export = (System.nanoTime() - t0) / 1e9;
        System.out.printf("json export %.2f s   %,.0f messages/s   %,.1f MB of JSON (decode and write, one thread)%n",
                export, n / export, sink.count / 1e6);
        if (tshark) {
            timeTshark(input, n);
        }
    }

    private static void timeTshark(Path input, int n) throws IOException, InterruptedException {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("tshark", "-n", "-r", input.toString(), "-V")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            int rc = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("tshark -V   %.2f s   %,.0f messages/s (reference; exit %d)%n", s, n / s, rc);
        } catch (IOException e) {
            System.out.println("tshark -V   not run: tshark is not installed (apt-get install tshark)");
        }
    }

    private int generate(Path out) throws IOException, UnreadableInputException {
        List<Record> seed = seedRecords();
        if (seed.isEmpty()) {
            throw new IOException("no sample datagrams found to repeat; name a FILE or --samples DIR");
        }
        int perRound = 0;
        for (Record r : seed) {
            Capture one = new Capture("seed", "pcap");
            one.append(r);
            perRound += one.messageCount();
        }
        int written = 0;
        long time = 1_795_855_683_000_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            PcapWriter w = new PcapWriter(Streams.unflushed(os), TimeResolution.MICROSECONDS);
            while (written < messages) {
                for (Record r : seed) {
                    time += 37_000;
                    w.write(new Record(time, r.direction(), r.protocol(), r.pid(), r.fd(), r.syscall(), r.location(), r.bytes()));
                }
                written += perRound;
            }
        }
        return written;
    }

    private List<Record> seedRecords() throws IOException, UnreadableInputException {
        List<Path> dirs = new ArrayList<>();
        if (samplesDir != null) {
            dirs.add(samplesDir);
        } else {
            dirs.add(Path.of("samples"));
            dirs.add(Path.of(System.getProperty("nlwb.shared", "../shared"), "samples/captured"));
        }
        List<Record> seed = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.filter(x -> x.toString().endsWith(".pcap") && !x.toString().contains("malformed")).sorted().toList()) {
                    seed.addAll(Loader.standard().load(p, null, Protocol.UNKNOWN).records());
                }
            }
            if (!seed.isEmpty()) {
                break;
            }
        }
        return seed;
    }

    private static long countNodes(org.nlwb.decoder.tree.Node n) {
        long c = 1;
        for (var k : n.children()) {
            c += countNodes(k);
        }
        return c;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
