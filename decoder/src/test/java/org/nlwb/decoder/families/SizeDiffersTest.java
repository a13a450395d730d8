package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Sizes real kernels and tools send that are not the spec's: the value is decoded as it is, the
 * node stays ok, and its note says the size differs from this spec's version.
 */
class SizeDiffersTest {
    @Test
    void aFlagTheKernelFillsAsAU8IsReadAsOne() throws Exception {
        List<DecodedMessage> ms = Decodes.file(CapturedFamilies.dir().resolve("ip-d-link-show-kinds.strace.txt"));
        Node ttl = Decodes.named(ms, "IFLA_VXLAN_TTL_INHERIT").get(0);
        assertEquals(Status.OK, ttl.status());
        assertEquals(0L, ttl.value());
        assertTrue(ttl.note().contains("flag in this spec, 1 byte here: read as u8"), ttl.note());
        assertEquals(List.of(), Decodes.problems(ms));
    }

    @Test
    void rtaExpiresIsAU32FromIproute2WhereTheSpecHasTheKernelsU64() throws Exception {
        Node sent = Decodes.named(Decodes.file(Samples.project().resolve("kernel-ip-route-add-expires.strace.txt")),
                "RTA_EXPIRES").get(0);
        assertEquals(Status.OK, sent.status());
        assertEquals(300L, sent.value());
        assertTrue(sent.note().contains("u64 in this spec, 4 bytes here: read as u32"), sent.note());
    }

    /** An older kernel's IFLA_STATS64 (before rx_otherhost_dropped, 5.19: 24 counters, 192 bytes). */
    @Test
    void aStructFromAnOlderKernelEndsAfterAMember() {
        NlBuilder stats = new NlBuilder();
        for (int i = 0; i < 24; i++) {
            stats.u32(i + 1).u32(0);
        }
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(1).u32(1).u32(0x49).u32(0).attr(23, stats);
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(16, 2, 1, 0, body));
        Node s64 = Decodes.named(m, "IFLA_STATS64").get(0);
        assertEquals(Status.OK, s64.status());
        assertTrue(s64.note().contains("192 of") && s64.note().contains("ends after rx_nohandler"), s64.note());
        assertEquals(24L, Decodes.named(m, "rx_nohandler").get(0).value());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    /** pyroute2's nlmon capture: dump requests with a 4-byte header (family, pad, type) where the spec has ifinfomsg. */
    @Test
    void aDumpRequestWithOnlyTheFamilyByteIsNoted() throws Exception {
        List<DecodedMessage> ms = Decodes.file(Samples.shared().resolve("samples/pyroute2/nl0.pcap"));
        Node hdr = Decodes.named(ms, "ifinfomsg").get(0);
        assertEquals(Status.OK, hdr.status());
        assertTrue(hdr.note().contains("4 of 16 bytes") && hdr.note().contains("ends after ifi_type"), hdr.note());
    }

    @Test
    void aSizeThatIsNoWholeScalarStaysMalformed() {
        NlBuilder body = new NlBuilder().u8(0).u8(0).u16(1).u32(1).u32(0x49).u32(0)
                .attr(4, new byte[] {(byte) 0xdc, 5, 0});                     // IFLA_MTU in 3 bytes
        DecodedMessage m = Decodes.bytes(Protocol.ROUTE, Direction.FROM_KERNEL, NlBuilder.message(16, 2, 1, 0, body));
        List<String> problems = Decodes.problems(List.of(m));
        assertTrue(problems.size() == 1 && problems.get(0).contains("IFLA_MTU") && problems.get(0).contains("MALFORMED"),
                problems.toString());
    }
}
