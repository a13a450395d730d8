package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Damaged bytes never break the spec decoders: real messages with bytes overwritten and tails cut
 * off (a fixed seed, so a failure repeats) still decode into trees that tile them, and no codec
 * or message class ever throws (the core would catch it and say "failed" in a note).
 */
class SpecMutatedInputTest {
    @Test
    void mutatedRealMessagesDecodeWithoutAnyCodecFailing() throws Exception {
        MessageDecoder decoder = new MessageDecoder(SpecDecodeCapturedTest.KERNEL_SPECS);
        Random random = new Random(20261128);
        int decoded = 0;
        for (String name : List.of("ip-d-link-show.pcap", "ip-addr-show.pcap", "ip-route-show.pcap", "genl-ctrl-list.pcap",
                "netns-ip-link-add-dummy-fail.pcap")) {
            Path file = Samples.shared().resolve("samples/captured").resolve(name);
            Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            Conversation conv = Conversations.of(c).apply(c.messageCount());
            for (MessageRef m : c.messages()) {
                byte[] original = m.bytes().toArray();
                for (int round = 0; round < 40; round++) {
                    byte[] b = original.clone();
                    int flips = 1 + random.nextInt(4);
                    for (int i = 0; i < flips && b.length > 16; i++) {
                        b[16 + random.nextInt(b.length - 16)] = (byte) random.nextInt(256);
                    }
                    if (round % 5 == 4 && b.length > 17) {
                        b = java.util.Arrays.copyOf(b, 17 + random.nextInt(b.length - 17));
                    }
                    Capture one = new Capture(name, "test");
                    one.append(new Record(-1, m.record().direction(), m.record().protocol(), -1, -1, null, name, ByteView.of(b)));
                    for (MessageRef r : one.messages()) {
                        DecodedMessage d = decoder.decode(r, conv);
                        assertEquals(List.of(), TreeChecks.violations(d.tree(), r.length()), name + " round " + round);
                        List<String> failures = new ArrayList<>();
                        d.tree().walk(n -> {
                            if (n.note() != null && n.note().contains(" failed")) {
                                failures.add(n.name() + ": " + n.note());
                            }
                        });
                        assertEquals(List.of(), failures, name + " message " + m.index() + " round " + round);
                        decoded++;
                    }
                }
            }
        }
        assertTrue(decoded > 1000, "decoded " + decoded);
    }
}
