package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/** {@code ss -tan} as captured: inet_diag requests and replies chosen by sdiag_family at body offset 0. */
class SockDiagTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    private static List<DecodedMessage> decodeAll(String file) throws Exception {
        Capture c = Loader.standard().load(Samples.shared().resolve("samples/captured").resolve(file), DumpFormat.PCAP,
                Protocol.UNKNOWN);
        List<DecodedMessage> out = new java.util.ArrayList<>();
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = DECODER.decode(ref, Conversation.empty());
            assertEquals(List.of(), TreeChecks.violations(m.tree(), ref.length()), file + " message " + ref.index());
            out.add(m);
        }
        return out;
    }

    @Test
    void inetDiagRequestAndReplyAreTheirFamilysStructs() throws Exception {
        List<DecodedMessage> ms = decodeAll("ss-tan.pcap");
        DecodedMessage req = ms.get(0);
        assertEquals("inet_diag", req.className());
        assertEquals("SOCK_DIAG_BY_FAMILY", req.typeName());
        Node r = req.tree().child("inet_diag_req_v2");
        assertNotNull(r, "request body is inet_diag_req_v2");
        assertEquals("AF_INET (2)", r.child("sdiag_family").display());
        assertEquals("IPPROTO_TCP (6)", r.child("sdiag_protocol").display());
        assertEquals(0xfffL, r.child("idiag_states").value());
        assertTrue(r.child("idiag_states").display().startsWith("1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT"));

        DecodedMessage reply = ms.get(1);
        assertEquals("inet_diag", reply.className());
        Node msg = reply.tree().child("inet_diag_msg");
        assertEquals("TCP_LISTEN (10)", msg.child("idiag_state").display());
        assertEquals(2024L, msg.child("id").child("idiag_sport").value());
        assertEquals("0.0.0.0", msg.child("id").child("idiag_src").value());
        assertEquals(1209L, msg.child("idiag_inode").value());
        assertEquals(1L, reply.tree().child("INET_DIAG_CGROUP_ID").value());
        assertEquals("is_icsk|mc_loop|mc_all", reply.tree().child("INET_DIAG_SOCKOPT").display());
        assertTrue(reply.summary().contains("TCP_LISTEN 0.0.0.0:2024"), reply.summary());

        DecodedMessage req6 = ms.stream().filter(m -> m.tree().child("inet_diag_req_v2") != null)
                .skip(1).findFirst().orElseThrow();
        assertEquals("::", req6.tree().child("inet_diag_req_v2").child("id").child("idiag_src").value().toString()
                .replace("0:0:0:0:0:0:0:0", "::"));
    }
}
