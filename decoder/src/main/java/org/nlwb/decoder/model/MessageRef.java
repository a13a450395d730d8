package org.nlwb.decoder.model;

import java.util.Objects;
import java.util.function.IntFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.FrameKind;

/**
 * One entry of a capture's message index: a framed message (or malformed / trailing / raw slice)
 * and the record it came in. Cheap to make; holds no decoded tree. An immutable value.
 *
 * <p>A ref either holds its record (a heap capture) or fetches it from its store each time
 * {@link #record()} is asked (a pcap read in place: the record's bytes are read from the file on
 * demand and not kept, so a list of a million refs does not hold the file's bytes). Two refs are
 * equal when they are the same entry of the same capture.
 */
public final class MessageRef {
    private final int index;
    private final int recordIndex;
    private final Record record;
    private final IntFunction<Record> records;
    private final FrameKind kind;
    private final int offset;
    private final int length;
    private final String note;

    /**
     * @param index  position in the capture's message list (0-based)
     * @param recordIndex position of its record in the capture (0-based)
     * @param offset where the message starts within the record's datagram
     * @param note   the framer's note for malformed and trailing frames, else null
     */
    public MessageRef(int index, int recordIndex, Record record, FrameKind kind, int offset, int length, String note) {
        this(index, recordIndex, Objects.requireNonNull(record, "record"), null, kind, offset, length, note);
    }

    private MessageRef(int index, int recordIndex, Record record, IntFunction<Record> records, FrameKind kind,
                       int offset, int length, String note) {
        this.index = index;
        this.recordIndex = recordIndex;
        this.record = record;
        this.records = records;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.offset = offset;
        this.length = length;
        this.note = note;
    }

    /** A ref whose record is {@code records.apply(recordIndex)}, fetched whenever it is asked for. */
    public static MessageRef fetching(int index, int recordIndex, IntFunction<Record> records, FrameKind kind,
                                      int offset, int length, String note) {
        return new MessageRef(index, recordIndex, null, Objects.requireNonNull(records), kind, offset, length, note);
    }

    /** {@code framerNote} and {@code extra} as one note ("; " between them), either may be null. */
    public static String joinNotes(String framerNote, String extra) {
        return extra == null ? framerNote : framerNote == null ? extra : framerNote + "; " + extra;
    }

    public int index() {
        return index;
    }

    public int recordIndex() {
        return recordIndex;
    }

    public Record record() {
        return record != null ? record : records.apply(recordIndex);
    }

    public FrameKind kind() {
        return kind;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public String note() {
        return note;
    }

    /** The message's bytes, rebased so offset 0 is its first byte. */
    public ByteView bytes() {
        return record().bytes().slice(offset, length).rebased();
    }

    /** nlmsg_type, or -1 when the frame has no full header. */
    public int type() {
        return hasHeader() ? bytes().u16le(4) : -1;
    }

    /** nlmsg_flags, or -1 when the frame has no full header. */
    public int flags() {
        return hasHeader() ? bytes().u16le(6) : -1;
    }

    /** nlmsg_seq, or -1 when the frame has no full header. */
    public long seq() {
        return hasHeader() ? bytes().u32le(8) : -1;
    }

    /** nlmsg_pid (the port id), or -1 when the frame has no full header. */
    public long portId() {
        return hasHeader() ? bytes().u32le(12) : -1;
    }

    public boolean hasHeader() {
        return (kind == FrameKind.MESSAGE || kind == FrameKind.MALFORMED) && length >= 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageRef m && index == m.index && recordIndex == m.recordIndex && kind == m.kind
                && offset == m.offset && length == m.length && Objects.equals(note, m.note)
                && Objects.equals(record, m.record) && records == m.records;
    }

    @Override
    public int hashCode() {
        return ((index * 31 + recordIndex) * 31 + offset) * 31 + length;
    }

    @Override
    public String toString() {
        return "MessageRef[index=" + index + ", record=" + recordIndex + ", kind=" + kind + ", offset=" + offset
                + ", length=" + length + (note == null ? "" : ", note=" + note) + "]";
    }
}
