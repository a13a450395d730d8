package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * Families the built-in specs lacked: nfnetlink log, queue, acct, cttimeout and cthelper on what
 * this kernel answered (tools/capture-kernel-samples.sh), a logged packet laid out as
 * net/netfilter/nfnetlink_log.c __build_packet_message writes it (this kernel logged none inside
 * the namespace), and generic netlink fou as net/ipv4/fou_nl.c / fou_fill_info writes a reply
 * (this kernel has no fou).
 */
class NewFamiliesTest {
    private static List<DecodedMessage> sample(String name) throws Exception {
        return Decodes.file(Samples.project().resolve(name + ".strace.txt"));
    }

    private static Node first(List<DecodedMessage> ms, String name) {
        List<Node> found = Decodes.named(ms, name);
        assertFalse(found.isEmpty(), name);
        return found.get(0);
    }

    @Test
    void logAndQueueConfigurationIsDecoded() throws Exception {
        List<DecodedMessage> log = sample("kernel-nflog");
        assertEquals("NFULNL_CFG_CMD_BIND (1)", first(log, "command").display());
        assertEquals("NFULNL_COPY_PACKET (2)", first(log, "copy_mode").display());
        assertEquals(List.of(), Decodes.problems(log));
        List<DecodedMessage> queue = sample("kernel-nfqueue");
        assertTrue(queue.stream().anyMatch(m -> "NFQNL_MSG_CONFIG".equals(m.typeName())));
        assertEquals(0xffffL, first(queue, "copy_range").value());
        assertEquals(List.of(), Decodes.problems(queue));
    }

    @Test
    void accountingObjectsAndTimeoutPoliciesAreDecoded() throws Exception {
        List<DecodedMessage> acct = sample("kernel-nfacct");
        assertEquals("nlwb-acct", first(acct, "NFACCT_NAME").value());
        assertFalse(Decodes.named(acct, "NFACCT_PKTS").isEmpty());
        assertEquals(List.of(), Decodes.problems(acct));
        List<DecodedMessage> timeout = sample("kernel-nfct-timeout");
        assertEquals("nlwb-t", first(timeout, "CTA_TIMEOUT_NAME").value());
        assertEquals(100L, first(timeout, "CTA_TIMEOUT_TCP_ESTABLISHED").value());
        assertEquals(10L, first(timeout, "CTA_TIMEOUT_TCP_CLOSE").value());
        assertEquals(List.of(), Decodes.problems(timeout));
        List<DecodedMessage> helper = sample("kernel-nfct-helper");
        assertEquals("nlwb-h", first(helper, "NFCTH_NAME").value());
        assertEquals(List.of(), Decodes.problems(helper));
    }

    @Test
    void aLoggedPacketCarriesItsHeaderPrefixAndPayload() {
        byte[] ip = new byte[20];
        ip[0] = 0x45;
        NlBuilder body = new NlBuilder().u8(2).u8(0).u16(0x0500)                        // nfgenmsg: AF_INET, v0, group 5 (be)
                .attr(1, new byte[] {0x08, 0x00, 3, 0})                                // NFULA_PACKET_HDR: ETH_P_IP, NF_INET_LOCAL_OUT
                .attr(10, "nlwb: \0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) // NFULA_PREFIX
                .attr(5, new byte[] {0, 0, 0, 1})                                      // NFULA_IFINDEX_OUTDEV (be)
                .attr(9, ip);                                                          // NFULA_PAYLOAD
        DecodedMessage m = Decodes.bytes(Protocol.NETFILTER, Direction.FROM_KERNEL, NlBuilder.message(0x400, 0, 0, 0, body));
        assertEquals("NFULNL_MSG_PACKET", m.typeName());
        assertEquals(3L, Decodes.named(m, "hook").get(0).value());
        assertEquals("nlwb: ", Decodes.named(m, "NFULA_PREFIX").get(0).value());
        assertEquals(1L, Decodes.named(m, "NFULA_IFINDEX_OUTDEV").get(0).value());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }

    @Test
    void aFouReplyIsDecodedOnceTheFamilyIdIsKnown() {
        // CTRL_CMD_NEWFAMILY naming "fou" id 0x20, then a FOU_CMD_GET reply on that id
        NlBuilder ctrl = new NlBuilder().u8(1).u8(2).u16(0).attrU16(1, 0x20).attrString(2, "fou");
        NlBuilder fou = new NlBuilder().u8(3).u8(1).u16(0)
                .attr(1, new byte[] {0x15, (byte) 0xb3})                               // FOU_ATTR_PORT 5555 (be)
                .attr(2, new byte[] {2})                                              // FOU_ATTR_AF AF_INET
                .attr(3, new byte[] {4})                                              // FOU_ATTR_IPPROTO IPPROTO_IPIP
                .attr(4, new byte[] {1});                                             // FOU_ATTR_TYPE FOU_ENCAP_DIRECT
        org.nlwb.decoder.model.Capture c = new org.nlwb.decoder.model.Capture("crafted", "test");
        c.append(new org.nlwb.decoder.model.Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "1",
                org.nlwb.decoder.bytes.ByteView.of(NlBuilder.message(0x10, 0, 1, 0, ctrl))));
        c.append(new org.nlwb.decoder.model.Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "2",
                org.nlwb.decoder.bytes.ByteView.of(NlBuilder.message(0x20, 0, 2, 0, fou))));
        DecodedMessage m = Decodes.DECODER.decode(c.message(1), org.nlwb.decoder.decode.Conversations.of(c).apply(1));
        assertEquals("FOU_CMD_GET", m.typeName());
        assertEquals(5555L, Decodes.named(m, "FOU_ATTR_PORT").get(0).value());
        assertEquals("FOU_ENCAP_DIRECT (1)", Decodes.named(m, "FOU_ATTR_TYPE").get(0).display());
        assertEquals(List.of(), Decodes.problems(List.of(m)));
    }
}
