package org.nlwb.capture.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.nlwb.capture.groups.GroupResolver;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.capture.socket.Received;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Watches netlink multicast groups: one socket of the protocol, opened in the chosen namespace,
 * joined to every group, read on a thread of its own. Each datagram becomes a
 * {@link Direction#FROM_KERNEL} record; each ENOBUFS becomes an overrun in the capture. For
 * generic netlink groups the capture starts with the CTRL_CMD_GETFAMILY exchange that resolved
 * them, so the family ids in the notifications can be named.
 */
public final class MonitorSource implements LiveSource {
    private static final int POLL_MS = 100;
    /**
     * Once notifications flow, an empty socket means a nap rather than a poll: the kernel then
     * queues a millisecond's worth, read in one go, instead of waking the reader for every
     * datagram (a context switch each, at 50,000 a second). After this many empty naps (0.1 s)
     * the reader waits in poll again, so an idle monitor costs nothing and a lone notification is
     * read at once.
     */
    private static final int IDLE_NAPS = 100;
    private static final long NAP_NANOS = 1_000_000;
    /** Datagrams one receive takes (recvmmsg). */
    private static final int BATCH_SLOTS = 64;
    /** Larger than any notification the kernel makes (a cut one would show as malformed). */
    private static final int SLOT_BYTES = 64 * 1024;

    /**
     * @param protocol       netlink protocol number
     * @param groups         group names or numbers (see {@link GroupResolver}); empty joins none
     * @param netns          namespace name under /var/run/netns, or null for nlwb's own
     * @param receiveBuffer  SO_RCVBUF in bytes, or 0 to keep the default
     * @param forceBuffer    use SO_RCVBUFFORCE (beyond rmem_max; needs CAP_NET_ADMIN)
     * @param listenAllNsid  NETLINK_LISTEN_ALL_NSID: notifications of peer namespaces too
     */
    public record Options(int protocol, List<String> groups, String netns, int receiveBuffer, boolean forceBuffer,
                          boolean listenAllNsid) {
        public Options {
            groups = List.copyOf(groups);
        }

        public static Options of(int protocol, List<String> groups, String netns) {
            return new Options(protocol, groups, netns, 0, false, false);
        }

        public Options withReceiveBuffer(int bytes, boolean force) {
            return new Options(protocol, groups, netns, bytes, force, listenAllNsid);
        }
    }

    private final Options options;
    private volatile NetlinkSocket socket;
    private volatile List<MulticastGroup> joined = List.of();
    private volatile boolean stopping;
    private volatile boolean paused;
    private Thread reader;

    public MonitorSource(Options options) {
        this.options = Objects.requireNonNull(options);
    }

    @Override
    public String describe() {
        List<String> names = new ArrayList<>();
        for (MulticastGroup g : joined) {
            names.add(g.name());
        }
        return "monitor " + Protocol.name(options.protocol()) + " "
                + (names.isEmpty() ? String.join(",", options.groups()) : String.join(",", names))
                + (options.netns() != null ? " in netns " + options.netns() : "");
    }

    /** The groups joined (after {@link #start}). */
    public List<MulticastGroup> groups() {
        return joined;
    }

    /** The socket (after {@link #start}), e.g. to send requests whose replies are captured too. */
    public NetlinkSocket socket() {
        return socket;
    }

    @Override
    public synchronized void start(LiveCapture sink) throws IOException {
        if (reader != null) {
            throw new IllegalStateException("already started: " + describe());
        }
        String netns = options.netns();
        // A generic netlink capture keeps the nlctrl exchange: its replies name the family ids
        // (assigned at run time) that the decoder, and any later reader of a saved file, needs.
        List<MulticastGroup> groups = GroupResolver.resolve(options.protocol(), options.groups(),
                () -> NetlinkSocket.openIn(netns, Protocol.GENERIC), sink::append);
        NetlinkSocket s = NetlinkSocket.openIn(netns, options.protocol());
        try {
            if (options.receiveBuffer() > 0) {
                receiveBuffer(s, sink);
            }
            if (options.listenAllNsid()) {
                s.setListenAllNsid(true);
            }
            for (MulticastGroup g : groups) {
                try {
                    s.addMembership(g.id());
                } catch (SysException e) {
                    throw new SysException("join " + g.name() + " on a " + Protocol.name(options.protocol())
                            + " socket" + (netns != null ? " in netns " + netns : ""), e.errno(), "CAP_NET_ADMIN");
                }
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        // notifications are small (a link's without VF details, an address, a route): many a call
        s.receiveInBatches(BATCH_SLOTS, SLOT_BYTES);
        socket = s;
        joined = groups;
        reader = ReaderThreads.start("nlwb-monitor", () -> read(sink));
    }

    /**
     * Sets the asked receive buffer; when SO_RCVBUFFORCE is refused (no CAP_NET_ADMIN), says so and
     * takes what SO_RCVBUF gives (clamped to net.core.rmem_max) rather than not capturing.
     */
    private void receiveBuffer(NetlinkSocket s, LiveCapture sink) throws SysException {
        try {
            s.setReceiveBuffer(options.receiveBuffer(), options.forceBuffer());
        } catch (SysException e) {
            if (!options.forceBuffer() || e.errno() != Sys.EPERM) {
                throw e;
            }
            int got = s.setReceiveBuffer(options.receiveBuffer(), false);
            sink.diagnostic(Diagnostic.warning(describe(), "SO_RCVBUFFORCE refused (needs CAP_NET_ADMIN): the receive "
                    + "buffer is " + got + " bytes (net.core.rmem_max), overruns come sooner"));
        }
    }

    private void read(LiveCapture sink) {
        NetlinkSocket s = socket;
        String where = "monitor " + Protocol.shortName(options.protocol());
        SeqGaps gaps = new SeqGaps();
        long n = 0;
        int idle = IDLE_NAPS;
        try {
            while (!stopping) {
                if (paused) {
                    Thread.sleep(POLL_MS);
                    continue;
                }
                Received r = s.receive(idle < IDLE_NAPS ? 0 : POLL_MS);
                if (r == null) {
                    if (idle < IDLE_NAPS) {
                        idle++;
                        LockSupport.parkNanos(NAP_NANOS);
                    }
                    continue;
                }
                idle = 0;
                if (r instanceof Datagram d) {
                    n++;
                    String loc = where + " datagram " + n + (d.groups() != 0 ? " (groups 0x"
                            + Integer.toHexString(d.groups()) + ")" : "") + (d.nsid() >= 0 ? " nsid " + d.nsid() : "");
                    sink.append(new Record(d.timeNanos(), Direction.FROM_KERNEL, options.protocol(), -1, s.fd(),
                            "recvmsg", loc, ByteView.of(d.bytes())));
                    long lost = gaps.datagram(d.bytes());
                    if (lost > 0) {
                        sink.lost(lost, loc, "lost: " + lost + " message" + (lost == 1 ? "" : "s")
                                + " (seq gap after an overrun: the sender's request numbers skip them)");
                    }
                } else if (r instanceof Overrun o) {
                    gaps.overrun(o.receiveBuffer());
                    sink.overrun(where + " after datagram " + n, o.describe());
                }
            }
            sink.end("stopped", null);
        } catch (SysException e) {
            sink.end(e.getMessage(), stopping ? null : e);
        } catch (InterruptedException e) {
            sink.end("stopped", null);
        } finally {
            s.close();
        }
    }

    @Override
    public boolean canPause() {
        return true;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void stop() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (!ReaderThreads.awaitEnd(t) && socket != null) {
            socket.close();
        }
    }
}
