package org.nlwb.decoder.registry;

import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.message.NlMsgHeader;
import org.nlwb.decoder.model.Direction;

/**
 * The facts about a message that decide its class and its names. {@code header} is null for a
 * datagram that has none (kobject uevents, libudev messages).
 */
public record MessageContext(NlMsgHeader header, int protocol, Direction direction, Conversation conversation) {
}
