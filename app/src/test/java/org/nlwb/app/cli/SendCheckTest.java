package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.nlwb;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.testing.NeedsRoot;

/** {@code nlwb send --check}: the running kernel's policy decides before anything is sent. */
class SendCheckTest {
    private static final String LANES_9 = "{\"header\": {\"dev-name\": \"nv0\"}, \"lanes\": 9}";

    @Test
    void anOutOfRangeValueIsRefusedBeforeSendingAndNamed() {
        CliRun r = nlwb("send", "--check", "--dry-run", "--family", "ethtool", "--do", "linkmodes-set", "--json", LANES_9);
        assertEquals(1, r.exit(), r.all());
        assertEquals("", r.out(), "nothing built or sent");
        assertTrue(r.err().contains("nlwb send:   ETHTOOL_A_LINKMODES_LANES: value 9 is outside 1..8  [32+8]"), r.err());
        assertTrue(r.err().contains("not sent: the kernel would refuse it"), r.err());
    }

    @Test
    void forceSendsWhatTheCheckRefuses() {
        CliRun r = nlwb("send", "--check", "--force", "--dry-run", "--family", "ethtool", "--do", "linkmodes-set",
                "--json", LANES_9);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("--force: sending although"), r.err());
        assertTrue(r.out().contains("ETHTOOL_A_LINKMODES_LANES: 9"), r.out());
    }

    @Test
    void aRequestWithinThePolicyPassesAndRtnetlinkFallsBackToTheSpec() {
        CliRun ok = nlwb("send", "--check", "--dry-run", "--family", "ethtool", "--do", "linkmodes-get", "--json",
                "{\"header\": {\"dev-name\": \"lo\"}}");
        assertEquals(0, ok.exit(), ok.all());
        assertTrue(ok.err().contains("the running kernel's policy of ethtool linkmodes-get (do): no problems"), ok.err());
        CliRun rt = nlwb("send", "--check", "--dry-run", "--family", "rt-link", "--do", "getlink", "--json",
                "{\"ifname\": \"lo\"}");
        assertEquals(0, rt.exit(), rt.all());
        assertTrue(rt.err().contains("the spec's checks of rt-link getlink (do) (rt-link is not generic netlink"), rt.err());
    }

    @Test
    void aCapturedRequestIsCheckedAfterTheFactWithoutSendingIt() {
        // ethtool(8)'s FEATURES_SET of the sample: the kernel took it, and the policy agrees
        String sample = java.nio.file.Path.of("..", "samples", "kernel-ethtool-set-ntf.strace.txt").toString();
        int index = 12; // #12 of nlwb decode: ETHTOOL_MSG_FEATURES_SET from `ethtool -K vethA gro on`
        CliRun r = nlwb("send", "--check", "--dry-run", "--from", sample, "--index", Integer.toString(index));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("the running kernel's policy of ethtool features-set (do): no problems"), r.err());
    }

    @Test
    void forceWithoutCheckIsAUsageError() {
        CliRun r = nlwb("send", "--force", "--dry-run", "--family", "rt-link", "--do", "getlink");
        assertEquals(2, r.exit(), r.all());
    }

    @NeedsRoot
    @Test
    void theKernelsExtAckAfterAForcedSendNamesTheAttributeTheCheckFlagged() throws Exception {
        try (var ns = org.nlwb.capture.netns.ThrowawayNamespace.create("nlwb-test")) {
            CliRun veth = nlwb("send", "--netns", ns.name(), "--family", "rt-link", "--do", "newlink", "--flags",
                    "create,excl", "--json", "{\"ifname\": \"nv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": "
                            + "{\"peer\": {\"ifname\": \"nv1\"}}}}");
            assertEquals(0, veth.exit(), veth.all());
            CliRun r = nlwb("send", "--netns", ns.name(), "--check", "--force", "--family", "ethtool", "--do",
                    "linkmodes-set", "--json", LANES_9);
            assertEquals(1, r.exit(), "the kernel refuses it: " + r.all());
            assertTrue(r.err().contains("ETHTOOL_A_LINKMODES_LANES: value 9 is outside 1..8  [32+8]"), r.err());
            assertTrue(r.out().contains("offset 32 is ETHTOOL_A_LINKMODES_LANES of the request"), r.out());
        }
    }
}
