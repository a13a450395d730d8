package org.nlwb.capture.socket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one netlink message in host (little-endian) byte order: the nlmsghdr, a fixed header,
 * then attributes, with nests. {@link #build} fills in nlmsg_len and every nla_len.
 *
 * <pre>
 *  | nlmsghdr 16 | fixed header (ifinfomsg, genlmsghdr ...) | nla_len nla_type value pad | ... |
 * </pre>
 */
public final class MessageBuilder {
    public static final int NLA_F_NESTED = 0x8000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final Deque<Integer> nests = new ArrayDeque<>();

    /** Starts a message; nlmsg_seq and nlmsg_pid are 0 (the sender of a request fills seq in). */
    public MessageBuilder(int type, int flags) {
        u32(0).u16(type).u16(flags).u32(0).u32(0);
    }

    public MessageBuilder u8(int v) {
        out.write(v);
        return this;
    }

    public MessageBuilder u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    public MessageBuilder u32(long v) {
        u16((int) (v & 0xffff));
        return u16((int) ((v >>> 16) & 0xffff));
    }

    public MessageBuilder bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** Zero bytes up to the next 4-byte boundary. */
    public MessageBuilder align() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    /** An attribute with a raw value, padded to 4 bytes. */
    public MessageBuilder attr(int type, byte[] value) {
        u16(4 + value.length).u16(type).bytes(value);
        return align();
    }

    public MessageBuilder attrU32(int type, long v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    public MessageBuilder attrU16(int type, int v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    /** A NUL-terminated string attribute (NLA_NUL_STRING / NLA_STRING as iproute2 sends them). */
    public MessageBuilder attrString(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return attr(type, z);
    }

    /** Opens a nested attribute; {@link #endNest} closes it. NLA_F_NESTED is set. */
    public MessageBuilder beginNest(int type) {
        nests.push(out.size());
        return u16(0).u16(type | NLA_F_NESTED);
    }

    public MessageBuilder endNest() {
        int start = nests.pop();
        byte[] now = out.toByteArray();
        int len = now.length - start;
        now[start] = (byte) len;
        now[start + 1] = (byte) (len >>> 8);
        out.reset();
        out.writeBytes(now);
        return this;
    }

    public byte[] build() {
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
