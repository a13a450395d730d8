package org.nlwb.capture.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.capture.sys.SysException;

/**
 * Request and reply over one {@link NetlinkSocket}: stamps the request with the next sequence
 * number, sends it and collects the datagrams whose messages carry that number until the
 * exchange is complete:
 * <ul>
 *   <li>an NLMSG_ERROR (an ACK when its error is 0) or an NLMSG_DONE ends it;</li>
 *   <li>a reply without NLM_F_MULTI ends it, unless the request asked for an ACK (which then
 *       follows).</li>
 * </ul>
 * Messages with another sequence number (notifications on a subscribed socket) are kept apart
 * in {@link Reply#others}. Not thread-safe: one exchange at a time per socket.
 */
public final class NetlinkExchange {
    private final NetlinkSocket socket;
    private final AtomicInteger seq;
    private volatile Consumer<Record> tap;

    public NetlinkExchange(NetlinkSocket socket) {
        this(socket, (int) (System.currentTimeMillis() / 1000));
    }

    public NetlinkExchange(NetlinkSocket socket, int firstSeq) {
        this.socket = socket;
        this.seq = new AtomicInteger(firstSeq);
    }

    /**
     * Hands every datagram of later exchanges to {@code tap} as a {@link Record}: the request
     * ({@link Direction#TO_KERNEL}, syscall sendto) and each reply ({@link Direction#FROM_KERNEL},
     * recvmsg), so a crafted request and its answer can be shown and saved like any capture.
     */
    public NetlinkExchange tap(Consumer<Record> tap) {
        this.tap = tap;
        return this;
    }

    private void record(Direction d, long time, byte[] bytes, String syscall) {
        Consumer<Record> t = tap;
        if (t != null) {
            t.accept(new Record(time, d, socket.protocol(), (int) ProcessHandle.current().pid(), socket.fd(), syscall,
                    "exchange seq " + Integer.toUnsignedString(seq.get()), ByteView.of(bytes)));
        }
    }

    /**
     * The outcome of one request.
     *
     * @param request  the request as sent (with its sequence number)
     * @param replies  datagrams that answered it, in order
     * @param messages the answering messages, each rebased, NLMSG_DONE/ERROR included
     * @param error    the NLMSG_ERROR code (0 for an ACK or when none came), negative errno
     * @param others   datagrams that were not part of the exchange
     * @param complete false when the time ran out before the end
     */
    public record Reply(byte[] request, int seq, List<Datagram> replies, List<ByteView> messages, int error,
                        List<Received> others, boolean complete) {
    }

    /** Sends {@code message} (its seq is overwritten) and waits up to {@code timeoutMillis} for the answer. */
    public Reply request(byte[] message, int timeoutMillis) throws SysException {
        if (message.length < Netlink.NLMSG_HDRLEN) {
            throw new IllegalArgumentException("a netlink message needs 16 header bytes, got " + message.length);
        }
        byte[] req = message.clone();
        int s = seq.incrementAndGet();
        req[8] = (byte) s;
        req[9] = (byte) (s >>> 8);
        req[10] = (byte) (s >>> 16);
        req[11] = (byte) (s >>> 24);
        int reqFlags = (req[6] & 0xff) | (req[7] & 0xff) << 8;
        boolean wantsAck = (reqFlags & NlFlags.ACK) != 0;
        java.time.Instant now = java.time.Instant.now();
        long sentAt = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        socket.send(req);
        record(Direction.TO_KERNEL, sentAt, req, "sendto");
        List<Datagram> replies = new ArrayList<>();
        List<ByteView> messages = new ArrayList<>();
        List<Received> others = new ArrayList<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int error = 0;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return new Reply(req, s, replies, messages, error, others, false);
            }
            Received r = socket.receive((int) Math.min(left, Integer.MAX_VALUE));
            if (r == null) {
                continue;
            }
            if (!(r instanceof Datagram d)) {
                others.add(r);
                continue;
            }
            record(Direction.FROM_KERNEL, d.timeNanos(), d.bytes(), "recvmsg");
            ByteView v = ByteView.of(d.bytes());
            boolean ours = false;
            boolean end = false;
            for (Frame f : Framer.frames(v, socket.protocol())) {
                if (f.kind() != FrameKind.MESSAGE) {
                    continue;
                }
                ByteView m = v.slice(f.offset(), f.length()).rebased();
                if ((int) m.u32le(8) != s) {
                    continue;
                }
                ours = true;
                messages.add(m);
                int type = m.u16le(4);
                int flags = m.u16le(6);
                if (type == ControlType.ERROR) {
                    error = m.length() >= 20 ? m.s32le(16) : 0;
                    end = true;
                } else if (type == ControlType.DONE) {
                    end = true;
                } else if ((flags & NlFlags.MULTI) == 0 && !wantsAck) {
                    end = true;
                }
            }
            if (ours) {
                replies.add(d);
            } else {
                others.add(d);
            }
            if (end) {
                return new Reply(req, s, replies, messages, error, others, true);
            }
        }
    }
}
