package org.nlwb.decoder.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.Invariants;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.tree.Node;

/**
 * Error codes at the ends of an int: -2147483648 has no positive counterpart, so its magnitude
 * cannot index the errno tables (a fuzzing finding: an NLMSG_ERROR with that code threw).
 */
class ErrnoTest {

    @Test
    void theSmallestIntHasNoNameAndDecodesAsANumber() {
        assertNull(Errno.name(Integer.MIN_VALUE));
        assertNull(Errno.text(Integer.MIN_VALUE));
        assertEquals("-2147483648", MessageDecoder.errorDisplay(Integer.MIN_VALUE));
        assertEquals("-ENODEV (No such device)", MessageDecoder.errorDisplay(-19));
    }

    @Test
    void anErrorMessageWithTheSmallestIntAsItsCodeDecodes() {
        byte[] echoed = NlBuilder.message(16, 5, 1, 0, new NlBuilder());
        byte[] msg = NlBuilder.message(2, 0, 1, 0, new NlBuilder().u32(0x80000000L).bytes(echoed));
        Capture c = new Capture("t", "test");
        c.append(new Record(-1, Direction.FROM_KERNEL, 0, -1, -1, null, "t", ByteView.of(msg)));
        DecodedMessage m = Invariants.DECODER.decode(c.message(0), Conversation.empty());
        Invariants.tree(m.tree(), msg.length, "error message");
        Node error = m.tree().children().get(1);
        assertEquals(List.of("error", "-2147483648"), List.of(error.name(), error.display()));
    }
}
