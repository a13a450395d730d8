package org.nlwb.decoder.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rules format and what a rule covers. */
class NoiseRulesTest {

    @Test
    void theDefaultsComeFromTheResourceAndNameTheUsualPerRunFields() {
        NoiseRules d = NoiseRules.defaults();
        for (String p : new String[] {"RTM_NEWLINK/nlmsghdr/nlmsg_seq", "NLMSG_ERROR/msg/nlmsghdr/nlmsg_pid",
            "RTM_NEWLINK/ifinfomsg/ifi_index", "@time", "@pid", "RTM_NEWLINK/IFLA_LINK"}) {
            assertTrue(d.covering(p) != null, p);
        }
        assertTrue(d.covering("@time").line().startsWith("noise-rules.txt:"), d.covering("@time").line());
        assertNull(d.covering("RTM_NEWLINK/IFLA_IFNAME"));
        assertNull(d.covering("RTM_NEWLINK/IFLA_ADDRESS"), "MACs count: the README of the rules says why");
    }

    @Test
    void aRuleCoversWhatLiesBelowItAndPathEndingsAndGlobsMatchBySegment() {
        NoiseRules r = NoiseRules.parse("IFLA_INFO_DATA/*  per kind\nIFLA_STATS*\n", "my.rules");
        assertEquals("IFLA_INFO_DATA/*", r.covering("RTM_NEWLINK/IFLA_LINKINFO/IFLA_INFO_DATA/VETH_INFO_PEER/ifinfomsg").pattern());
        assertNull(r.covering("RTM_NEWLINK/IFLA_LINKINFO/IFLA_INFO_DATA"));
        assertEquals("IFLA_STATS*", r.covering("RTM_NEWLINK/IFLA_STATS64/rx_packets").pattern());
        assertEquals("IFLA_STATS*", r.covering("RTM_NEWLINK/IFLA_STATS#2").pattern(), "occurrence marks aside");
        assertNull(r.covering("RTM_NEWLINK/XIFLA_STATS"));
    }

    @Test
    void theWrittenFormReadsBackToTheSameRules() {
        NoiseRules d = NoiseRules.defaults();
        NoiseRules again = NoiseRules.parse(d.format(), "shown");
        assertEquals(d.rules().stream().map(NoiseRule::pattern).toList(), again.rules().stream().map(NoiseRule::pattern).toList());
        assertEquals(d.rules().stream().map(NoiseRule::reason).toList(), again.rules().stream().map(NoiseRule::reason).toList());
    }

    @Test
    void aBadPatternIsRefusedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoiseRules.parse("# fine\nnlmsg_seq\n/rooted\n", "bad.rules"));
        assertTrue(e.getMessage().startsWith("bad.rules:3: "), e.getMessage());
    }
}
