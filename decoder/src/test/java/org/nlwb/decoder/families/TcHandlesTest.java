package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * tcm_handle, tcm_parent and class ids read as tc prints them on this kernel's replies (the htb
 * qdisc 1: with class 1:10 at the root, the ingress qdisc ffff:, a u32 filter under it), the
 * number kept as the value; a filter's own handle is the classifier's, shown in hex.
 */
class TcHandlesTest {
    private static List<DecodedMessage> sample(String name) throws Exception {
        return Decodes.file(Samples.project().resolve(name + ".strace.txt"));
    }

    private static Set<String> shown(List<DecodedMessage> ms, String name) {
        return Decodes.named(ms, name).stream().map(Node::display).collect(Collectors.toSet());
    }

    @Test
    void qdiscAndClassHandlesReadLikeTcsOutput() throws Exception {
        List<DecodedMessage> ms = sample("kernel-tc-htb-stats");
        assertTrue(shown(ms, "tcm_handle").containsAll(Set.of("1:", "1:10", "ffff:")), shown(ms, "tcm_handle").toString());
        assertTrue(shown(ms, "tcm_parent").containsAll(Set.of("root", "ingress")), shown(ms, "tcm_parent").toString());
        Node cls = Decodes.named(ms, "tcm_handle").stream().filter(n -> "1:10".equals(n.display())).findFirst().orElseThrow();
        assertEquals(0x10010L, cls.value(), "the value stays the number");
    }

    @Test
    void aFiltersHandleIsItsClassifiersNumber() throws Exception {
        List<DecodedMessage> ms = sample("kernel-tc-filter-actions");
        assertTrue(shown(ms, "tcm_handle").contains("0x80000800"), shown(ms, "tcm_handle").toString());
        assertTrue(shown(ms, "tcm_parent").contains("ffff:"));
    }
}
