package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * RTA_ENCAP of a seg6 route, sent by iproute2 and dumped by the kernel, both with RTA_ENCAP_TYPE
 * after it: read by that type, the segment routing header with its segments.
 */
class RouteEncapTest {
    @Test
    void aSeg6RouteShowsItsModeAndSegmentsBothWays() throws Exception {
        for (String sample : List.of("kernel-ip-route-add-seg6", "kernel-ip-6-route-show")) {
            List<DecodedMessage> ms = Decodes.file(Samples.project().resolve(sample + ".strace.txt"));
            Node encap = Decodes.named(ms, "RTA_ENCAP").get(0);
            assertEquals(Status.OK, encap.status(), sample);
            assertTrue(encap.note().contains("LWTUNNEL_ENCAP_SEG6"), encap.note());
            Node srh = Decodes.named(ms, "SEG6_IPTUNNEL_SRH").get(0);
            assertEquals("SEG6_IPTUN_MODE_ENCAP (1)", srh.child("mode").display(), sample);
            // iproute2 writes the segment list last-first: the first segment to visit is segments[n-1]
            assertEquals("2001:db8::2,2001:db8::1", srh.display(), sample);
            assertEquals(List.of(), Decodes.problems(ms), sample);
        }
    }

    /**
     * Only a tree that can hold RTA_ENCAP is walked: every route message and every message that
     * may carry one (an error echoing a request) is; a link, address or neighbour dump is not.
     */
    @Test
    void onlyRouteAndControlMessagesAreWalkedForRtaEncap() throws Exception {
        for (String sample : List.of("kernel-ip-route-add-seg6", "ip-route-add-bad-gateway", "ip-route-show-multipath")) {
            for (DecodedMessage m : Decodes.file(Samples.project().resolve(sample + ".strace.txt"))) {
                boolean route = m.tree().child("rtmsg") != null;
                boolean control = m.tree().type() != null && m.tree().type() < 0x10;
                if (route || control) {
                    assertTrue(RouteEncap.mayHoldEncap(m.tree()), sample + " " + m.tree().name());
                }
            }
        }
        for (String sample : List.of("ip-link-show", "ip-addr-show")) {
            for (DecodedMessage m : Decodes.file(Samples.project().resolve(sample + ".strace.txt"))) {
                if (m.tree().name().startsWith("RTM_NEW")) {
                    assertFalse(RouteEncap.mayHoldEncap(m.tree()), sample + " " + m.tree().name());
                }
            }
        }
    }

    /** TCA_XSTATS by the qdisc's kind: an htb class's lends, borrows and tokens. */
    @Test
    void anHtbClassesXstatsAreItsStruct() throws Exception {
        List<DecodedMessage> ms = Decodes.file(CapturedFamilies.dir().resolve("tc-class-show.strace.txt"));
        Node x = Decodes.named(ms, "TCA_XSTATS").get(0);
        assertEquals(20000L, x.child("tc_htb_xstats").child("tokens").value());
        assertEquals(List.of(), Decodes.problems(ms));
    }
}
