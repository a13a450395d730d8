package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Real messages of the Java-written families, cut short at every length and with bytes flipped:
 * the class must never throw (an exception would turn its whole body into one malformed blob) and
 * the tree must still tile the bytes.
 */
class JavaFamiliesRobustnessTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    private record Sample(int protocol, Direction direction, byte[] bytes, String what) {
    }

    private static List<Sample> samples() throws Exception {
        List<Sample> out = new ArrayList<>();
        for (String f : List.of("ss-tin-listen", "ss-xa-listen", "ss-f-netlink")) {
            Capture c = Loader.standard().load(CapturedFamilies.dir().resolve(f + ".strace.txt"), DumpFormat.STRACE,
                    Protocol.UNKNOWN);
            for (MessageRef ref : c.messages()) {
                if (ref.hasHeader() && ref.type() >= 16) {
                    out.add(new Sample(Protocol.SOCK_DIAG, ref.record().direction(), ref.bytes().toArray(), f + " #" + ref.index()));
                }
            }
        }
        for (String f : List.of("uevent_kernel_backlight.dump", "uevent_udevd_backlight.dump")) {
            Capture c = Loader.standard().load(Samples.shared().resolve("samples/pyroute2").resolve(f), null, Protocol.UNKNOWN);
            out.add(new Sample(Protocol.KOBJECT_UEVENT, Direction.FROM_KERNEL, c.message(0).bytes().toArray(), f));
        }
        out.add(new Sample(Protocol.CONNECTOR, Direction.FROM_KERNEL, org.nlwb.decoder.testing.NlBuilder.message(3, 0, 5, 0,
                new org.nlwb.decoder.testing.NlBuilder().u32(1).u32(1).u32(5).u32(0).u16(40).u16(0).u32(0x80000000L).u32(3)
                        .u32(0).u32(0).u32(4242).u32(4242).u32(0).u32(9).u32(1).u32(1)), "connector exit"));
        out.add(new Sample(Protocol.AUDIT, Direction.FROM_KERNEL, org.nlwb.decoder.testing.NlBuilder.message(1000, 0, 1, 0,
                new org.nlwb.decoder.testing.NlBuilder().u32(0x7f).u32(1).u32(1).u32(812).u32(0).u32(8192).u32(3).u32(0)
                        .u32(0x7f).u32(60000).u32(0)), "audit status"));
        return out;
    }

    private static void decodeAndCheck(Sample s, byte[] bytes, String how, List<String> problems) {
        Capture c = new Capture("robustness", "hex");
        c.append(new Record(-1, s.direction(), s.protocol(), -1, -1, null, "robustness", ByteView.of(bytes)));
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, Conversation.empty());
            List<String> v = TreeChecks.violations(m.tree(), ref.length());
            if (!v.isEmpty()) {
                problems.add(s.what() + " " + how + ": " + v);
            }
            m.tree().walk(n -> {
                if (n.note() != null && n.note().contains(" failed")) {
                    problems.add(s.what() + " " + how + ": " + n.note());
                }
            });
        }
    }

    @Test
    void cutShortAtEveryLengthAndWithFlippedBytesTheJavaFamiliesNeverFailAndAlwaysTile() throws Exception {
        List<String> problems = new ArrayList<>();
        Random random = new Random(42);
        int decoded = 0;
        for (Sample s : samples()) {
            boolean raw = s.protocol() == Protocol.KOBJECT_UEVENT;
            for (int len = raw ? 1 : 16; len <= s.bytes().length; len++) {
                byte[] cut = java.util.Arrays.copyOf(s.bytes(), len);
                if (!raw) {
                    cut[0] = (byte) len; // nlmsg_len follows the cut
                    cut[1] = (byte) (len >> 8);
                    cut[2] = 0;
                    cut[3] = 0;
                }
                decodeAndCheck(s, cut, "cut to " + len, problems);
                decoded++;
            }
            for (int i = 0; i < 200; i++) {
                byte[] flipped = s.bytes().clone();
                int at = (raw ? 0 : 16) + random.nextInt(flipped.length - (raw ? 0 : 16));
                flipped[at] = (byte) random.nextInt(256);
                decodeAndCheck(s, flipped, "byte " + at + " changed", problems);
                decoded++;
            }
        }
        System.out.println(decoded + " damaged messages of the Java families decoded");
        assertTrue(decoded > 1000, "decoded " + decoded);
        assertEquals(List.of(), problems);
    }
}
