package org.nlwb.capture.send;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * One datagram to send: one message or several (a batch, as nfnetlink's
 * NFNL_MSG_BATCH_BEGIN ... NFNL_MSG_BATCH_END), with how to send it. Immutable.
 *
 * @param protocol      netlink protocol number ({@code Protocol.ROUTE} ...)
 * @param datagram      the bytes, sent exactly as given unless {@code fixUp}; malformed is allowed
 * @param groups        multicast groups to listen to on a second socket while sending (1-based);
 *                      what arrives there becomes the conversation's notifications
 * @param fixUp         overwrite nlmsg_seq (fresh numbers) and nlmsg_pid (the socket's port id)
 *                      of every message the kernel would read
 * @param extAck        NETLINK_EXT_ACK on the request socket (errors say why, and where)
 * @param capAck        NETLINK_CAP_ACK on the request socket (errors echo only the header)
 * @param timeoutMillis how long to wait for the ACKs and DONEs still missing
 * @param lingerMillis  after a complete answer, how long to go on listening for notifications
 *                      (those the request caused at once are always caught; this is for late ones)
 */
public record SendRequest(int protocol, byte[] datagram, List<Integer> groups, boolean fixUp, boolean extAck,
                          boolean capAck, int timeoutMillis, int lingerMillis) {
    public static final int DEFAULT_TIMEOUT_MS = 5000;

    public SendRequest {
        datagram = datagram.clone();
        groups = List.copyOf(groups);
        if (timeoutMillis < 0 || lingerMillis < 0) {
            throw new IllegalArgumentException("timeout and linger are not negative: " + timeoutMillis + ", " + lingerMillis);
        }
    }

    /** {@code datagram} as given, EXT_ACK and CAP_ACK on, no groups, the default timeout. */
    public static SendRequest of(int protocol, byte[] datagram) {
        return new SendRequest(protocol, datagram, List.of(), false, true, true, DEFAULT_TIMEOUT_MS, 0);
    }

    /** The messages one after another in one datagram, each padded to 4 bytes (NLMSG_ALIGN). */
    public static SendRequest batch(int protocol, List<byte[]> messages) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            b.writeBytes(m);
            b.writeBytes(new byte[(4 - m.length % 4) % 4]);
        }
        return of(protocol, b.toByteArray());
    }

    @Override
    public byte[] datagram() {
        return datagram.clone();
    }

    public SendRequest withGroups(List<Integer> g) {
        return new SendRequest(protocol, datagram, g, fixUp, extAck, capAck, timeoutMillis, lingerMillis);
    }

    public SendRequest withFixUp(boolean on) {
        return new SendRequest(protocol, datagram, groups, on, extAck, capAck, timeoutMillis, lingerMillis);
    }

    public SendRequest withAcks(boolean ext, boolean cap) {
        return new SendRequest(protocol, datagram, groups, fixUp, ext, cap, timeoutMillis, lingerMillis);
    }

    public SendRequest withTimeout(int millis) {
        return new SendRequest(protocol, datagram, groups, fixUp, extAck, capAck, millis, lingerMillis);
    }

    public SendRequest withLinger(int millis) {
        return new SendRequest(protocol, datagram, groups, fixUp, extAck, capAck, timeoutMillis, millis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendRequest r && r.protocol == protocol && Arrays.equals(r.datagram, datagram)
                && r.groups.equals(groups) && r.fixUp == fixUp && r.extAck == extAck && r.capAck == capAck
                && r.timeoutMillis == timeoutMillis && r.lingerMillis == lingerMillis;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(datagram) + protocol;
    }

    @Override
    public String toString() {
        return "SendRequest[" + protocol + ", " + datagram.length + " bytes, groups " + groups + (fixUp ? ", fix-up" : "")
                + "]";
    }
}
