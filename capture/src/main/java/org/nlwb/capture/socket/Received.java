package org.nlwb.capture.socket;

/** What one receive from a netlink socket yielded: a datagram, or the news that some were lost. */
public sealed interface Received permits Datagram, Overrun {
    /** Wall-clock time of the receive, nanoseconds since the epoch. */
    long timeNanos();
}
