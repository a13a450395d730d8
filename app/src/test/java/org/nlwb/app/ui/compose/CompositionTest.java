package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;

class CompositionTest {
    private static final SpecCatalog CATALOG = SpecLibrary.of(true, List.of()).load();
    private final MessageEncoder encoder = new MessageEncoder(CATALOG);

    @Test
    void everyTemplateEncodesAsItIs() {
        for (Templates.Template t : Templates.all()) {
            Composition c = new Composition(t.messages());
            assertEquals(java.util.Optional.empty(), c.problem(encoder), t.name());
        }
    }

    @Test
    void anEditedNameChangesTheBytesAndLoadsBackAsTheSameRequest() throws Exception {
        Composition c = new Composition(Templates.named("Create a veth pair").messages());
        byte[] before = c.datagram(encoder, n -> 0);
        c.first().put("ifname", TextNode.valueOf("nlwbA"));
        byte[] after = c.datagram(encoder, n -> 0);
        assertEquals(before.length, after.length); // veth0 and nlwbA are both 5 characters
        assertFalse(java.util.Arrays.equals(before, after));
        Request r = c.first().request();
        assertEquals("nlwbA", r.values().get("ifname").asText());
        assertTrue(r.flags().containsAll(List.of("CREATE", "EXCL")));
        ComposedMessage again = ComposedMessage.of(r);
        assertArrayEquals(after, again.encode(encoder, n -> 0));
    }

    @Test
    void aValueTheSpecRefusesIsAProblemNamingTheField() {
        Composition c = new Composition(Templates.named("Get a link by name").messages());
        c.first().put("mtu", TextNode.valueOf("lots"));
        String p = c.problem(encoder).orElseThrow();
        assertTrue(p.startsWith("mtu: "), p);
    }

    @Test
    void theNftablesTemplateIsOneDatagramOfThreeMessagesAckedOnlyInTheMiddle() throws Exception {
        Composition c = new Composition(Templates.named("nftables: add table (batch)").messages());
        List<byte[]> ms = c.encode(encoder, n -> 0);
        assertEquals(3, ms.size());
        assertEquals(0x10, ms.get(0)[4]);
        assertEquals(0x11, ms.get(2)[4]);
        int ack = 4;
        assertEquals(0, ms.get(0)[6] & ack);
        assertEquals(ack, ms.get(1)[6] & ack);
        assertEquals(org.nlwb.decoder.model.Protocol.NETFILTER, c.protocol(encoder));
    }

    @Test
    void rawModeSendsTheBytesAsTyped() throws Exception {
        Composition c = new Composition(Templates.named("Dump links").messages());
        c.loadRaw(0, "rt-link", new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, c.encode(encoder, n -> 0).get(0));
        assertTrue(c.problem(encoder).orElseThrow().contains("shorter than an nlmsghdr"));
        c.leaveRaw();
        assertFalse(c.isRaw());
    }

    @Test
    void aReplayedGenericNetlinkMessageGetsTheTargetsFamilyId() {
        byte[] two = new byte[40];
        two[0] = 20;
        two[4] = 0x15;
        two[20] = 20;
        two[24] = 0x15;
        ComposerSend.patchGenlType(two, 0x1f);
        assertEquals(0x1f, two[4]);
        assertEquals(0x1f, two[24]);
    }
}
