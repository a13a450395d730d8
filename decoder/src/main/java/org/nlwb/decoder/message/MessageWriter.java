package org.nlwb.decoder.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes netlink bytes in host (little-endian) byte order: a message (nlmsghdr, fixed header
 * bytes, attributes) or just attributes (a nest's payload). Attributes are padded to
 * NLA_ALIGNTO; nests opened with {@link #beginNest} get NLA_F_NESTED and their nla_len when
 * closed; {@link #build} fills in nlmsg_len.
 *
 * <pre>
 *  | nlmsghdr 16 | fixed header (ifinfomsg, genlmsghdr ...) | nla_len nla_type value pad | ... |
 * </pre>
 *
 * Not thread-safe; one writer per message.
 */
public final class MessageWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final Deque<Integer> nests = new ArrayDeque<>();
    private final boolean message;

    private MessageWriter(boolean message) {
        this.message = message;
    }

    /** A message of {@code type} with nlmsg_seq and nlmsg_pid 0 (the sender of a request fills seq in). */
    public static MessageWriter message(int type, int flags) {
        return message(type, flags, 0, 0);
    }

    /** A message starting with its nlmsghdr; nlmsg_len is filled in by {@link #build}. */
    public static MessageWriter message(int type, int flags, long seq, long pid) {
        MessageWriter w = new MessageWriter(true);
        w.u32(0).u16(type).u16(flags).u32(seq).u32(pid);
        return w;
    }

    /** Bytes without a header: a fixed header or the attributes inside a nest. */
    public static MessageWriter payload() {
        return new MessageWriter(false);
    }

    public MessageWriter u8(int v) {
        out.write(v);
        return this;
    }

    public MessageWriter u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    public MessageWriter u32(long v) {
        u16((int) (v & 0xffff));
        return u16((int) ((v >>> 16) & 0xffff));
    }

    public MessageWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Zero bytes up to the next NLA_ALIGNTO boundary. */
    public MessageWriter align() {
        while (out.size() % Netlink.NLA_ALIGNTO != 0) {
            out.write(0);
        }
        return this;
    }

    /**
     * One attribute: header, {@code value}, zero padding.
     *
     * @throws IllegalArgumentException when it does not fit the 16-bit nla_len
     */
    public MessageWriter attr(int type, byte[] value) {
        if (value.length + 4 > 0xffff) {
            throw new IllegalArgumentException("attribute of type " + (type & Netlink.NLA_TYPE_MASK) + " is " + (value.length + 4)
                    + " bytes; nla_len is 16 bits");
        }
        u16(4 + value.length).u16(type).bytes(value);
        return align();
    }

    public MessageWriter attrU32(int type, long v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    public MessageWriter attrU16(int type, int v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    /** A NUL-terminated string attribute (NLA_NUL_STRING / NLA_STRING as iproute2 sends them). */
    public MessageWriter attrString(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return attr(type, z);
    }

    /** Opens a nested attribute with NLA_F_NESTED; {@link #endNest} closes it. */
    public MessageWriter beginNest(int type) {
        nests.push(out.size());
        return u16(0).u16(type | Netlink.NLA_F_NESTED);
    }

    /** Closes the innermost open nest, filling in its nla_len. */
    public MessageWriter endNest() {
        int start = nests.pop();
        byte[] now = out.toByteArray();
        int len = now.length - start;
        now[start] = (byte) len;
        now[start + 1] = (byte) (len >>> 8);
        out.reset();
        out.writeBytes(now);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return out.size();
    }

    /** The bytes written so far, as they are (a payload's bytes; a message's without nlmsg_len). */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /**
     * The finished message, nlmsg_len filled in.
     *
     * @throws IllegalStateException when a nest is still open or this writer holds no message
     */
    public byte[] build() {
        if (!message) {
            throw new IllegalStateException("a payload writer has no nlmsghdr to finish");
        }
        if (!nests.isEmpty()) {
            throw new IllegalStateException(nests.size() + " nest(s) not closed");
        }
        byte[] b = out.toByteArray();
        int len = b.length;
        b[0] = (byte) len;
        b[1] = (byte) (len >>> 8);
        b[2] = (byte) (len >>> 16);
        b[3] = (byte) (len >>> 24);
        return b;
    }
}
