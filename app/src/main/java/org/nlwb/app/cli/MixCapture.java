package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * The synthetic capture {@code nlwb bench --compare} measures every tool on: the distinct
 * RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE and RTM_NEWNEIGH replies of the project's own samples
 * (pcaps and strace logs, the {@code malformed-} ones left out), taken in turn one kind after the
 * other and written one message per pcap record (LINKTYPE_NETLINK) until {@code messages} are
 * written. Deterministic: the same samples give the same bytes, so figures compare across runs.
 */
final class MixCapture {
    /** The four reply kinds of the mix, by nlmsg_type. */
    enum Kind {
        NEWLINK(16), NEWADDR(20), NEWROUTE(24), NEWNEIGH(28);

        final int type;

        Kind(int type) {
            this.type = type;
        }

        static Kind of(int type) {
            for (Kind k : values()) {
                if (k.type == type) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * The samples hold no RTM_NEWNEIGH, so the mix brings its own: {@code ip -s neigh show} traced
     * in a throwaway namespace (veth d0 with four permanent, one stale and two IPv6 neighbours).
     */
    static final String NEIGH_SAMPLE = "bench-ip-neigh-show.strace.txt";

    private final Map<Kind, List<byte[]>> seeds;

    private MixCapture(Map<Kind, List<byte[]>> seeds) {
        this.seeds = seeds;
    }

    /** The replies found in {@code dir}'s samples; no kind may be missing. */
    static MixCapture fromSamples(Path dir) throws IOException, UnreadableInputException {
        Map<Kind, List<byte[]>> seeds = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            seeds.put(k, new ArrayList<>());
        }
        Set<String> seen = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(MixCapture::isSample).sorted().toList()) {
                collect(Loader.standard().load(p, null, Protocol.UNKNOWN), seeds, seen);
            }
        }
        collect(Loader.standard().load(NEIGH_SAMPLE, bundled(NEIGH_SAMPLE), null, Protocol.UNKNOWN), seeds, seen);
        for (Map.Entry<Kind, List<byte[]>> e : seeds.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IOException("no RTM_" + e.getKey() + " reply in the samples of " + dir);
            }
        }
        return new MixCapture(seeds);
    }

    private static boolean isSample(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith("malformed") && (n.endsWith(".pcap") || n.endsWith(".strace.txt"));
    }

    private static byte[] bundled(String name) throws IOException {
        try (java.io.InputStream in = MixCapture.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static void collect(Capture c, Map<Kind, List<byte[]>> seeds, Set<String> seen) {
        for (MessageRef m : c.messages()) {
            Kind k = m.kind() == FrameKind.MESSAGE && m.record().protocol() == Protocol.ROUTE ? Kind.of(m.type()) : null;
            boolean reply = m.record().direction() != Direction.TO_KERNEL && (m.flags() & NlFlags.REQUEST) == 0;
            if (k != null && reply && m.length() == m.bytes().length() && seen.add(java.util.HexFormat.of().formatHex(m.bytes().toArray()))) {
                seeds.get(k).add(m.bytes().toArray());
            }
        }
    }

    /** How many distinct replies of each kind the mix cycles through. */
    Map<Kind, Integer> seedCounts() {
        Map<Kind, Integer> n = new EnumMap<>(Kind.class);
        seeds.forEach((k, v) -> n.put(k, v.size()));
        return n;
    }

    /** Writes {@code messages} messages to {@code out} as a pcap. */
    void write(Path out, int messages) throws IOException {
        long time = 1_795_855_683_000_000_000L;
        Kind[] kinds = Kind.values();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            PcapWriter w = new PcapWriter(Streams.unflushed(os), TimeResolution.MICROSECONDS);
            for (int i = 0; i < messages; i++) {
                List<byte[]> of = seeds.get(kinds[i % kinds.length]);
                byte[] msg = of.get((i / kinds.length) % of.size());
                time += 37_000;
                w.write(new Record(time, Direction.FROM_KERNEL, Protocol.ROUTE, -1, -1, null, "mix", ByteView.of(msg)));
            }
            os.flush();
        }
    }
}
