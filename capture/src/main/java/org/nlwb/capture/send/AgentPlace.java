package org.nlwb.capture.send;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.nlwb.capture.agent.NamespaceAgent;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.NetlinkChannel;

/** A throwaway namespace held by a namespace agent; closing ends the agent and the namespace. */
final class AgentPlace implements Place {
    private final NamespaceAgent agent;

    AgentPlace(NamespaceAgent agent) {
        this.agent = agent;
    }

    @Override
    public NetlinkChannel open(ChannelOptions options) throws IOException {
        return agent.open(options);
    }

    @Override
    public String where() {
        return agent.describe();
    }

    @Override
    public Optional<String> netnsName() {
        return Optional.empty();
    }

    @Override
    public OptionalLong agentPid() {
        return OptionalLong.of(agent.pid());
    }

    @Override
    public void close() {
        agent.close();
    }
}
