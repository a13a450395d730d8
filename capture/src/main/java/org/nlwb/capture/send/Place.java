package org.nlwb.capture.send;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.NetlinkChannel;

/** The network namespace a session sends in, and how sockets are opened there. */
interface Place extends AutoCloseable {
    NetlinkChannel open(ChannelOptions options) throws IOException;

    /** {@code throwaway namespace nlwb-tmp-4711-1}, {@code namespace blue}, {@code host namespace}. */
    String where();

    /** The name under /var/run/netns, when it has one ({@code ip -n NAME} works). */
    Optional<String> netnsName();

    /** The namespace agent's pid, when an agent holds the namespace. */
    OptionalLong agentPid();

    /** Removes what the place made (a throwaway namespace); a named namespace or the host stays. */
    @Override
    void close() throws IOException;
}
