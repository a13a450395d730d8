package org.nlwb.decoder.decode;

import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;

/**
 * A message with its decoded tree.
 *
 * @param className the message class that decoded the body ({@code "core"} for control messages,
 *                  {@code null} when none knew it)
 * @param typeName  the kernel name of nlmsg_type ({@code RTM_NEWLINK}), or {@code "0x1c"}-style hex
 * @param summary   one line for the message list
 */
public record DecodedMessage(MessageRef ref, Node tree, String className, String typeName, String summary) {
}
