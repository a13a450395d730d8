package org.nlwb.decoder.decode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.Invariants;
import org.nlwb.decoder.testing.Mutator;
import org.nlwb.decoder.testing.RandomMessages;

/**
 * Property: any datagram, of any protocol and direction, decodes without an exception into trees
 * that tile their bytes, every malformed node with a note ({@link Invariants}); with the generic
 * netlink ids of every built-in genl family known, so the spec codecs are reached too. Seeded;
 * {@code -Dnlwb.property.tries=N} for a long run (default 3000 datagrams), and
 * {@code -Dnlwb.property.seed=S} for another series.
 */
class RandomMessagesPropertyTest {
    private static final long SEED = Long.getLong("nlwb.property.seed", 20261201L);
    private static final Conversation KNOWN = Conversations.fixed(RandomMessages.GENL_FAMILIES);
    private static final Direction[] DIRECTIONS = Direction.values();

    @Test
    void everyRandomDatagramDecodesIntoSoundTrees() {
        int tries = Mutator.tries(3000);
        for (int i = 0; i < tries; i++) {
            long seed = SEED * 7919 + i;
            Random r = new Random(seed);
            RandomMessages gen = new RandomMessages(r);
            int protocol = gen.protocol();
            byte[] datagram = gen.datagram(protocol);
            Capture c = new Capture("random", "test");
            c.append(new Record(-1, DIRECTIONS[r.nextInt(DIRECTIONS.length)], protocol, -1, -1, null, "random",
                    ByteView.of(datagram)));
            try {
                for (int m = 0; m < c.messageCount(); m++) {
                    DecodedMessage d = Invariants.DECODER.decode(c.message(m), KNOWN);
                    Invariants.tree(d.tree(), c.message(m).length(), "message " + m);
                }
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ", protocol " + protocol + ", datagram "
                        + ByteView.of(datagram).hex() + ": " + e, e);
            }
        }
    }
}
