package org.nlwb.capture.live;

import java.io.IOException;
import org.nlwb.capture.socket.Packet;
import org.nlwb.capture.socket.PacketSocket;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Every netlink message of a namespace, both directions, through an nlmon link: creates the
 * link (see {@link Nlmon}), reads it with an {@link PacketSocket}, deletes it on stop. Each frame
 * is one netlink message; its sll_protocol is the netlink protocol and its sll_pkttype the
 * direction (PACKET_KERNEL: to the kernel, PACKET_USER: to a program).
 */
public final class NlmonSource implements LiveSource {
    private static final int POLL_MS = 100;
    private final String netns;
    private final String link;
    private volatile boolean stopping;
    private PacketSocket socket;
    private Thread reader;

    public NlmonSource(String netns, String link) {
        this.netns = netns;
        this.link = link;
    }

    @Override
    public String describe() {
        return "nlmon " + link + (netns != null ? " in netns " + netns : "");
    }

    @Override
    public synchronized void start(LiveCapture sink) throws IOException {
        Nlmon.create(netns, link);
        try {
            socket = PacketSocket.open(netns, link, Sys.SOCK_RAW);
        } catch (SysException e) {
            Nlmon.delete(netns, link);
            throw e;
        }
        reader = ReaderThreads.start("nlwb-nlmon", () -> read(sink));
    }

    private void read(LiveCapture sink) {
        long n = 0;
        try {
            while (!stopping) {
                Packet p = socket.receive(POLL_MS);
                if (p == null) {
                    continue;
                }
                n++;
                Direction d = p.packetType() == Packet.PACKET_KERNEL ? Direction.TO_KERNEL
                        : p.packetType() == Packet.PACKET_USER ? Direction.FROM_KERNEL : Direction.UNKNOWN;
                int protocol = p.protocol() < 32 ? p.protocol() : Protocol.UNKNOWN;
                sink.append(new Record(p.timeNanos(), d, protocol, -1, -1, null, describe() + " frame " + n,
                        ByteView.of(p.bytes())));
            }
            sink.end("stopped", null);
        } catch (SysException e) {
            sink.end(e.getMessage(), e);
        } finally {
            socket.close();
            try {
                Nlmon.delete(netns, link);
            } catch (IOException e) {
                sink.diagnostic(org.nlwb.decoder.model.Diagnostic.warning(describe(), "could not delete " + link
                        + ": " + e.getMessage()));
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = reader;
        }
        ReaderThreads.awaitEnd(t);
    }
}
