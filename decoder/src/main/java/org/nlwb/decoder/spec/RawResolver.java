package org.nlwb.decoder.spec;

import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageClassResolver;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Once;

/**
 * Dispatch for the netlink-raw families of one protocol (rt-link, rt-addr ... on NETLINK_ROUTE;
 * nftables and conntrack on NETLINK_NETFILTER, whose ids already carry the nfnetlink subsystem in
 * the high byte): the first family with an operation for the message's nlmsg_type in its
 * direction. The families' {@link SpecFacts} rule out the others without parsing their specs, so
 * a capture of links and routes parses rt-link and rt-route only.
 */
public final class RawResolver implements MessageClassResolver {
    /** A family of the protocol: its facts, and its class, made when a message first fits the facts. */
    public record Candidate(SpecFacts facts, Once<SpecMessageClass> cls) {
    }

    private final List<Candidate> families;

    public RawResolver(List<Candidate> families) {
        this.families = List.copyOf(families);
    }

    @Override
    public Optional<MessageClass> resolve(MessageContext msg, ByteView body) {
        if (msg.header() == null) {
            return Optional.empty();
        }
        int type = msg.header().type();
        for (Candidate c : families) {
            // the facts say no exactly when the spec would: only a family that may know the id is made
            if (c.facts().mayKnow(msg.direction(), msg.header().flags(), type) && c.cls().get().knows(msg, type)) {
                return Optional.of(c.cls().get());
            }
        }
        return Optional.empty();
    }
}
