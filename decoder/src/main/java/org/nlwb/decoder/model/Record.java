package org.nlwb.decoder.model;

import java.util.Objects;
import org.nlwb.decoder.bytes.ByteView;

/**
 * One datagram as a source saw it: a syscall's buffer, a pcap record, one message block of a
 * dump file. Immutable.
 *
 * @param timeNanos   wall-clock time in nanoseconds since the epoch, or {@code -1} when unknown
 *                    (a strace {@code -t} time without a date is taken as seconds since midnight)
 * @param direction   which way it travelled
 * @param protocol    netlink protocol number, {@link Protocol#UNKNOWN} when the source does not say
 * @param pid         process id (strace) or -1
 * @param fd          file descriptor (strace) or -1
 * @param syscall     the syscall that moved it ({@code sendmsg}), or null
 * @param location    where in the source it came from, for diagnostics ({@code "ip.strace.txt:12"},
 *                    {@code "pcap record 4 @ 0x1a0"})
 */
public record Record(long timeNanos, Direction direction, int protocol, int pid, int fd, String syscall,
                     String location, ByteView bytes) {

    public Record {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.rebased();
    }

    /** A record with no metadata but its bytes (plain hex, pyroute2 dumps). */
    public static Record of(byte[] data, String location) {
        return new Record(-1, Direction.UNKNOWN, Protocol.UNKNOWN, -1, -1, null, location, ByteView.of(data));
    }

    public Record withProtocol(int p) {
        return new Record(timeNanos, direction, p, pid, fd, syscall, location, bytes);
    }

    public Record withDirection(Direction d) {
        return new Record(timeNanos, d, protocol, pid, fd, syscall, location, bytes);
    }
}
