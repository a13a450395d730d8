package org.nlwb.decoder.registry;

import org.nlwb.decoder.tree.Node;

/**
 * pyroute2's {@code fix_message}: a plugin's last word on a decoded message of one protocol, to
 * rename, annotate or re-read what the class got wrong for some sender or kernel version.
 *
 * <p>Contract: return {@code tree} itself when there is nothing to fix. A returned tree must still
 * tile the message's bytes; the decoder checks, and keeps the unfixed tree (with a note) when a
 * fixer breaks that rule or throws.
 */
@FunctionalInterface
public interface MessageFixer {
    Node fix(MessageContext msg, Node tree);
}
