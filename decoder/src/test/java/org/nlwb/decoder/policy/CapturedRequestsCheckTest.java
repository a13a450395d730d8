package org.nlwb.decoder.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;

/**
 * Captured requests checked after the fact: everything ethtool(8) sent this kernel (it worked)
 * is within the kernel's policy, and the same bytes with one value pushed out of range are not.
 */
class CapturedRequestsCheckTest {
    private static List<byte[]> ethtoolRequests(String sample) throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve(sample + ".strace.txt"), null, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        MessageDecoder decoder = new MessageDecoder(SpecLibrary.standard(List.of()).registry(PolicySamples.CATALOG));
        List<byte[]> out = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = decoder.decode(ref, conv.apply(ref.index()));
            if (ref.record().direction() == Direction.TO_KERNEL && m.typeName() != null
                    && m.typeName().startsWith("ETHTOOL_MSG_")) {
                out.add(ref.record().bytes().slice(ref.offset(), ref.length()).toArray());
            }
        }
        return out;
    }

    @Test
    void everyRequestEthtoolSentIsWithinThePolicy() throws Exception {
        PolicyChecker checker = new PolicyChecker(PolicySamples.policy("ethtool"), PolicySamples.family("ethtool"));
        List<byte[]> requests = new ArrayList<>(ethtoolRequests("kernel-ethtool-show"));
        requests.addAll(ethtoolRequests("kernel-ethtool-set-ntf"));
        assertTrue(requests.size() > 15, "requests: " + requests.size());
        for (byte[] r : requests) {
            PolicyCheck c = checker.check(r);
            assertEquals(List.of(), c.problems(), c.basis());
        }
    }
}
