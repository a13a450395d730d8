package org.nlwb.decoder.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/** The filter language on a real conversation: {@code ip link add dummy0 type dummy} failing with -EOPNOTSUPP. */
class FilterTest {
    private static final Path SHARED = Path.of(System.getProperty("nlwb.shared", "../../shared"));
    private static List<DecodedMessage> messages;

    @BeforeAll
    static void decodeSample() throws IOException {
        Capture c = readPcap(SHARED.resolve("samples/captured/netns-ip-link-add-dummy-fail.pcap"));
        MessageDecoder d = new MessageDecoder(Registry.empty());
        messages = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            messages.add(d.decode(ref, Conversation.empty()));
        }
    }

    /**
     * The captured pcaps are LINKTYPE_NETLINK with a 16-byte cooked header (see the samples README):
     * packet type 4 = outgoing, protocol big-endian at [14:16].
     */
    static Capture readPcap(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        Capture c = new Capture(p.toString(), "pcap");
        b.position(24);
        while (b.remaining() >= 16) {
            long sec = b.getInt() & 0xffffffffL;
            long usec = b.getInt() & 0xffffffffL;
            int incl = b.getInt();
            b.getInt();
            byte[] rec = new byte[incl];
            b.get(rec);
            ByteBuffer h = ByteBuffer.wrap(rec).order(ByteOrder.BIG_ENDIAN);
            Direction dir = h.getShort(0) == 4 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
            byte[] payload = java.util.Arrays.copyOfRange(rec, 16, rec.length);
            c.append(new Record(sec * 1_000_000_000L + usec * 1000, dir, h.getShort(14), -1, -1, null,
                    "record " + c.recordCount(), ByteView.of(payload)));
        }
        return c;
    }

    private static List<Integer> matching(String expr) throws FilterSyntaxException {
        Filter f = Filter.parse(expr);
        List<Integer> out = new ArrayList<>();
        for (DecodedMessage m : messages) {
            if (f.test(m)) {
                out.add(m.ref().index());
            }
        }
        return out;
    }

    /** Message 1 is the -ENODEV answer to iproute2's probe, message 3 the -EOPNOTSUPP with ext-ACK text. */
    private static int indexOfError() {
        return 3;
    }

    private static final int PROBE_ERROR = 1;

    @Test
    void errorNotZeroSelectsOnlyTheFailedAck() throws Exception {
        assertEquals("NLMSG_ERROR", messages.get(PROBE_ERROR).typeName());
        assertEquals("NLMSG_ERROR", messages.get(indexOfError()).typeName());
        assertEquals(List.of(PROBE_ERROR, indexOfError()), matching("error != 0"));
        assertEquals(List.of(PROBE_ERROR), matching("error == -19"));
        assertEquals(List.of(indexOfError()), matching("error == -95"));
        assertEquals(List.of(indexOfError()), matching("error == -EOPNOTSUPP"));
        assertEquals(List.of(), matching("error == 0"));
    }

    @Test
    void typeComparesByNameAndNumber() throws Exception {
        List<Integer> errors = List.of(PROBE_ERROR, indexOfError());
        assertEquals(errors, matching("type == NLMSG_ERROR"));
        assertEquals(errors, matching("type == 2"));
        assertEquals(errors, matching("type == 0x2"));
        assertEquals(List.of(0, 2), matching("type != NLMSG_ERROR"));
        assertEquals(List.of(0, 2), matching("type == 16"));
    }

    @Test
    void fieldNamesFindNodesAnywhereInTheTree() throws Exception {
        assertEquals(List.of(indexOfError()), matching("NLMSGERR_ATTR_MSG == \"Unknown device type\""));
        assertEquals(List.of(indexOfError()), matching("NLMSGERR_ATTR_MSG contains \"device\""));
        assertEquals(List.of(indexOfError()), matching("NLMSGERR_ATTR_MSG"));
        assertEquals(List.of(), matching("NLMSGERR_ATTR_MSG contains \"nothing\""));
    }

    @Test
    void booleanOperatorsAndParenthesesCombine() throws Exception {
        List<Integer> requests = matching("direction == out");
        assertFalse(requests.isEmpty());
        assertEquals(requests, matching("direction == request"));
        assertEquals(List.of(), matching("direction == out && type == NLMSG_ERROR"));
        List<Integer> either = matching("(direction == out) || error == -95");
        assertEquals(requests.size() + 1, either.size());
        assertEquals(messages.size() - requests.size(), matching("!(direction == out)").size());
        assertEquals(messages.size() - requests.size(), matching("not direction == out").size());
        assertTrue(matching("len > 16 and flags contains ACK").containsAll(List.of(indexOfError())));
    }

    @Test
    void numericOrderComparesNumbers() throws Exception {
        DecodedMessage err = messages.get(indexOfError());
        int len = err.ref().length();
        assertTrue(matching("len == " + len).contains(indexOfError()));
        assertFalse(matching("len > " + len).contains(indexOfError()));
        assertTrue(matching("len >= " + len).contains(indexOfError()));
        assertTrue(matching("len < " + (len + 1)).contains(indexOfError()));
    }

    @Test
    void applyAsFilterExpressionSelectsTheNodesMessage() throws Exception {
        DecodedMessage err = messages.get(indexOfError());
        Node text = err.tree().findAll("NLMSGERR_ATTR_MSG").get(0);
        assertNotNull(text);
        String expr = Filter.expressionFor(text);
        assertTrue(matching(expr).contains(indexOfError()), expr);
        Node e = err.tree().child("error");
        assertEquals("error == -95", Filter.expressionFor(e));
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("type == "));
        assertEquals(8, e.position());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("(type == 2"));
        assertEquals(10, e.position());
        assertTrue(e.reason().contains("')'"), e.reason());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("IFLA_MTU > lo"));
        assertEquals(11, e.position());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("a & b"));
        assertEquals(2, e.position());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("name == \"lo"));
        assertEquals(8, e.position());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("1500 == IFLA_MTU"));
        assertEquals(0, e.position());
        e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("a == 1)"));
        assertEquals(6, e.position());
    }

    @Test
    void blankFilterAcceptsEverything() throws Exception {
        assertTrue(Filter.parse("  ").acceptsAll());
        assertEquals(messages.size(), matching("").size());
    }

    @Test
    void aControlCharacterIsNamedNotQuoted() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> Filter.parse("\u001b[2J"));
        assertEquals("unexpected character U+001B", e.reason());
        assertEquals("unexpected character '#'",
                assertThrows(FilterSyntaxException.class, () -> Filter.parse("a == #")).reason());
    }
}
