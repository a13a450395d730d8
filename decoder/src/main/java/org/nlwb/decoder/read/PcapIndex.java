package org.nlwb.decoder.read;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.IndexColumn;
import org.nlwb.decoder.model.Protocol;

/**
 * The index of a mapped pcap or pcapng file, in 12 bytes a record and nothing a message: where
 * each record's block starts (4 bytes, {@link IndexColumn.Offsets}), one packed {@code int} (the
 * distance from block to datagram, which says the kind of block, and which byte order and time
 * resolution its fields have), and the number of its first message. Everything else (time,
 * pkttype, protocol, length, pid/fd/syscall of nlwb's comments, the messages' framing) is read
 * again from the mapped file when a record is asked for ({@link PacketFields}), which is cheap:
 * the walk checked every length when it indexed the file. Packet numbers (which count skipped
 * packets) are kept only where they stop following the record number.
 *
 * <p>Also gathered on the way: the direction convention, decided by the first packets ({@link
 * DirectionConvention}), and, for what needs the whole file, which protocol the records of
 * unknown protocol agree on ({@link ProtocolGuess}).
 *
 * <p>One writer (the indexing thread, through {@link #add}); readers read entries below counts
 * the store publishes through a volatile after the writer wrote them.
 */
final class PcapIndex {
    /** Byte order and time units per second of a record's fields. */
    private record Timebase(boolean little, long units) {
    }

    private final int protocolOverride;
    private final IndexColumn.Offsets blockOffsets = new IndexColumn.Offsets();
    private final IndexColumn.Ints packed = new IndexColumn.Ints();
    private final IndexColumn.Ints firstMessages = new IndexColumn.Ints();
    private final List<Timebase> timebases = new CopyOnWriteArrayList<>();
    private final IndexColumn.Ints shiftAt = new IndexColumn.Ints();
    private final IndexColumn.Ints shiftBy = new IndexColumn.Ints();
    private volatile int shifts;

    private int records;
    private int messages;
    private byte[] scratch = new byte[64 * 1024];
    private final DirectionConvention convention = new DirectionConvention();
    private int agreed = Protocol.UNKNOWN;
    private boolean conflict;

    PcapIndex(int protocolOverride) {
        this.protocolOverride = protocolOverride;
    }

    /** Indexes one packet (see {@link PacketSink}), framing its datagram to count its messages. */
    void add(FileBytes in, int number, long blockOff, int pkttype, int protocol, long dataOff, int dataLen,
             boolean little, long units) {
        if (scratch.length < dataLen) {
            scratch = new byte[Math.max(dataLen, scratch.length * 2)];
        }
        in.copy(dataOff, scratch, 0, dataLen);
        ByteView datagram = ByteView.of(scratch, 0, dataLen);
        boolean request = dataLen >= 8 && (scratch[6] & NlFlags.REQUEST) != 0;
        convention.packet(pkttype, request);
        int p = protocol < 0 ? protocolOverride : protocol;
        if (p < 0) {
            OptionalInt g = ProtocolGuess.of(datagram);
            if (g.isPresent()) {
                p = g.getAsInt();
                conflict |= agreed >= 0 && agreed != p;
                agreed = p;
            }
        }
        blockOffsets.add(blockOff);
        packed.add((int) (dataOff - blockOff) | timebase(little, units) << 6);
        firstMessages.add(messages);
        if (number - records != shift(records)) {
            shiftAt.add(records);
            shiftBy.add(number - records);
            shifts++;
        }
        int n = wholeMessages(datagram, p);
        messages += n >= 0 ? n : Framer.frames(datagram, p).size();
        records++;
    }

    /**
     * The index of the packet's timebase, added when new. Compared field by field, not by the
     * record's equals: that one is made at run time from method handles, and making it took some
     * fifty generated classes at the start of every pcap read (a tenth of the JIT's work on a
     * short decode went to compiling the class writer that made them).
     */
    private int timebase(boolean little, long units) {
        for (int i = 0, n = timebases.size(); i < n; i++) {
            Timebase t = timebases.get(i);
            if (t.little() == little && t.units() == units) {
                return i;
            }
        }
        timebases.add(new Timebase(little, units));
        return timebases.size() - 1;
    }

    /**
     * How many frames {@link Framer#frames} makes of a datagram of whole messages only (each
     * nlmsg_len at least 16 and inside), counted without allocating; -1 for anything else, which
     * the framer itself then counts.
     */
    private static int wholeMessages(ByteView d, int protocol) {
        int len = d.length();
        if (len == 0) {
            return 0;
        }
        if (Framer.isRaw(d, protocol)) {
            return 1;
        }
        int n = 0;
        int off = 0;
        while (off < len) {
            if (len - off < Netlink.NLMSG_HDRLEN) {
                return -1;
            }
            long msgLen = d.u32le(off);
            if (msgLen < Netlink.NLMSG_HDRLEN || msgLen > len - off) {
                return -1;
            }
            off += Netlink.align((int) msgLen);
            n++;
        }
        return n;
    }

    int records() {
        return records;
    }

    int messages() {
        return messages;
    }

    /** Whether the packets so far decide the direction convention ({@link DirectionConvention}). */
    boolean conventionSettled() {
        return convention.settled();
    }

    /** How many records have a direction that cannot change any more ({@link DirectionConvention#decided}). */
    int decidedRecords() {
        return convention.decided();
    }

    /** Decides the direction convention as the end of the file does; once every packet is indexed. */
    void endConvention() {
        convention.end();
    }

    /** Whether the file is in nlmon's convention; meaningful once {@link #conventionSettled}. */
    boolean nlmonConvention() {
        return convention.nlmon();
    }

    /** The protocol the content-guessed records agree on, or -1 (none, or they disagree); final once indexed. */
    int agreedProtocol() {
        return conflict ? Protocol.UNKNOWN : agreed;
    }

    int protocolOverride() {
        return protocolOverride;
    }

    /** Record {@code r}'s fields, read again from {@code in}. */
    PacketFields fields(FileBytes in, int r) {
        int pk = packed.get(r);
        Timebase t = timebases.get(pk >>> 6);
        return PacketFields.at(in, blockOffset(r), pk & 0x3f, t.little, t.units);
    }

    long blockOffset(int r) {
        return blockOffsets.get(r);
    }

    /** The packet number (from 0, skipped packets counted) of record {@code r}. */
    int packetNumber(int r) {
        return r + shift(r);
    }

    private int shift(int r) {
        int lo = 0;
        int hi = shifts - 1;
        int by = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shiftAt.get(mid) <= r) {
                by = shiftBy.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return by;
    }

    /** The index of the first message of record {@code r}. */
    int firstMessage(int r) {
        return firstMessages.get(r);
    }

    /** The record message {@code m} is in, of the first {@code recordCount} records. */
    int recordOf(int m, int recordCount) {
        int lo = 0;
        int hi = recordCount - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (firstMessages.get(mid) <= m) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Heap bytes the columns hold. */
    long heapBytes() {
        return blockOffsets.heapBytes() + packed.heapBytes() + firstMessages.heapBytes() + shiftAt.heapBytes()
                + shiftBy.heapBytes() + scratch.length;
    }
}
