package org.nlwb.decoder.diff;

import java.util.List;

/**
 * Two conversations compared: their messages paired (see {@link ConversationPairing}) in the
 * order of the left one, messages only the right one has after their left neighbour's pair.
 *
 * @param rules the noise rules the differences were marked with
 */
public record ConversationDiff(List<MessageDiff> pairs, NoiseRules rules) {

    public ConversationDiff {
        pairs = List.copyOf(pairs);
    }

    /** Every counted difference of every pair. */
    public long count(boolean includeNoise) {
        return pairs.stream().mapToLong(p -> p.counted(includeNoise).size()).sum();
    }

    /** The differences noise rules left out. */
    public long ignored() {
        return count(true) - count(false);
    }

    public boolean equal(boolean includeNoise) {
        return count(includeNoise) == 0;
    }
}
