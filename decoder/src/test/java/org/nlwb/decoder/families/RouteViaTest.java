package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** RTA_VIA reads as the address it holds: struct rtvia, family then address. */
class RouteViaTest {
    @Test
    void anIpv4RouteThroughAnIpv6NextHopShowsTheAddress() throws Exception {
        for (String sample : List.of("kernel-ip-route-add-via", "kernel-ip-route-show-new")) {
            List<DecodedMessage> ms = Decodes.file(Samples.project().resolve(sample + ".strace.txt"));
            Node via = Decodes.named(ms, "RTA_VIA").get(0);
            assertEquals("fe80::1 (AF_INET6)", via.display(), sample);
            assertEquals(10L, via.child("rtvia_family").value());
            assertEquals("fe80::1", via.child("rtvia_addr").value());
            assertEquals(List.of(), Decodes.problems(ms), sample);
        }
    }

    @Test
    void aWrongLengthAddressIsMalformedAndATruncatedStructToo() {
        Node v4 = via(new byte[] {2, 0, 10, 0, 0});
        assertEquals(Status.MALFORMED, v4.child("rtvia_addr").status());
        assertEquals(Status.MALFORMED, via(new byte[] {2}).status());
        assertEquals("10.0.0.1 (AF_INET)", via(new byte[] {2, 0, 10, 0, 0, 1}).display());
    }

    private static Node via(byte[] payload) {
        NlBuilder body = new NlBuilder().u8(2).u8(24).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0).attr(18, payload);
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.TO_KERNEL, NlBuilder.message(24, 0x605, 1, 0, body));
        return Decodes.named(m, "RTA_VIA").get(0);
    }
}
