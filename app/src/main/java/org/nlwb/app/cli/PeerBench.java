package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nlwb bench --compare}: nlwb and the tools a user would pick instead, side by side on the
 * same capture, each run as a child process: {@code nlwb decode --json} (the default threads,
 * then with {@code --omit-empty}, {@code --omit-implied} and on every processor), {@code nlwb
 * decode} (the text tree), {@code tshark -T json}, {@code tshark -V} and a pyroute2
 * script (its rtnetlink marshal, one JSON line per message). The contenders take turns, {@code
 * runs} rounds, so a neighbour's load spreads over all of them; the table gives medians of wall
 * time, output bytes and peak RSS, and the ratios the project aims at. A tool that is missing is
 * named with the package that brings it and left out.
 */
final class PeerBench {
    /** One contender: a label and its command line, or why it cannot run. */
    private record Contender(String label, List<String> command, String missing) {
    }

    private final PrintStream out;
    private final int runs;

    PeerBench(PrintStream out, int runs) {
        this.out = out;
        this.runs = runs;
    }

    /** Runs every contender on {@code capture} ({@code messages} messages) and prints the table. */
    void run(Path capture, int messages) throws IOException, InterruptedException {
        Path script = Files.createTempFile("nlwb-bench-pyroute2-", ".py");
        try (InputStream in = PeerBench.class.getResourceAsStream("pyroute2-bench.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            List<Contender> all = contenders(capture, script);
            Map<String, List<ChildRun>> results = new LinkedHashMap<>();
            for (Contender c : all) {
                if (c.missing() != null) {
                    out.printf("%-28s not run: %s%n", c.label(), c.missing());
                } else {
                    results.put(c.label(), new ArrayList<>());
                }
            }
            for (int round = 1; round <= runs; round++) {
                for (Contender c : all) {
                    if (c.missing() == null) {
                        ChildRun r = ChildRun.of(c.command());
                        results.get(c.label()).add(r);
                        out.printf("  round %d/%d  %-28s %6.2f s%s%n", round, runs, c.label(), r.seconds(),
                                r.exit() == 0 ? "" : "  (exit " + r.exit() + ")");
                    }
                }
            }
            table(results, messages);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private List<Contender> contenders(Path capture, Path script) throws InterruptedException {
        String f = capture.toString();
        List<String> nlwb = nlwbCommand();
        List<Contender> all = new ArrayList<>();
        all.add(new Contender(NLWB_JSON, concat(nlwb, "decode", "--json", f), null));
        all.add(new Contender("nlwb decode --json --omit-empty", concat(nlwb, "decode", "--json", "--omit-empty", f), null));
        all.add(new Contender("nlwb decode --json --omit-implied", concat(nlwb, "decode", "--json", "--omit-implied", f), null));
        // the default is one thread fewer than there are processors (the writer's), two on two; this row
        // uses them all, or one thread where that is the default
        int processors = Runtime.getRuntime().availableProcessors();
        String other = Integer.toString(DecodeCommand.defaultThreads(processors) == processors ? 1 : processors);
        all.add(new Contender("nlwb decode --json --threads " + other, concat(nlwb, "decode", "--json", "--threads", other, f), null));
        all.add(new Contender(NLWB_TEXT, concat(nlwb, "decode", f), null));
        String tshark = works(List.of("tshark", "--version")) ? null : "tshark is not installed (apt-get install tshark)";
        all.add(new Contender(TSHARK_JSON, List.of("tshark", "-n", "-r", f, "-T", "json"), tshark));
        all.add(new Contender(TSHARK_V, List.of("tshark", "-n", "-r", f, "-V"), tshark));
        String python = pyroute2Python();
        all.add(new Contender(PYROUTE2, python == null ? List.of() : List.of(python, script.toString(), f),
                python == null ? "pyroute2 is not installed (apt-get install python3-pyroute2)" : null));
        return all;
    }

    static final String NLWB_JSON = "nlwb decode --json";
    static final String NLWB_TEXT = "nlwb decode (text tree)";
    static final String TSHARK_JSON = "tshark -T json";
    static final String TSHARK_V = "tshark -V";
    static final String PYROUTE2 = "pyroute2 marshal -> JSON";

    private void table(Map<String, List<ChildRun>> results, int messages) {
        out.println();
        out.printf("%d messages, medians of %d alternating runs%n", messages, runs);
        out.println("| command | wall time | CPU time | messages/s (wall) | output | peak RSS |");
        out.println("|---|---:|---:|---:|---:|---:|");
        Map<String, Double> wall = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        results.forEach((label, rs) -> {
            double s = median(rs.stream().mapToDouble(ChildRun::seconds).toArray());
            double bytes = median(rs.stream().mapToDouble(ChildRun::outBytes).toArray());
            double rss = median(rs.stream().mapToDouble(ChildRun::peakRssKb).toArray());
            double c = median(rs.stream().mapToDouble(ChildRun::cpuSeconds).toArray());
            wall.put(label, s);
            cpu.put(label, c);
            out.printf("| `%s` | %.2f s | %.2f s | %,.0f | %,.1f MB | %,.0f MB |%n", label, s, c, messages / s,
                    bytes / 1e6, rss / 1024);
        });
        out.println();
        ratio(wall, cpu, TSHARK_JSON, NLWB_JSON, 10);
        ratio(wall, cpu, PYROUTE2, NLWB_JSON, 15);
        ratio(wall, cpu, TSHARK_V, NLWB_TEXT, 3);
    }

    private void ratio(Map<String, Double> wall, Map<String, Double> cpu, String peer, String nlwb, int target) {
        if (wall.containsKey(peer) && wall.containsKey(nlwb)) {
            out.printf("`%s` vs `%s`: %.1fx in wall time, %.1fx in CPU time (target %dx in wall time)%n", nlwb, peer,
                    wall.get(peer) / wall.get(nlwb), cpu.get(peer) / cpu.get(nlwb), target);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** This very program again as the launcher starts it: the same Java and class path, its JVM options. */
    private static List<String> nlwbCommand() {
        return JvmOptions.nlwbCommand(null);
    }

    /** The first python3 that imports pyroute2 (a Debian python3-pyroute2 is /usr/bin's), or null. */
    private static String pyroute2Python() throws InterruptedException {
        for (String p : List.of("/usr/bin/python3", "python3")) {
            if (works(List.of(p, "-c", "import pyroute2.netlink.rtnl.marshal"))) {
                return p;
            }
        }
        return null;
    }

    private static boolean works(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> l = new ArrayList<>(head);
        l.addAll(List.of(tail));
        return l;
    }
}
