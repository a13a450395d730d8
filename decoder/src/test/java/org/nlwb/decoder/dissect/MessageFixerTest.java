package org.nlwb.decoder.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.Hex;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** The fix_message hook: a fixer's tree is shown; a fixer that throws or breaks the tiling is dropped with a note. */
class MessageFixerTest {
    private static DecodedMessage decode(Registry r) {
        Capture c = new Capture("t", "hex");
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.ROUTE, -1, -1, null, "t",
                ByteView.of(Hex.bytes(MessageDecoderTest.EOPNOTSUPP_WITH_EXT_ACK))));
        return new MessageDecoder(r).decode(c.message(0), Conversation.empty());
    }

    @Test
    void aFixersTreeReplacesTheDecodedOne() {
        Registry r = Registry.builder().messageFixer(Protocol.ROUTE, (msg, tree) -> {
            List<Node> kids = new ArrayList<>(tree.children());
            Node e = tree.child("error");
            kids.set(kids.indexOf(e), new Node("error", null, e.offset(), e.length(), e.value(),
                    e.display() + " — dummy links need CONFIG_DUMMY", e.status(), e.note(), e.children()));
            return tree.withChildren(kids);
        }).build();
        assertTrue(decode(r).tree().child("error").display().endsWith("CONFIG_DUMMY"));
    }

    @Test
    void aFixerThatThrowsOrBreaksTheTilingIsIgnoredWithANote() {
        Registry throwing = Registry.builder().messageFixer(Protocol.ROUTE, (msg, tree) -> {
            throw new IllegalStateException("bug");
        }).build();
        Registry dropping = Registry.builder().messageFixer(Protocol.ROUTE,
                (msg, tree) -> tree.withChildren(tree.children().subList(0, 1))).build();
        for (Registry r : List.of(throwing, dropping)) {
            DecodedMessage m = decode(r);
            assertEquals(Status.OK, m.tree().status());
            assertTrue(m.tree().note().contains("message fixer"), m.tree().note());
            assertEquals(-95L, m.tree().child("error").value());
        }
    }

    @Test
    void fixersOfOtherProtocolsAreNotAsked() {
        Registry r = Registry.builder().messageFixer(Protocol.GENERIC, (msg, tree) -> {
            throw new AssertionError("asked about a NETLINK_ROUTE message");
        }).build();
        assertEquals(null, decode(r).tree().note());
    }
}
