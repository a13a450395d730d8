package org.nlwb.decoder.bytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A read-only, bounded window over a byte array, in the manner of the Kaitai Struct runtime:
 * a nested read can never leave its parent, and every read names its byte order
 * ({@code u16le}, {@code be32}).
 *
 * <p>Indices passed to the readers are relative to this view. {@link #base()} is the absolute
 * position of index 0 within the outermost message (or datagram) the view was cut from, so a
 * decoder that builds tree nodes can give every node its absolute offset without bookkeeping.
 *
 * <p>Reads outside the view throw {@link IndexOutOfBoundsException}: that is a bug in the
 * caller, which must check {@link #length()} first. Decoders turn short input into
 * {@code malformed} nodes before they read.
 */
public final class ByteView {
    private static final HexFormat HEX = HexFormat.of();
    private static final ByteView EMPTY = new ByteView(new byte[0], 0, 0, 0);

    private final byte[] data;
    private final int start;
    private final int length;
    private final int base;

    private ByteView(byte[] data, int start, int length, int base) {
        this.data = data;
        this.start = start;
        this.length = length;
        this.base = base;
    }

    /** A view over the whole array; the array must not be changed afterwards. */
    public static ByteView of(byte[] data) {
        return new ByteView(data, 0, data.length, 0);
    }

    /** A view over {@code data[start, start+length)} whose absolute base is 0. */
    public static ByteView of(byte[] data, int start, int length) {
        java.util.Objects.checkFromIndexSize(start, length, data.length);
        return new ByteView(data, start, length, 0);
    }

    public static ByteView empty() {
        return EMPTY;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Absolute offset of index 0 of this view within the outermost view it was cut from. */
    public int base() {
        return base;
    }

    /** Absolute offset of index {@code i} of this view. */
    public int abs(int i) {
        return base + i;
    }

    /** A sub-view of {@code length} bytes at {@code offset}; must lie inside this view. */
    public ByteView slice(int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, this.length);
        return new ByteView(data, start + offset, length, base + offset);
    }

    /** The bytes from {@code offset} to the end of this view. */
    public ByteView from(int offset) {
        return slice(offset, length - offset);
    }

    /** A view of the same bytes whose absolute base is 0 (e.g. a message cut out of a datagram). */
    public ByteView rebased() {
        return new ByteView(data, start, length, 0);
    }

    /** How many bytes are left from {@code offset}; never negative. */
    public int remaining(int offset) {
        return Math.max(0, length - offset);
    }

    private int at(int i, int size) {
        java.util.Objects.checkFromIndexSize(i, size, length);
        return start + i;
    }

    public int u8(int i) {
        return data[at(i, 1)] & 0xff;
    }

    public int s8(int i) {
        return data[at(i, 1)];
    }

    public int u16le(int i) {
        int p = at(i, 2);
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8;
    }

    public int s16le(int i) {
        return (short) u16le(i);
    }

    public int be16(int i) {
        int p = at(i, 2);
        return (data[p] & 0xff) << 8 | (data[p + 1] & 0xff);
    }

    public long u32le(int i) {
        return s32le(i) & 0xffffffffL;
    }

    public int s32le(int i) {
        int p = at(i, 4);
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16
                | (data[p + 3] & 0xff) << 24;
    }

    public long be32(int i) {
        int p = at(i, 4);
        return ((data[p] & 0xffL) << 24) | (data[p + 1] & 0xff) << 16 | (data[p + 2] & 0xff) << 8
                | (data[p + 3] & 0xff);
    }

    /** Signed 64-bit little-endian; callers wanting unsigned use {@link Long#toUnsignedString}. */
    public long s64le(int i) {
        at(i, 8);
        return (u32le(i)) | (u32le(i + 4) << 32);
    }

    public long be64(int i) {
        at(i, 8);
        return (be32(i) << 32) | be32(i + 4);
    }

    /** A copy of {@code length} bytes at {@code offset}. */
    public byte[] bytes(int offset, int length) {
        int p = at(offset, length);
        return Arrays.copyOfRange(data, p, p + length);
    }

    /** A copy of the whole view. */
    public byte[] toArray() {
        return Arrays.copyOfRange(data, start, start + length);
    }

    /** Lower-case hex of the whole view, no separators. */
    public String hex() {
        return HEX.formatHex(data, start, start + length);
    }

    /** ISO-8859-1 text of {@code length} bytes at {@code offset}: one char per byte, lossless. */
    public String latin1(int offset, int length) {
        return new String(data, at(offset, length), length, StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 text of {@code length} bytes at {@code offset} (bad sequences become U+FFFD). */
    public String utf8(int offset, int length) {
        return new String(data, at(offset, length), length, StandardCharsets.UTF_8);
    }

    /** Index of the first {@code b} at or after {@code from}, or -1. */
    public int indexOf(int b, int from) {
        for (int i = Math.max(0, from); i < length; i++) {
            if ((data[start + i] & 0xff) == (b & 0xff)) {
                return i;
            }
        }
        return -1;
    }

    /** True when every byte of the view is zero. */
    public boolean allZero() {
        for (int i = 0; i < length; i++) {
            if (data[start + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Content equality (base is not compared). */
    public boolean contentEquals(ByteView other) {
        return Arrays.equals(data, start, start + length, other.data, other.start,
                other.start + other.length);
    }

    @Override
    public String toString() {
        return "ByteView[base=" + base + ", length=" + length + "]";
    }
}
