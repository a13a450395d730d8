package org.nlwb.decoder.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Hex;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

class MessageDecoderTest {
    private final MessageDecoder decoder = new MessageDecoder(Registry.empty());

    /** recvmsg of `ip link add dummy0 type dummy` in a netns (netns-ip-link-add-dummy-fail.strace.txt). */
    static final String EOPNOTSUPP_WITH_EXT_ACK = """
            68 00 00 00 02 00 00 02  44 95 0a 6b 28 54 00 00
            a1 ff ff ff 3c 00 00 00  10 00 05 06 44 95 0a 6b
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
            00 00 00 00 0b 00 03 00  64 75 6d 6d 79 30 00 00
            10 00 12 00 09 00 01 00  64 75 6d 6d 79 00 00 00
            18 00 01 00 55 6e 6b 6e  6f 77 6e 20 64 65 76 69
            63 65 20 74 79 70 65 00""";

    static List<DecodedMessage> decodeAll(MessageDecoder d, Direction dir, String hex) {
        Capture c = new Capture("test", "hex");
        c.append(new Record(-1, dir, Protocol.ROUTE, -1, -1, null, "test", ByteView.of(Hex.bytes(hex))));
        return c.messages().stream().map(m -> d.decode(m, Conversation.empty())).toList();
    }

    static DecodedMessage only(List<DecodedMessage> all) {
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static void assertTiles(DecodedMessage m) {
        assertEquals(List.of(), TreeChecks.violations(m.tree(), m.ref().length()), m.tree().toString());
    }

    @Test
    void errorShowsErrnoTheEmbeddedRequestAndTheExtAckMessage() {
        DecodedMessage m = only(decodeAll(decoder, Direction.FROM_KERNEL, EOPNOTSUPP_WITH_EXT_ACK));
        assertTiles(m);
        Node t = m.tree();
        assertEquals("NLMSG_ERROR", t.name());
        assertEquals("core", m.className());
        assertEquals("ACK_TLVS", t.child("nlmsghdr").child("nlmsg_flags").display());
        Node error = t.child("error");
        assertEquals(-95L, error.value());
        assertTrue(error.display().startsWith("-EOPNOTSUPP"), error.display());
        Node msg = t.child("msg");
        assertEquals(20, msg.offset());
        assertEquals(60, msg.length());
        assertEquals(60L, msg.child("nlmsghdr").child("nlmsg_len").value());
        assertEquals(0x10L, msg.child("nlmsghdr").child("nlmsg_type").value());
        Node text = t.child("NLMSGERR_ATTR_MSG");
        assertEquals("Unknown device type", text.value());
        assertEquals(80, text.offset());
        assertEquals("NLMSG_ERROR -EOPNOTSUPP to 0x10 \"Unknown device type\"", m.summary());
    }

    @Test
    void cappedErrorEmbedsOnlyTheHeader() {
        String hex = "24 00 00 00 02 00 00 01 07 00 00 00 28 54 00 00"
                + "ed ff ff ff 3c 00 00 00 10 00 05 06 07 00 00 00 00 00 00 00";
        DecodedMessage m = only(decodeAll(decoder, Direction.FROM_KERNEL, hex));
        assertTiles(m);
        assertEquals("CAPPED", m.tree().child("nlmsghdr").child("nlmsg_flags").display());
        Node msg = m.tree().child("msg");
        assertEquals(16, msg.length());
        assertTrue(msg.display().contains("NLM_F_CAPPED"));
    }

    @Test
    void ackIsErrorZero() {
        String hex = "24 00 00 00 02 00 00 01 07 00 00 00 28 54 00 00 00 00 00 00"
                + "3c 00 00 00 10 00 05 06 07 00 00 00 00 00 00 00";
        DecodedMessage m = only(decodeAll(decoder, Direction.FROM_KERNEL, hex));
        assertEquals(0L, m.tree().child("error").value());
        assertTrue(m.summary().startsWith("NLMSG_ERROR ACK"), m.summary());
    }

    @Test
    void doneCarriesItsErrorCode() {
        DecodedMessage m = only(decodeAll(decoder, Direction.FROM_KERNEL,
                "14 00 00 00 03 00 02 00 b4 85 c1 5d 28 54 00 00 00 00 00 00"));
        assertTiles(m);
        assertEquals("NLMSG_DONE", m.tree().name());
        assertEquals(0L, m.tree().child("error").value());
        assertEquals("MULTI", m.tree().child("nlmsghdr").child("nlmsg_flags").display());
    }

    @Test
    void unknownTypeKeepsItsBodyAsUnknownBytes() {
        DecodedMessage m = only(decodeAll(decoder, Direction.TO_KERNEL,
                "20 00 00 00 10 00 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));
        assertTiles(m);
        assertNull(m.className());
        assertEquals("0x10", m.typeName());
        Node payload = m.tree().child("payload");
        assertEquals(Status.UNKNOWN, payload.status());
        assertEquals(16, payload.length());
    }

    @Test
    void messageRunningPastTheDatagramIsMalformedButItsHeaderIsShown() {
        List<DecodedMessage> all = decodeAll(decoder, Direction.TO_KERNEL,
                "c8 00 00 00 14 00 05 06 01 00 00 00 00 00 00 00 02 08 00 00 01 00 00 00");
        DecodedMessage m = only(all);
        assertTiles(m);
        assertEquals(Status.MALFORMED, m.tree().status());
        assertNotNull(m.tree().note());
        assertEquals(200L, m.tree().child("nlmsghdr").child("nlmsg_len").value());
    }

    @Test
    void trailingZerosBecomeATrailingEntry() {
        StringBuilder hex = new StringBuilder("24 00 00 00 1a 00 01 03 a3 a4 05 6b 00 00 00 00 02 00 00 00 fe 00 00 00 00 00 00 00 08 00 0f 00 fe 00 00 00");
        hex.append(" 00".repeat(120));
        List<DecodedMessage> all = decodeAll(decoder, Direction.TO_KERNEL, hex.toString());
        assertEquals(2, all.size());
        assertEquals(Status.TRAILING, all.get(1).tree().status());
        assertEquals(120, all.get(1).tree().length());
        all.forEach(MessageDecoderTest::assertTiles);
    }

    @Test
    void forcedClassThatDoesNotExistFallsBackToUnknownBytes() {
        Capture c = new Capture("t", "hex");
        c.append(new Record(-1, Direction.TO_KERNEL, Protocol.ROUTE, -1, -1, null, "t",
                ByteView.of(Hex.bytes("14 00 00 00 12 00 01 03 00 00 00 00 00 00 00 00 11 00 00 00"))));
        MessageRef ref = c.message(0);
        DecodedMessage m = decoder.decode(ref, Conversation.empty(), "no-such-class");
        assertTiles(m);
        assertNull(m.className());
    }

    @Test
    void aCappedAckToAGenericRequestNamesItsFamily() {
        Capture c = new Capture("t", "hex");
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "t", ByteView.of(Hex.bytes(
                "24 00 00 00 02 00 00 01 07 00 00 00 28 54 00 00 00 00 00 00"
                        + "20 00 00 00 10 00 05 00 07 00 00 00 00 00 00 00"))));
        DecodedMessage m = new MessageDecoder(org.nlwb.decoder.spec.RegistryFactory.standard(List.of()))
                .decode(c.message(0), Conversation.empty());
        assertTiles(m);
        assertEquals("NLMSG_ERROR ACK to GENL_ID_CTRL", m.summary());
    }
}
