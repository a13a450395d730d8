package org.nlwb.decoder.decode;

import java.util.Optional;

/**
 * What the decoder knows from the rest of the capture when it decodes one message: generic
 * netlink family ids learned from CTRL_CMD_NEWFAMILY replies earlier in the capture, a user
 * mapping, or the running kernel.
 */
public interface Conversation {

    /** The generic netlink family name for {@code id} at this point in the capture. */
    Optional<String> genlFamily(int id);

    /** A conversation that knows nothing. */
    static Conversation empty() {
        return id -> Optional.empty();
    }
}
