package org.nlwb.decoder.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.model.IndexColumn;
import org.nlwb.decoder.model.Protocol;

/**
 * The index of a mapped pcap or pcapng file, in primitive columns: per record its datagram's
 * offset and length, time, and one packed {@code int} (protocol, pkttype, whether the first
 * message is a request, the distance back to the record's block, how its protocol was guessed),
 * and the packet number; per message its record, offset, length and kind. That is 28 bytes a
 * record and 13 a message; pid, fd and syscall (only nlwb's pcapng comments carry them) get
 * columns only once a record has them. Framer notes are not kept: only frames that are not
 * messages have one, and it is made again by framing the record when such a frame is asked for.
 *
 * <p>One writer (the indexing thread, through {@link #add}); readers read entries below counts
 * the store publishes through a volatile after the writer wrote them.
 */
final class PcapIndex {
    static final int GUESS_NONE = 0;
    static final int GUESS_CONTENT = 1;
    /** Control messages only, protocol unknown: takes the protocol the rest of the file agrees on. */
    static final int GUESS_AGREED = 2;
    static final int PKTTYPE_OTHER = 7;

    private final int protocolOverride;
    private final IndexColumn.Longs dataOffsets = new IndexColumn.Longs();
    private final IndexColumn.Longs times = new IndexColumn.Longs();
    private final IndexColumn.Ints lengths = new IndexColumn.Ints();
    private final IndexColumn.Ints packed = new IndexColumn.Ints();
    private final IndexColumn.Ints packetNumbers = new IndexColumn.Ints();
    private volatile IndexColumn.Ints pids;
    private volatile IndexColumn.Ints fds;
    private volatile IndexColumn.Ints syscalls;
    private final List<String> syscallNames = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Integer> syscallIds = new HashMap<>();

    private final IndexColumn.Ints messageRecords = new IndexColumn.Ints();
    private final IndexColumn.Ints messageOffsets = new IndexColumn.Ints();
    private final IndexColumn.Ints messageLengths = new IndexColumn.Ints();
    private final IndexColumn.Bytes messageKinds = new IndexColumn.Bytes();

    private int records;
    private int messages;
    private byte[] scratch = new byte[64 * 1024];
    private boolean allOutgoing = true;
    private boolean anyNotRequest;
    private int agreed = Protocol.UNKNOWN;
    private boolean conflict;

    PcapIndex(int protocolOverride) {
        this.protocolOverride = protocolOverride;
    }

    /** Indexes one packet whose datagram is {@code [dataOff, dataOff+dataLen)} of {@code in}, framing it. */
    void add(FileBytes in, int index, long blockOff, long time, int pkttype, int protocol, long dataOff, int dataLen,
             int pid, int fd, String syscall) {
        if (scratch.length < dataLen) {
            scratch = new byte[Math.max(dataLen, scratch.length * 2)];
        }
        in.copy(dataOff, scratch, 0, dataLen);
        ByteView datagram = ByteView.of(scratch, 0, dataLen);
        boolean request = dataLen >= 8 && (scratch[6] & org.nlwb.decoder.message.NlFlags.REQUEST) != 0;
        allOutgoing &= pkttype == NetlinkCookedHeader.PACKET_OUTGOING;
        anyNotRequest |= !request;
        int guess = GUESS_NONE;
        int p = protocol;
        if (p < 0 && protocolOverride >= 0) {
            p = protocolOverride;
        } else if (p < 0) {
            OptionalInt g = ProtocolGuess.of(datagram);
            if (g.isPresent()) {
                p = g.getAsInt();
                guess = GUESS_CONTENT;
                conflict |= agreed >= 0 && agreed != p;
                agreed = p;
            } else if (ProtocolGuess.onlyControl(datagram)) {
                guess = GUESS_AGREED;
            }
        }
        int delta = (int) (dataOff - blockOff);
        dataOffsets.add(dataOff);
        times.add(time);
        lengths.add(dataLen);
        packed.add((p & 0xffff) | Math.min(pkttype, PKTTYPE_OTHER) << 16 | (request ? 1 << 19 : 0) | delta << 20
                | guess << 26);
        packetNumbers.add(index);
        extras(pid, fd, syscall);
        if (!wellFormed(datagram, p)) {
            for (Frame f : Framer.frames(datagram, p)) {
                addMessage(f.kind(), f.offset(), f.length());
            }
        }
        records++;
    }

    /**
     * The framing of a datagram of whole messages only (each nlmsg_len at least 16 and inside, the
     * last one ending it up to alignment), as {@link Framer#frames} makes it, without allocating:
     * most records are that. Returns false, having added nothing, for anything else, which then
     * goes through the framer.
     */
    private boolean wellFormed(ByteView d, int protocol) {
        int len = d.length();
        if (len == 0 || Framer.isRaw(d, protocol)) {
            return len == 0;
        }
        int n = 0;
        int off = 0;
        while (off < len) {
            if (len - off < Netlink.NLMSG_HDRLEN) {
                return false;
            }
            long msgLen = d.u32le(off);
            if (msgLen < Netlink.NLMSG_HDRLEN || msgLen > len - off) {
                return false;
            }
            off += Netlink.align((int) msgLen);
            n++;
        }
        for (off = 0; n > 0; n--) {
            int msgLen = (int) d.u32le(off);
            addMessage(FrameKind.MESSAGE, off, msgLen);
            off += Netlink.align(msgLen);
        }
        return true;
    }

    private void addMessage(FrameKind kind, int offset, int length) {
        messageRecords.add(records);
        messageOffsets.add(offset);
        messageLengths.add(length);
        messageKinds.add((byte) kind.ordinal());
        messages++;
    }

    private void extras(int pid, int fd, String syscall) {
        if (pids == null && (pid != -1 || fd != -1 || syscall != null)) {
            IndexColumn.Ints p = new IndexColumn.Ints();
            IndexColumn.Ints f = new IndexColumn.Ints();
            IndexColumn.Ints s = new IndexColumn.Ints();
            for (int i = 0; i < records; i++) {
                p.add(-1);
                f.add(-1);
                s.add(-1);
            }
            syscalls = s;
            fds = f;
            pids = p;
        }
        if (pids != null) {
            pids.add(pid);
            fds.add(fd);
            syscalls.add(syscall == null ? -1 : syscallIds.computeIfAbsent(syscall, k -> {
                syscallNames.add(k);
                return syscallNames.size() - 1;
            }));
        }
    }

    int records() {
        return records;
    }

    int messages() {
        return messages;
    }

    /** Whether a packet so far was not marked outgoing: then the file is not in nlmon's convention. */
    boolean anyNotOutgoing() {
        return !allOutgoing;
    }

    /** nlmon's convention (see {@link PcapReader}); meaningful once every packet is indexed. */
    boolean nlmonConvention() {
        return records > 0 && allOutgoing && anyNotRequest;
    }

    /** The protocol the content-guessed records agree on, or -1 (none, or they disagree); final once indexed. */
    int agreedProtocol() {
        return conflict ? Protocol.UNKNOWN : agreed;
    }

    long dataOffset(int r) {
        return dataOffsets.get(r);
    }

    int length(int r) {
        return lengths.get(r);
    }

    long time(int r) {
        return times.get(r);
    }

    int protocol(int r) {
        int p = packed.get(r) & 0xffff;
        return p == 0xffff ? Protocol.UNKNOWN : p;
    }

    int packetType(int r) {
        return packed.get(r) >>> 16 & 7;
    }

    boolean request(int r) {
        return (packed.get(r) & 1 << 19) != 0;
    }

    long blockOffset(int r) {
        return dataOffsets.get(r) - (packed.get(r) >>> 20 & 0x3f);
    }

    int guess(int r) {
        return packed.get(r) >>> 26 & 3;
    }

    int packetNumber(int r) {
        return packetNumbers.get(r);
    }

    int pid(int r) {
        IndexColumn.Ints p = pids;
        return p == null ? -1 : p.get(r);
    }

    int fd(int r) {
        IndexColumn.Ints f = fds;
        return f == null ? -1 : f.get(r);
    }

    String syscall(int r) {
        IndexColumn.Ints s = syscalls;
        int id = s == null ? -1 : s.get(r);
        return id < 0 ? null : syscallNames.get(id);
    }

    int messageRecord(int m) {
        return messageRecords.get(m);
    }

    int messageOffset(int m) {
        return messageOffsets.get(m);
    }

    int messageLength(int m) {
        return messageLengths.get(m);
    }

    FrameKind messageKind(int m) {
        return FrameKind.values()[messageKinds.get(m)];
    }

    /** Heap bytes the columns hold (not counting the few framer notes and syscall names). */
    long heapBytes() {
        long extras = pids == null ? 0 : pids.heapBytes() + fds.heapBytes() + syscalls.heapBytes();
        return dataOffsets.heapBytes() + times.heapBytes() + lengths.heapBytes() + packed.heapBytes()
                + packetNumbers.heapBytes() + extras + messageRecords.heapBytes() + messageOffsets.heapBytes()
                + messageLengths.heapBytes() + messageKinds.heapBytes() + scratch.length;
    }
}
