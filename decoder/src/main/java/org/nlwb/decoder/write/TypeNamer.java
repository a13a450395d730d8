package org.nlwb.decoder.write;

import org.nlwb.decoder.message.ControlType;

/**
 * Names a message type for a writer's comments. The decoder's registry knows names like
 * {@code RTM_GETLINK}; a writer does not depend on it, so the caller passes one in.
 */
@FunctionalInterface
public interface TypeNamer {

    /** A name for {@code nlmsgType} on {@code protocol} ({@code -1} if unknown), or null. */
    String name(int protocol, int nlmsgType);

    /** Names only the control messages ({@code NLMSG_ERROR}, {@code NLMSG_DONE}...). */
    static TypeNamer controlOnly() {
        return (protocol, type) -> ControlType.name(type);
    }
}
