package org.nlwb.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Summaries;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tree decode split by what it spends on: each kind of rtnetlink dump alone (links are mostly
 * structs and nests, routes short attribute lists, addresses a few scalars), and the work done on
 * every finished tree (the one-line summary, the byte tiling check). One operation = every message
 * of one sample file; {@code DecoderBenchmarks.decodeTrees} is all of them together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TreeDecodeBenchmarks {
    private DecodedCapture links;
    private DecodedCapture routes;
    private DecodedCapture addresses;
    private List<Node> trees;

    @Setup
    public void load() throws Exception {
        Registry registry = RegistryFactory.standard(List.of());
        links = decoded(registry, SampleMessages.FILES.get(0));
        routes = decoded(registry, SampleMessages.FILES.get(1));
        addresses = decoded(registry, SampleMessages.FILES.get(2));
        trees = new ArrayList<>();
        for (DecodedCapture d : List.of(links, routes, addresses)) {
            for (DecodedMessage m : d.messages()) {
                trees.add(m.tree());
            }
        }
    }

    private static DecodedCapture decoded(Registry registry, String file) throws IOException, UnreadableInputException {
        Capture c = Loader.standard().load(SampleMessages.dir().resolve(file), null, Protocol.UNKNOWN);
        return new DecodedCapture(c, registry, ConversationPolicy.captureOnly(), null, 0);
    }

    private static void decodeAll(DecodedCapture d, Blackhole bh) {
        for (int i = 0; i < d.messageCount(); i++) {
            bh.consume(d.decodeUncached(i));
        }
    }

    @Benchmark
    public void decodeLinks(Blackhole bh) {
        decodeAll(links, bh);
    }

    @Benchmark
    public void decodeRoutes(Blackhole bh) {
        decodeAll(routes, bh);
    }

    @Benchmark
    public void decodeAddresses(Blackhole bh) {
        decodeAll(addresses, bh);
    }

    /** The message list's line for every tree, as a class without its own summary gets it. */
    @Benchmark
    public void summaries(Blackhole bh) {
        for (Node t : trees) {
            bh.consume(Summaries.generic(t));
        }
    }

    /** The check every body from a message class goes through before it joins the tree. */
    @Benchmark
    public int tilingCheck() {
        int problems = 0;
        for (Node t : trees) {
            problems += TreeChecks.tilingViolations(t.children(), t.offset(), t.length()).size();
        }
        return problems;
    }
}
