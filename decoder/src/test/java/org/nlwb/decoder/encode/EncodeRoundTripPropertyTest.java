package org.nlwb.decoder.encode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Mutator;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Property: encode(decode(m)) == m for generated requests the encoder can describe. The requests
 * are the real ones of the samples with one to three of their values changed at random (integers
 * to any value of their width, strings to other printable text of their length, binary to other
 * bytes), so each is a valid message of a spec family that no sample holds: the enum value no one
 * sent, the address family that changes how an address reads, the kind that picks another
 * sub-message. A generated request the describer refuses (an enum value with no name where a name
 * is needed, say) is left out, but most must be described, so the property is not empty. Only the
 * public entry points are used: {@link RequestDescriber#describe} and {@link MessageEncoder#encode}.
 * Seeded; {@code -Dnlwb.property.tries=N} for a long run (default 600).
 */
class EncodeRoundTripPropertyTest {
    private static final long SEED = Long.getLong("nlwb.property.seed", 20261201L);
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageDecoder DECODER = new MessageDecoder(LIBRARY.registry(CATALOG));
    private static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);
    /** Leaves that choose the operation or frame the message; changing them makes another message, not another value. */
    private static final Set<String> FRAMING = Set.of("nla_len", "nla_type", "cmd", "version", "reserved");

    /** A sample request: its record (direction, protocol) and the genl ids its capture named. */
    private record Base(Record record, byte[] bytes, Conversation conversation, String where) {
    }

    @Test
    void changedValuesOfRealRequestsEncodeToTheirOwnBytes() throws Exception {
        List<Base> bases = bases();
        assertTrue(bases.size() >= 20, "sample requests: " + bases.size());
        int tries = Mutator.tries(600);
        int described = 0;
        List<String> different = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            long seed = SEED * 104729 + i;
            Random r = new Random(seed);
            Base base = bases.get(r.nextInt(bases.size()));
            byte[] m = changeValues(base, r);
            Capture c = new Capture("generated", "test");
            c.append(new Record(-1, Direction.TO_KERNEL, base.record().protocol(), -1, -1, null, "generated", ByteView.of(m)));
            MessageRef ref = c.message(0);
            DecodedMessage d = DECODER.decode(ref, base.conversation());
            Family f = d.className() == null ? null : CATALOG.family(d.className()).orElse(null);
            if (f == null || c.messageCount() != 1) {
                continue;
            }
            Request req;
            try {
                req = RequestDescriber.describe(f, d);
            } catch (EncodeException e) {
                continue; // not a message the encoder can describe
            }
            described++;
            int type = ref.type();
            byte[] again = ENCODER.encode(req, name -> type).bytes();
            if (!java.util.Arrays.equals(m, again)) {
                different.add("seed " + seed + " from " + base.where() + "\n  generated " + HexFormat.of().formatHex(m)
                        + "\n  encoded   " + HexFormat.of().formatHex(again) + "\n  from " + req);
            }
        }
        System.out.printf("generated requests: %d tried over %d sample requests, %d described, %d encode differently%n",
                tries, bases.size(), described, different.size());
        assertTrue(different.isEmpty(), different.size() + " generated requests encode differently:\n"
                + String.join("\n", different.subList(0, Math.min(5, different.size()))));
        assertTrue(described >= tries / 2, "described " + described + " of " + tries);
    }

    /** {@code base}'s bytes with one to three value leaves given other values of the same size. */
    private static byte[] changeValues(Base base, Random r) {
        byte[] b = base.bytes().clone();
        Capture c = new Capture("base", "test");
        c.append(base.record());
        DecodedMessage d = DECODER.decode(c.message(0), base.conversation());
        List<Node> leaves = new ArrayList<>();
        valueLeaves(d.tree(), leaves);
        for (int n = 1 + r.nextInt(3); n > 0 && !leaves.isEmpty(); n--) {
            Node leaf = leaves.get(r.nextInt(leaves.size()));
            boolean string = leaf.display() != null && leaf.display().startsWith("\"");
            int len = string && b[leaf.offset() + leaf.length() - 1] == 0 ? leaf.length() - 1 : leaf.length();
            for (int i = 0; i < len; i++) {
                b[leaf.offset() + i] = (byte) (string ? 0x21 + r.nextInt(0x5e) : r.nextInt(256));
            }
        }
        return b;
    }

    private static void valueLeaves(Node n, List<Node> out) {
        if (n.isLeaf()) {
            if (n.status() == Status.OK && n.offset() >= 16 && n.length() > 0 && n.value() != null
                    && !FRAMING.contains(n.name())) {
                out.add(n);
            }
            return;
        }
        n.children().forEach(c -> valueLeaves(c, out));
    }

    /** Every single-message request of a spec family in the samples that round-trips as it is. */
    private static List<Base> bases() throws Exception {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        List<Base> out = new ArrayList<>();
        for (Path file : files) {
            Capture c;
            try {
                c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            } catch (UnreadableInputException e) {
                continue;
            }
            IntFunction<Conversation> conv = Conversations.of(c);
            for (int i = 0; i < c.messageCount(); i++) {
                MessageRef ref = c.message(i);
                if (ref.record().direction() != Direction.TO_KERNEL || ref.kind() != FrameKind.MESSAGE
                        || ref.length() != ref.record().bytes().length()) {
                    continue;
                }
                DecodedMessage d = DECODER.decode(ref, conv.apply(i));
                Family f = d.className() == null ? null : CATALOG.family(d.className()).orElse(null);
                if (f == null) {
                    continue;
                }
                try {
                    int type = ref.type();
                    byte[] again = ENCODER.encode(RequestDescriber.describe(f, d), name -> type).bytes();
                    if (java.util.Arrays.equals(again, ref.bytes().toArray())) {
                        Record rec = ref.record();
                        out.add(new Base(new Record(-1, Direction.TO_KERNEL, rec.protocol(), -1, -1, null, "base",
                                ByteView.of(ref.bytes().toArray())), ref.bytes().toArray(), conv.apply(i),
                                file.getFileName() + " #" + i));
                    }
                } catch (EncodeException e) {
                    // not describable as it is: no base for generated ones
                }
            }
        }
        return out;
    }
}
