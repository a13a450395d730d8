package org.nlwb.capture.socket;

import java.io.IOException;
import java.util.List;

/**
 * A netlink socket as a sender sees it, wherever it lives: a {@link NetlinkSocket} of this
 * process, or one a namespace agent holds for it in another process (see
 * {@code org.nlwb.capture.agent}). Sending code is written once against this.
 *
 * <p>Contract both kinds keep: when {@link #send} returns, the kernel has processed the datagram
 * and everything it answered at once (every reply but the later parts of a dump) can be had
 * with {@link #drain}, so "no reply" is known without waiting for a timeout. Threads: one
 * thread receives, any thread may send.
 */
public interface NetlinkChannel extends AutoCloseable {
    int protocol();

    /** The port id the kernel assigned at bind (the nlmsg_pid of replies to this channel). */
    int portId();

    /** Sends one datagram (one or more messages) to the kernel. */
    void send(byte[] datagram) throws IOException;

    /**
     * Waits up to {@code timeoutMillis} (0: not at all) for the next datagram.
     *
     * @return a {@link Datagram}, an {@link Overrun}, or null when the time ran out or the channel
     *         was closed
     * @throws IOException when the channel broke (for an agent's channel: the agent died)
     */
    Received receive(int timeoutMillis) throws IOException;

    /** Everything already queued for this channel, without waiting. */
    List<Received> drain() throws IOException;

    @Override
    void close();
}
