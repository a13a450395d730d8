package org.nlwb.decoder.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.Family;

/**
 * Every request in the project's and the shared strace samples that a spec family decodes is
 * described by name ({@link RequestDescriber}) and encoded again ({@link MessageEncoder}): the
 * bytes must be the captured bytes, also when the tree went through {@code decode --json} first. seq, pid, the genl version and the NLA_F_NESTED habit are
 * carried over; everything else comes from the names.
 */
class EncodeRoundTripTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageDecoder DECODER = new MessageDecoder(LIBRARY.registry(CATALOG));
    private static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);

    /** What a round trip over some files found. */
    private record Figures(int files, int requests, int spec, int identical, List<String> notDescribed, List<String> different) {
        void print(String what) {
            System.out.printf("round trip over %s: %d requests in %d files, %d of spec families, %d described by name,"
                    + " %d byte-identical%n", what, requests, files, spec, spec - notDescribed.size(), identical);
            notDescribed.forEach(s -> System.out.println("  not described: " + s));
            different.forEach(s -> System.out.println("  DIFFERENT: " + s));
        }
    }

    @Test
    void everyStraceSampleRequestOfASpecFamilyEncodesToItsCapturedBytes() throws Exception {
        List<Path> files = new ArrayList<>();
        files.addAll(straceLogs(Samples.project()));
        files.addAll(straceLogs(Samples.shared().resolve("samples").resolve("captured")));
        assertTrue(files.size() >= 10, "strace samples found: " + files);
        Figures f = roundTrip(files);
        f.print("the strace samples");
        assertTrue(f.different().isEmpty(), f.different().size() + " requests encode differently:\n" + String.join("\n", f.different()));
        // what real tools send beyond the spec is said too: non-zero padding, NLA_F_NESTED on sub-messages, a selector
        // after what it selects, a u32 RTA_EXPIRES of a u64 spec, a packed struct sent without its tail padding
        assertEquals(List.of(), f.notDescribed(), "every strace request is described");
        assertTrue(f.identical() >= 156, "byte-identical round trips: " + f.identical());
    }

    /**
     * The same over every readable dump (pcaps, pyroute2 .data, hex): only requests that are
     * malformed on purpose, or repeat an attribute that is not multi-attr, are refused, and none
     * encodes differently.
     */
    @Test
    void everyDumpRequestThatIsNotMalformedRoundTrips() throws Exception {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        files.addAll(Samples.dumpsUnder(Samples.project()));
        Figures f = roundTrip(files);
        f.print("every sample dump");
        assertTrue(f.different().isEmpty(), String.join("\n", f.different()));
        for (String s : f.notDescribed()) {
            // what a JSON object cannot say: bytes the decoder found malformed, a single-valued attribute sent twice
            assertTrue(s.contains("malformed") || s.contains("appears twice but is not multi-attr"),
                    "refused only for malformed bytes or a repeated attribute: " + s);
        }
        assertTrue(f.identical() >= 195, "byte-identical round trips: " + f.identical());
    }

    private static Figures roundTrip(List<Path> files) throws Exception {
        int readable = 0;
        int requests = 0;
        int spec = 0;
        int identical = 0;
        List<String> notDescribed = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Path file : files) {
            Capture c;
            try {
                c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            } catch (UnreadableInputException e) {
                continue; // JSON and other already-decoded files hold no bytes to compare
            }
            readable++;
            IntFunction<Conversation> conv = Conversations.of(c);
            for (int i = 0; i < c.messageCount(); i++) {
                MessageRef ref = c.message(i);
                if (ref.record().direction() != Direction.TO_KERNEL || ref.kind() != FrameKind.MESSAGE) {
                    continue;
                }
                requests++;
                DecodedMessage m = DECODER.decode(ref, conv.apply(i));
                Family f = m.className() == null ? null : CATALOG.family(m.className()).orElse(null);
                if (f == null) {
                    continue;
                }
                spec++;
                String where = file.getFileName() + " #" + i + " " + m.typeName();
                Request r;
                try {
                    r = RequestDescriber.describe(f, m);
                } catch (EncodeException e) {
                    notDescribed.add(where + ": " + e.getMessage());
                    continue;
                }
                byte[] original = ref.bytes().toArray();
                int type = ref.type();
                byte[] again = ENCODER.encode(r, name -> type).bytes();
                // the same from the tree as decode --json writes it
                java.io.StringWriter w = new java.io.StringWriter();
                try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
                    TreeJson.writeNode(g, m.tree());
                }
                Node fromJson = JsonTrees.node(new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString()), "tree");
                byte[] viaJson = ENCODER.encode(RequestDescriber.describe(f, fromJson), name -> type).bytes();
                if (!java.util.Arrays.equals(original, viaJson)) {
                    different.add(where + " (from its decode --json tree)\n  captured " + HexFormat.of().formatHex(original)
                            + "\n  encoded  " + HexFormat.of().formatHex(viaJson));
                }
                if (java.util.Arrays.equals(original, again)) {
                    identical++;
                } else {
                    different.add(where + "\n  captured " + HexFormat.of().formatHex(original) + "\n  encoded  "
                            + HexFormat.of().formatHex(again) + "\n  from " + r);
                }
            }
        }
        return new Figures(readable, requests, spec, identical, notDescribed, different);
    }

    private static List<Path> straceLogs(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".strace.txt")).sorted().toList();
        }
    }
}
