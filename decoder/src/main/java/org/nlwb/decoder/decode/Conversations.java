package org.nlwb.decoder.decode;

import java.util.function.IntFunction;
import org.nlwb.decoder.model.Capture;

/**
 * Conversation context per message of a capture: what the decoder of message {@code i} may know
 * from the messages before it (generic netlink family ids from CTRL_CMD_NEWFAMILY replies).
 */
public final class Conversations {
    private Conversations() {
    }

    /** Message index → its conversation context. */
    public static IntFunction<Conversation> of(Capture capture) {
        return i -> Conversation.empty();
    }
}
