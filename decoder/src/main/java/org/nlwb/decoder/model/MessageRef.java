package org.nlwb.decoder.model;

import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.FrameKind;

/**
 * One entry of a capture's message index: a framed message (or malformed / trailing / raw slice)
 * and the record it came in. Cheap to make; holds no decoded tree.
 *
 * @param index  position in the capture's message list (0-based)
 * @param recordIndex position of its record in the capture (0-based)
 * @param offset where the message starts within the record's datagram
 * @param note   the framer's note for malformed and trailing frames, else null
 */
public record MessageRef(int index, int recordIndex, Record record, FrameKind kind, int offset, int length,
                         String note) {

    /** The message's bytes, rebased so offset 0 is its first byte. */
    public ByteView bytes() {
        return record.bytes().slice(offset, length).rebased();
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
}
