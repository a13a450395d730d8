package org.nlwb.decoder.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;

/** How two recorded conversations' messages are paired when one lacks some. */
class ConversationPairingTest {

    private static List<DecodedMessage> messages(String file) throws Exception {
        List<DecodedMessage> out = new ArrayList<>();
        DiffSamples.load(file).messages().forEach(out::add);
        return out;
    }

    @Test
    void withoutTheProbeOnTheRightTheLeastCostPairingLeavesTheProbeAndItsErrorAlone() throws Exception {
        List<DecodedMessage> left = messages(DiffSamples.RUN1);
        List<DecodedMessage> right = messages(DiffSamples.RUN2).subList(2, 4);
        assertEquals(List.of(new ConversationPairing.Pair(0, 0), new ConversationPairing.Pair(1, 1),
                new ConversationPairing.Pair(2, -1), new ConversationPairing.Pair(3, -1)),
                ConversationPairing.pair(left, right), "plain order: the probe meets the real request");
        ConversationPairing.Cost cost = (l, r) -> new ConversationDiffer(NoiseRules.defaults()).compare(l, r).counted(false).size();
        List<ConversationPairing.Pair> pairs = ConversationPairing.pair(left, right, cost);
        assertEquals(List.of(new ConversationPairing.Pair(0, -1), new ConversationPairing.Pair(1, -1),
                new ConversationPairing.Pair(2, 0), new ConversationPairing.Pair(3, 1)), pairs);
        ConversationDiff d = new ConversationDiffer(NoiseRules.defaults()).compare(left, right);
        assertEquals(List.of(DiffKind.REMOVED, DiffKind.REMOVED),
                d.pairs().stream().flatMap(p -> p.counted(false).stream()).map(Difference::kind).toList());
        assertEquals(-1, d.pairs().get(0).rightIndex());
    }

    @Test
    void aReplyGoesWithTheReplyOfThePairedRequestNotWithTheFirstOfItsType() throws Exception {
        List<DecodedMessage> left = messages(DiffSamples.RUN1);
        // the right side's two NLMSG_ERRORs swapped: each still pairs by the request it answers
        List<DecodedMessage> right = new ArrayList<>(messages(DiffSamples.RUN2));
        List<DecodedMessage> swapped = List.of(right.get(0), right.get(2), right.get(1), right.get(3));
        List<ConversationPairing.Pair> pairs = ConversationPairing.pair(left, swapped);
        assertEquals(new ConversationPairing.Pair(1, 2), pairs.stream().filter(p -> p.left() == 1).findFirst().orElseThrow());
        assertEquals(new ConversationPairing.Pair(3, 3), pairs.stream().filter(p -> p.left() == 3).findFirst().orElseThrow());
    }
}
