package org.nlwb.decoder.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The diff of real {@code ip link add} conversations recorded here (samples/diff-*). */
class RecordedConversationDiffTest {

    private static List<Difference> counted(ConversationDiff d, boolean includeNoise) {
        return d.pairs().stream().flatMap(p -> p.counted(includeNoise).stream()).toList();
    }

    @Test
    void anotherLinkNameIsExactlyOneChangedIfnameWithBothValues() throws Exception {
        ConversationDiff d = DiffSamples.compare(DiffSamples.RUN1, DiffSamples.NAME, NoiseRules.defaults());
        List<Difference> all = counted(d, false);
        assertEquals(1, all.size(), all.toString());
        Difference only = all.get(0);
        assertEquals(DiffKind.CHANGED, only.kind());
        assertEquals("RTM_NEWLINK/IFLA_IFNAME", only.path());
        assertEquals("v0", only.left().node().value());
        assertEquals("v7", only.right().node().value());
        assertEquals(4, d.pairs().size(), "probe, its error, the request, its ACK: each paired");
        assertTrue(d.pairs().stream().allMatch(p -> p.leftIndex() == p.rightIndex()));
    }

    @Test
    void thePeersIfnameInsideTheNestIsNotMistakenForTheLinksOwn() throws Exception {
        ConversationDiff d = DiffSamples.compare(DiffSamples.RUN1, DiffSamples.NAME, NoiseRules.none());
        assertFalse(counted(d, true).stream().anyMatch(x -> x.path().contains("VETH_INFO_PEER")));
    }

    @Test
    void twoRunsOfTheSameCommandAreEqualUnderTheDefaultRulesAndDifferByNoiseOnly() throws Exception {
        ConversationDiff d = DiffSamples.compare(DiffSamples.RUN1, DiffSamples.RUN2, NoiseRules.defaults());
        assertTrue(d.equal(false), counted(d, false).toString());
        assertFalse(d.equal(true));
        Set<String> rules = counted(d, true).stream().map(x -> x.noise().pattern()).collect(Collectors.toSet());
        assertTrue(rules.containsAll(Set.of("nlmsg_pid", "@time", "@pid")), rules.toString());
        assertEquals(d.ignored(), d.count(true));
    }

    @Test
    void theSameRunsDifferWhenNoRuleSaysWhatIsNoise() throws Exception {
        ConversationDiff d = DiffSamples.compare(DiffSamples.RUN1, DiffSamples.RUN2, NoiseRules.none());
        assertFalse(d.equal(false));
        assertTrue(counted(d, false).stream().anyMatch(x -> x.path().endsWith("nlmsghdr/nlmsg_pid")
                && x.kind() == DiffKind.HEADER));
    }

    @Test
    void nestedFlagClearedOnLinkinfoIsOneFlagsDifferenceNamingIt() throws Exception {
        ConversationDiff d = DiffSamples.compare(DiffSamples.NESTED, DiffSamples.NO_NESTED, NoiseRules.defaults());
        List<Difference> all = counted(d, false);
        assertEquals(1, all.size(), all.toString());
        Difference f = all.get(0);
        assertEquals(DiffKind.FLAGS, f.kind());
        assertEquals("RTM_NEWLINK/IFLA_LINKINFO", f.path());
        assertTrue(f.left().text().contains("NLA_F_NESTED"), f.left().text());
        assertFalse(f.right().text().contains("NLA_F_NESTED"), f.right().text());
        assertEquals(2, d.pairs().size(), "the request and the kernel's ACK, which accepts both");
    }
}
