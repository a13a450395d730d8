package org.nlwb.decoder.decode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.Invariants;
import org.nlwb.decoder.testing.RandomMessages;

/**
 * Coverage-guided fuzzing of the decoder: a datagram of any protocol and direction, with the
 * generic netlink ids of the built-in genl families known, through framing, message classes,
 * spec codecs and the attribute walker. Replays {@code AttributeDecoderFuzzTestInputs/datagram/}
 * in a normal run; {@code JAZZER_FUZZ=1 mvn -pl decoder test -Dtest='AttributeDecoderFuzzTest'}
 * fuzzes. Fails when an exception escapes or a tree breaks {@link Invariants}.
 */
class AttributeDecoderFuzzTest {
    private static final Conversation KNOWN = Conversations.fixed(RandomMessages.GENL_FAMILIES);

    @FuzzTest(maxDuration = "3m")
    void datagram(FuzzedDataProvider data) {
        int protocol = data.consumeInt(0, 31);
        Direction direction = data.pickValue(Direction.values());
        String forced = data.consumeBoolean() ? null : data.pickValue(new String[] {"core", "rt-link", "rt-route", "nl80211", "tc"});
        byte[] bytes = data.consumeRemainingAsBytes();
        Capture c = new Capture("fuzz", "test");
        c.append(new Record(-1, direction, protocol, -1, -1, null, "fuzz", ByteView.of(bytes)));
        for (int i = 0; i < c.messageCount(); i++) {
            DecodedMessage m = Invariants.DECODER.decode(c.message(i), KNOWN, forced);
            Invariants.tree(m.tree(), c.message(i).length(), "message " + i);
        }
    }
}
