package org.nlwb.decoder.message;

/**
 * A slice of a datagram: {@code [offset, offset+length)} of kind {@code kind}. For
 * {@link FrameKind#MESSAGE} {@code length} is nlmsg_len (without alignment padding, which belongs
 * to no message); for {@link FrameKind#MALFORMED} it is what is left of the datagram.
 *
 * @param note why a frame is malformed or trailing, else null
 */
public record Frame(FrameKind kind, int offset, int length, String note) {
}
