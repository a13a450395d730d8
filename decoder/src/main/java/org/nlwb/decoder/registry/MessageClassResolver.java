package org.nlwb.decoder.registry;

import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;

/**
 * Chooses a message class for a message of one protocol by anything in it: nlmsg_type, direction,
 * a key at an offset of the body (sock_diag's {@code sdiag_family}), the generic netlink family
 * id through the conversation, the nfnetlink subsystem.
 */
@FunctionalInterface
public interface MessageClassResolver {
    Optional<MessageClass> resolve(MessageContext msg, ByteView body);
}
