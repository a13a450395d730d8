package org.nlwb.decoder.message;

import org.nlwb.decoder.bytes.ByteView;

/**
 * Steps through a region of netlink attributes ({@code struct nlattr}) one at a time, never
 * reading past the region. This is the one TLV iterator of nlwb: the tree-building
 * {@code AttributeWalker}, nlctrl's family resolution and the ext-ACK readers all step with it, so
 * the rules of framing live here once.
 *
 * <pre>
 *  | nla_len u16 | nla_type u16 | payload (nla_len - 4) | pad to 4 |
 * </pre>
 *
 * <p>{@link #next()} answers whether a whole attribute sits at the cursor; when it answers false,
 * {@link #stop()} says why: the region ended cleanly, fewer than 4 bytes were left, {@code nla_len}
 * was below the 4-byte header, or {@code nla_len} ran past the region. The last three end the
 * walk because nothing after them can be framed; callers that show bytes decide what to make of
 * the rest ({@link #offset()} is where it starts). Not thread-safe; cheap to make.
 */
public final class AttributeCursor {
    /** Why {@link #next()} answered false. */
    public enum Stop {
        /** Not stopped yet. */
        NONE,
        /** The region ended on an attribute boundary (or in its last attribute's padding). */
        END,
        /** 1 to 3 bytes were left: too short for an nlattr header. */
        SHORT_TAIL,
        /** {@code nla_len} below 4. */
        LENGTH_UNDER_HEADER,
        /** {@code nla_len} past the end of the region. */
        LENGTH_PAST_REGION
    }

    private final ByteView region;
    private int off;
    private int start = -1;
    private int nlaLen;
    private int rawType;
    private Stop stop = Stop.NONE;

    /** A cursor before the first attribute of {@code region}. */
    public AttributeCursor(ByteView region) {
        this.region = region;
    }

    /** A cursor over {@code [from, to)} of {@code bytes} (offsets relative to {@code bytes}). */
    public static AttributeCursor over(ByteView bytes, int from, int to) {
        int a = Math.max(0, Math.min(from, bytes.length()));
        int b = Math.max(a, Math.min(to, bytes.length()));
        return new AttributeCursor(bytes.slice(a, b - a));
    }

    /**
     * Moves to the next attribute. Padding after the previous attribute is skipped, but at most up
     * to the region's end (the last attribute may lack its padding).
     */
    public boolean next() {
        if (stop != Stop.NONE) {
            return false;
        }
        if (start >= 0) {
            off = Math.min(region.length(), start + Netlink.align(nlaLen));
        }
        int left = region.length() - off;
        if (left == 0) {
            return halt(Stop.END);
        }
        if (left < Netlink.NLA_HDRLEN) {
            return halt(Stop.SHORT_TAIL);
        }
        int len = region.u16le(off);
        rawType = region.u16le(off + 2);
        nlaLen = len;
        if (len < Netlink.NLA_HDRLEN) {
            return halt(Stop.LENGTH_UNDER_HEADER);
        }
        if (len > left) {
            return halt(Stop.LENGTH_PAST_REGION);
        }
        start = off;
        return true;
    }

    private boolean halt(Stop why) {
        stop = why;
        start = -1;
        return false;
    }

    /** Why the walk ended, or {@link Stop#NONE} while it goes on. */
    public Stop stop() {
        return stop;
    }

    /**
     * Offset in the region of the current attribute; after the walk ended, where the bytes that
     * could not be framed begin (the region's length after {@link Stop#END}).
     */
    public int offset() {
        return start >= 0 ? start : off;
    }

    /** The region the cursor walks. */
    public ByteView region() {
        return region;
    }

    /** {@code nla_len} of the current attribute (also of the one that stopped the walk). */
    public int nlaLen() {
        return nlaLen;
    }

    /** {@code nla_type} with its flag bits (also of the one that stopped the walk). */
    public int rawType() {
        return rawType;
    }

    /** {@code nla_type} without the flag bits. */
    public int type() {
        return rawType & Netlink.NLA_TYPE_MASK;
    }

    public boolean nested() {
        return (rawType & Netlink.NLA_F_NESTED) != 0;
    }

    public boolean netByteOrder() {
        return (rawType & Netlink.NLA_F_NET_BYTEORDER) != 0;
    }

    /** The whole current attribute, header included. */
    public ByteView attribute() {
        return region.slice(start, nlaLen);
    }

    /** The current attribute's payload. */
    public ByteView payload() {
        return region.slice(start + Netlink.NLA_HDRLEN, nlaLen - Netlink.NLA_HDRLEN);
    }

    /** The payload as a C string: up to its first NUL, UTF-8. */
    public String payloadString() {
        ByteView p = payload();
        int nul = p.indexOf(0, 0);
        return p.utf8(0, nul < 0 ? p.length() : nul);
    }

    /** Bytes of alignment padding after the current attribute that lie inside the region. */
    public int paddingAfter() {
        int end = start + nlaLen;
        return Math.min(Netlink.align(nlaLen) - nlaLen, region.length() - end);
    }
}
