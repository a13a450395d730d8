package org.nlwb.decoder.spec;

import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageClassResolver;
import org.nlwb.decoder.registry.MessageContext;

/**
 * Dispatch for the netlink-raw families of one protocol (rt-link, rt-addr ... on NETLINK_ROUTE;
 * nftables and conntrack on NETLINK_NETFILTER, whose ids already carry the nfnetlink subsystem in
 * the high byte): the first family with an operation for the message's nlmsg_type in its
 * direction.
 */
public final class RawResolver implements MessageClassResolver {
    private final List<SpecMessageClass> families;

    public RawResolver(List<SpecMessageClass> families) {
        this.families = List.copyOf(families);
    }

    @Override
    public Optional<MessageClass> resolve(MessageContext msg, ByteView body) {
        if (msg.header() == null) {
            return Optional.empty();
        }
        for (SpecMessageClass c : families) {
            if (c.knows(msg, msg.header().type())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
