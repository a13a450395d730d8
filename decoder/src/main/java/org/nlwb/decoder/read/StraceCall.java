package org.nlwb.decoder.read;

import java.util.Set;

/**
 * One syscall of a strace log: who made it, when, at which line, and its argument text.
 *
 * @param line      the line its result (and dump) is on: the {@code resumed} line of a split call
 * @param orderLine where its bytes moved in the log's order: a send's start, a recv's return
 */
record StraceCall(int pid, long timeNanos, int line, String name, String args, int orderLine) {
    private static final Set<String> SENDS = Set.of("sendto", "sendmsg", "send", "write", "writev", "pwrite64", "pwritev");
    private static final Set<String> RECVS = Set.of("recvfrom", "recvmsg", "recv", "read", "readv", "pread64", "preadv");
    private static final Set<String> IOVEC = Set.of("sendmsg", "recvmsg", "writev", "readv", "pwritev", "preadv");

    StraceCall(int pid, long timeNanos, int line, String name, String args) {
        this(pid, timeNanos, line, name, args, line);
    }

    /** Bytes go to the kernel (send*, write*). */
    boolean isSend() {
        return SENDS.contains(name);
    }

    /** Bytes come from the kernel (recv*, read*). */
    boolean isRecv() {
        return RECVS.contains(name);
    }

    /** The call moves a list of buffers (sendmsg's msg_iov, writev's iov) that make one datagram. */
    boolean movesIovecs() {
        return IOVEC.contains(name);
    }

    /** sendmmsg/recvmmsg: several datagrams whose boundaries the dump does not show. */
    boolean isMultiMessage() {
        return name.equals("sendmmsg") || name.equals("recvmmsg");
    }
}
