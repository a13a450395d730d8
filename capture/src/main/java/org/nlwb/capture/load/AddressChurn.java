package org.nlwb.capture.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.capture.socket.Received;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.message.ControlType;

/**
 * Makes rtnetlink notifications as fast as the kernel takes the requests (or at a set rate): the
 * {@link AddressRequests} sent {@code batch} to a datagram, with no ACK asked for, so one
 * {@code sendto} makes {@code batch} notifications. The kernel runs a request datagram inside the
 * send, so when the last send returns every notification has been multicast; the only answers are
 * errors, read without waiting after each send and counted (a request that failed made no
 * notification).
 *
 * <p>Run it on a socket opened in a throwaway namespace, never the host's: it adds and deletes an
 * address there.
 */
public final class AddressChurn {
    /** What one run did. {@code notifications()} is what a monitor of RTNLGRP_IPV4_IFADDR should see. */
    public record Result(long requests, long errors, long overruns, long nanos, int portId) {
        public long notifications() {
            return requests - errors;
        }

        public double requestsPerSecond() {
            return requests * 1e9 / Math.max(1, nanos);
        }
    }

    private final NetlinkSocket socket;
    private final AddressRequests requests;
    private final int batch;
    private long next = 1;

    /**
     * @param socket  a NETLINK_ROUTE socket in the namespace to load (its receive buffer takes the errors)
     * @param ifindex the link the address goes on
     * @param batch   requests per datagram (1 .. 1000)
     */
    public AddressChurn(NetlinkSocket socket, int ifindex, int batch) {
        if (batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("batch of 1..1000 requests, not " + batch);
        }
        this.socket = socket;
        this.requests = new AddressRequests(ifindex, new byte[] {10, (byte) 255, 0, 1});
        this.batch = batch;
    }

    /**
     * Sends the next {@code count} requests: seq 1 .. {@code count} the first time, then on from
     * where the last run stopped (a later request closes a gap a reader missed at the end).
     *
     * @param perSecond requests a second to keep to (paced per datagram), or 0 for as fast as the kernel takes them
     */
    public Result run(long count, long perSecond) throws SysException {
        byte[] full = new byte[batch * AddressRequests.SIZE];
        long errors = 0;
        long overruns = 0;
        long start = System.nanoTime();
        long sent = 0;
        while (sent < count) {
            int n = (int) Math.min(batch, count - sent);
            byte[] out = n == batch ? full : new byte[n * AddressRequests.SIZE];
            requests.write(out, next + sent, n);
            if (perSecond > 0) {
                long due = start + (long) (sent * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            socket.send(n == batch ? out : Arrays.copyOf(out, out.length));
            sent += n;
            for (Received r : socket.drain()) {
                if (r instanceof Datagram d) {
                    errors += failures(d.bytes());
                } else if (r instanceof Overrun) {
                    overruns++;
                }
            }
        }
        next += sent;
        return new Result(sent, errors, overruns, System.nanoTime() - start, socket.portId());
    }

    /** The NLMSG_ERROR messages with a non-zero error in a reply datagram. */
    static int failures(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN);
        int n = 0;
        int off = 0;
        while (off + 20 <= datagram.length) {
            int len = b.getInt(off);
            if (len < 16) {
                break;
            }
            if (b.getShort(off + 4) == ControlType.ERROR && b.getInt(off + 16) != 0) {
                n++;
            }
            off += (len + 3) & ~3;
        }
        return n;
    }
}
