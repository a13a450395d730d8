package org.nlwb.decoder.filter;

import java.util.Optional;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.pipeline.DecodedCapture;

/**
 * Message {@code index}'s conversation, learned only when a generic netlink id is first asked:
 * learning scans the capture up to the message, under a lock the filter's threads would share, and
 * most classes (all of rtnetlink's) never ask. Not thread-safe: one message's evaluation uses it.
 */
final class LazyConversation implements Conversation {
    private final DecodedCapture capture;
    private final int index;
    private Conversation learned;

    LazyConversation(DecodedCapture capture, int index) {
        this.capture = capture;
        this.index = index;
    }

    @Override
    public Optional<String> genlFamily(int id) {
        if (learned == null) {
            learned = capture.conversation(index);
        }
        return learned.genlFamily(id);
    }
}
