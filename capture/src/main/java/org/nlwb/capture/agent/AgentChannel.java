package org.nlwb.capture.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Received;

/**
 * A netlink socket the agent holds: sends go to the agent, which forwards every datagram the
 * socket receives into this channel's queue. The queue is not bounded: a channel is read while
 * it is open (a send reads its channels until it ends, then closes them).
 */
final class AgentChannel implements NetlinkChannel {
    /** What the queue holds: a datagram or overrun, a failure, or (both null) a wake-up. */
    private record Item(Received received, IOException failure) {
    }

    private final NamespaceAgent agent;
    private final int handle;
    private final int protocol;
    private final int portId;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    AgentChannel(NamespaceAgent agent, int handle, int protocol, int portId) {
        this.agent = agent;
        this.handle = handle;
        this.protocol = protocol;
        this.portId = portId;
    }

    int handle() {
        return handle;
    }

    void deliver(Received r) {
        queue.add(new Item(r, null));
    }

    void fail(IOException e) {
        queue.add(new Item(null, e));
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(byte[] datagram) throws IOException {
        agent.send(handle, datagram);
    }

    /** As {@link NetlinkChannel#receive}; an interrupt ends the wait with null, the flag left set. */
    @Override
    public Received receive(int timeoutMillis) throws IOException {
        if (closed) {
            return null;
        }
        Item it;
        try {
            it = timeoutMillis < 0 ? queue.take() : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return unwrap(it);
    }

    @Override
    public List<Received> drain() throws IOException {
        if (closed) {
            return List.of();
        }
        agent.drain(handle);
        List<Received> out = new ArrayList<>();
        Item it;
        while ((it = queue.poll()) != null) {
            Received r = unwrap(it);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private Received unwrap(Item it) throws IOException {
        if (it == null) {
            return null;
        }
        if (it.failure() != null) {
            queue.add(it); // every later receive learns it too
            throw it.failure();
        }
        return it.received();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new Item(null, null)); // wakes a receive waiting in another thread
        agent.closeChannel(this);
    }
}
