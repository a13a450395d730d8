package org.nlwb.capture.send;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Received;

/**
 * A place whose channels take every datagram and never answer (the kernel always answers at
 * once, so only this shows a send that waits); closing it closes {@code inner}, a real place.
 */
final class SilentPlace implements Place {
    final CountDownLatch sent = new CountDownLatch(1);
    private final Place inner;

    SilentPlace(Place inner) {
        this.inner = inner;
    }

    /** Silent channels and no namespace at all. */
    static SilentPlace nowhere() {
        return new SilentPlace(new Place() {
            @Override
            public NetlinkChannel open(ChannelOptions o) {
                throw new UnsupportedOperationException("nowhere has no sockets");
            }

            @Override
            public String where() {
                return "nowhere";
            }

            @Override
            public Optional<String> netnsName() {
                return Optional.empty();
            }

            @Override
            public OptionalLong agentPid() {
                return OptionalLong.empty();
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public NetlinkChannel open(ChannelOptions options) {
        return new NetlinkChannel() {
            private final LinkedBlockingQueue<Received> never = new LinkedBlockingQueue<>();

            @Override
            public int protocol() {
                return options.protocol();
            }

            @Override
            public int portId() {
                return 4242;
            }

            @Override
            public void send(byte[] datagram) {
                sent.countDown();
            }

            @Override
            public Received receive(int timeoutMillis) {
                try {
                    return never.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }

            @Override
            public List<Received> drain() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String where() {
        return "silent " + inner.where();
    }

    @Override
    public Optional<String> netnsName() {
        return inner.netnsName();
    }

    @Override
    public OptionalLong agentPid() {
        return inner.agentPid();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
