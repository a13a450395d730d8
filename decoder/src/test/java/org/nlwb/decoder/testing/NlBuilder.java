package org.nlwb.decoder.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: builds netlink messages byte by byte (host order = little-endian), attributes padded to 4. */
public final class NlBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public NlBuilder u8(int v) {
        out.write(v);
        return this;
    }

    public NlBuilder u16(int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
        return this;
    }

    public NlBuilder u32(long v) {
        u16((int) (v & 0xffff));
        return u16((int) ((v >> 16) & 0xffff));
    }

    public NlBuilder bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** An attribute with its header and padding. */
    public NlBuilder attr(int type, byte[] payload) {
        u16(4 + payload.length).u16(type).bytes(payload);
        for (int i = payload.length; i % 4 != 0; i++) {
            out.write(0);
        }
        return this;
    }

    public NlBuilder attr(int type, NlBuilder nested) {
        return attr(type, nested.toBytes());
    }

    public NlBuilder attrString(int type, String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[t.length + 1];
        System.arraycopy(t, 0, p, 0, t.length);
        return attr(type, p);
    }

    public NlBuilder attrU16(int type, int v) {
        return attr(type, new NlBuilder().u16(v).toBytes());
    }

    public NlBuilder attrU32(int type, long v) {
        return attr(type, new NlBuilder().u32(v).toBytes());
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** A whole message: nlmsghdr (with the right length) + {@code body}. */
    public static byte[] message(int type, int flags, long seq, long pid, NlBuilder body) {
        byte[] b = body.toBytes();
        return new NlBuilder().u32(16 + b.length).u16(type).u16(flags).u32(seq).u32(pid).bytes(b).toBytes();
    }
}
