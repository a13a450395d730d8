package org.nlwb.capture.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Received;

/**
 * Reads a listening channel on a thread of its own while a send runs, so each notification is
 * stamped when it arrives, not when the send gets round to it. {@link #stop} ends the thread,
 * then drains what the kernel had queued already, so nothing the request caused at once is
 * missed. Owns and closes the channel.
 */
final class NotificationCollector implements AutoCloseable {
    private static final int SLICE_MS = 50;

    private final NetlinkChannel channel;
    private final List<Received> received = new ArrayList<>();
    private final Thread reader;
    private volatile boolean stopping;
    private volatile IOException failure;

    private NotificationCollector(NetlinkChannel channel) {
        this.channel = channel;
        this.reader = new Thread(this::readAll, "nlwb-send-notifications");
        reader.setDaemon(true);
    }

    static NotificationCollector start(NetlinkChannel channel) {
        NotificationCollector c = new NotificationCollector(channel);
        c.reader.start();
        return c;
    }

    private void readAll() {
        try {
            while (!stopping) {
                Received r = channel.receive(SLICE_MS);
                if (r != null) {
                    synchronized (received) {
                        received.add(r);
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Ends the reading and returns everything received, the already queued rest included. */
    List<Received> stop() throws IOException {
        stopping = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the reader ends within its slice anyway
        }
        if (failure != null) {
            throw failure;
        }
        List<Received> out;
        synchronized (received) {
            out = new ArrayList<>(received);
        }
        out.addAll(channel.drain());
        return out;
    }

    @Override
    public void close() {
        stopping = true;
        channel.close();
    }
}
