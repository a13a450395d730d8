package org.nlwb.decoder.message;

import org.nlwb.decoder.bytes.ByteView;

/**
 * {@code struct nlmsghdr} ({@code linux/netlink.h}), host byte order (little-endian here).
 *
 * <pre>
 *  0               4       6       8              12              16
 *  | nlmsg_len u32 | type  | flags | nlmsg_seq u32 | nlmsg_pid u32 |
 * </pre>
 */
public record NlMsgHeader(long length, int type, int flags, long seq, long pid) {
    public static final int SIZE = 16;

    /** Reads the header at offset 0 of {@code v}, which must hold at least 16 bytes. */
    public static NlMsgHeader read(ByteView v) {
        return new NlMsgHeader(v.u32le(0), v.u16le(4), v.u16le(6), v.u32le(8), v.u32le(12));
    }

    /**
     * The body of {@code message} (whose header this is): the bytes after the header up to
     * nlmsg_len, or up to what is there when the message is cut short (truncated, NLM_F_CAPPED);
     * empty when nlmsg_len is smaller than a header. The decoder and the filter cut it so alike.
     */
    public ByteView body(ByteView message) {
        int declared = (int) Math.min(Integer.MAX_VALUE, length);
        int end = length >= SIZE ? Math.min(declared, message.length()) : SIZE;
        return message.slice(SIZE, end - SIZE);
    }
}
