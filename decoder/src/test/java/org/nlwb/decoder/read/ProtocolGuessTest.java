package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;

/**
 * Dumps that name no protocol (pyroute2's files, plain hex): the protocol is guessed from the
 * content where only one reading fits, each message's note says so, and --protocol decides.
 */
class ProtocolGuessTest {
    private static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    private static List<DecodedMessage> decode(Capture c) {
        var conv = Conversations.of(c);
        return c.messages().stream().map(r -> DECODER.decode(r, conv.apply(r.index()))).toList();
    }

    private static Path pyroute2(String file) {
        return Samples.shared().resolve("samples/pyroute2").resolve(file);
    }

    @Test
    void anRtnetlinkDumpIsReadAsRouteAndSaysItWasGuessed() throws Exception {
        List<DecodedMessage> ms = decode(Loader.standard().load(pyroute2("addrmsg_ipv4.dump"), null, Protocol.UNKNOWN));
        assertEquals("RTM_NEWADDR", ms.get(0).typeName());
        assertEquals(Protocol.ROUTE, ms.get(0).ref().record().protocol());
        assertTrue(ms.get(0).tree().note().contains("protocol guessed from its content: NETLINK_ROUTE"),
                ms.get(0).tree().note());
    }

    @Test
    void anIpsetConversationIsNetfilter() throws Exception {
        List<DecodedMessage> ms = decode(Loader.standard().load(pyroute2("historical/scripts/ipset_02.data"), null,
                Protocol.UNKNOWN));
        assertTrue(ms.stream().allMatch(m -> m.ref().record().protocol() == Protocol.NETFILTER));
        assertTrue(ms.stream().anyMatch(m -> "IPSET_CMD_CREATE".equals(m.typeName())));
        assertTrue(ms.stream().allMatch(m -> m.tree().note() != null && m.tree().note().contains("NETLINK_NETFILTER")));
    }

    @Test
    void aDatagramOfControlMessagesOnlyFollowsTheOthersOfTheFile() throws Exception {
        String hex = "20 00 00 00 12 00 01 03 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
                + "\n14 00 00 00 03 00 02 00 01 00 00 00 00 00 00 00 00 00 00 00\n";
        List<DecodedMessage> ms = decode(Loader.standard().load("t.hex", hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                null, Protocol.UNKNOWN));
        assertEquals(List.of("RTM_GETLINK", "NLMSG_DONE"), ms.stream().map(DecodedMessage::typeName).toList());
        assertTrue(ms.get(1).tree().note().contains("guessed from the other messages of the file: NETLINK_ROUTE"),
                ms.get(1).tree().note());
    }

    @Test
    void theProtocolTheUserNamesDecidesAndNothingIsNoted() throws Exception {
        List<DecodedMessage> ms = decode(Loader.standard().load(pyroute2("addrmsg_ipv4.dump"), null, Protocol.GENERIC));
        assertEquals(Protocol.GENERIC, ms.get(0).ref().record().protocol());
        assertTrue(ms.get(0).tree().note() == null || !ms.get(0).tree().note().contains("guessed"));
    }

    @Test
    void aMessageThatFitsNoneOrSeveralReadingsIsNotGuessed() throws Exception {
        // the synthetic malformed RTM_NEWADDR: its attributes do not tile, so nothing fits
        Capture c = Loader.standard().load(Samples.shared().resolve("samples/captured/synthetic-malformed-rtm_newaddr.hex"),
                null, Protocol.UNKNOWN);
        assertEquals(Protocol.UNKNOWN, c.message(0).record().protocol());
        assertNull(c.message(0).note());
        // a header alone (type 0x1b, no body): rtnetlink cannot be told from generic netlink
        Capture empty = Loader.standard().load("t.hex", "10 00 00 00 1b 00 00 00 00 00 00 00 00 00 00 00\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), null, Protocol.UNKNOWN);
        assertEquals(Protocol.UNKNOWN, empty.message(0).record().protocol());
    }
}
