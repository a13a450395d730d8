package org.nlwb.decoder.filter;

import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;

/**
 * Which part a message plays in a conversation, from its header alone (cheap enough for every
 * row of a million-message list): a request to the kernel, a reply to one, or a notification.
 * The kernel sends multicast notifications with nlmsg_seq 0 and nlmsg_pid 0; a reply carries
 * the requester's port id, so it is never both 0.
 */
public enum MessageRole {
    REQUEST("→ kernel"),
    REPLY("← kernel"),
    NOTIFICATION("notification"),
    UNKNOWN("?");

    private final String label;

    MessageRole(String label) {
        this.label = label;
    }

    /** What the message list shows: {@code → kernel}, {@code ← kernel}, {@code notification}. */
    public String label() {
        return label;
    }

    public static MessageRole of(MessageRef ref) {
        Direction d = ref.record().direction();
        if (d == Direction.TO_KERNEL) {
            return REQUEST;
        }
        if (d == Direction.FROM_KERNEL) {
            return ref.hasHeader() && ref.seq() == 0 && ref.portId() == 0 ? NOTIFICATION : REPLY;
        }
        return UNKNOWN;
    }
}
