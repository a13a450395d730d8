package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * pyroute2's {@code .dump} test files end in a {@code #: application/json} block holding the decode
 * pyroute2 expects. Ours must agree on every message's header fields and on control message
 * names (family attribute names are checked where the families are).
 */
class Pyroute2ExpectedDecodeTest {
    private static final List<String> FILES = List.of("addrmsg_ipv4.dump", "gre_01.dump", "iw_info_rsp.dump");

    @TestFactory
    Stream<DynamicTest> headersAgreeWithPyroute2sExpectedDecode() {
        return FILES.stream().map(f -> DynamicTest.dynamicTest(f, () -> check(Samples.shared().resolve("samples/pyroute2").resolve(f))));
    }

    private static void check(Path file) throws Exception {
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        String json = c.metadata().get("application/json");
        assertNotNull(json, file + ": the #: application/json block was not kept; have " + c.metadata().keySet());
        JsonNode expected = new ObjectMapper().readTree(json);
        List<MessageRef> messages = c.messages();
        assertEquals(expected.size(), messages.size(), file + ": message count");
        MessageDecoder decoder = new MessageDecoder(Registry.empty());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode e = expected.get(i);
            DecodedMessage m = decoder.decode(messages.get(i), Conversation.empty());
            Node h = m.tree().child("nlmsghdr");
            JsonNode eh = e.get("header");
            String where = file.getFileName() + " message " + i;
            assertEquals(eh.get("length").asLong(), h.child("nlmsg_len").value(), where + " length");
            assertEquals(eh.get("type").asLong(), h.child("nlmsg_type").value(), where + " type");
            assertEquals(eh.get("flags").asLong(), h.child("nlmsg_flags").value(), where + " flags");
            assertEquals(eh.get("sequence_number").asLong(), h.child("nlmsg_seq").value(), where + " seq");
            assertEquals(eh.get("pid").asLong(), h.child("nlmsg_pid").value(), where + " pid");
            String event = e.path("event").asText();
            if (event.startsWith("NLMSG_")) {
                assertEquals(event, m.tree().name(), where + " event");
                assertTrue(m.tree().child("error") != null, where + ": error code shown");
            }
        }
    }
}
