package org.nlwb.decoder.ynl;

import java.math.BigInteger;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The YNL attribute (and struct member) types, read once from the spec's {@code type:} and
 * {@code sub-type:} text. Each knows its spec spelling, its size on the wire and, for integers,
 * its signedness and range; {@link #toString()} is the spec spelling, so messages that print a
 * type read as the spec does.
 *
 * <p>Byte order is not a property of the type but of the attribute ({@code byte-order}, or
 * NLA_F_NET_BYTEORDER on the wire): see {@link AttrSpec#bigEndian()}.
 */
public enum AttrType {
    U8("u8", 1, false),
    U16("u16", 2, false),
    U32("u32", 4, false),
    U64("u64", 8, false),
    S8("s8", 1, true),
    S16("s16", 2, true),
    S32("s32", 4, true),
    S64("s64", 8, true),
    /** A variable-width unsigned integer: 4 or 8 bytes on the wire, the smallest that holds the value. */
    UINT("uint", 0, false),
    /** A variable-width signed integer: 4 or 8 bytes on the wire. */
    SINT("sint", 0, true),
    /** Present or absent; no payload. */
    FLAG("flag", 0, false),
    /** NUL-terminated text. */
    STRING("string", 0, false),
    /** Bytes: plain, by display hint, a struct, or an array of {@code sub-type} integers. */
    BINARY("binary", 0, false),
    /** Two u32: value and the selector of the bits that value sets. */
    BITFIELD32("bitfield32", 8, false),
    NEST("nest", 0, false),
    /** Nested items whose types are their indexes 0, 1, 2 ..., each of the {@code sub-type}. */
    INDEXED_ARRAY("indexed-array", 0, false),
    /** Nested items whose types are values ({@code type-value} names the levels). */
    NEST_TYPE_VALUE("nest-type-value", 0, false),
    /** A layout chosen by the value of another attribute, the selector. */
    SUB_MESSAGE("sub-message", 0, false),
    PAD("pad", 0, false),
    UNUSED("unused", 0, false);

    private final String specName;
    private final int size;
    private final boolean signed;

    AttrType(String specName, int size, boolean signed) {
        this.specName = specName;
        this.size = size;
        this.signed = signed;
    }

    /** The type spelled {@code name} in a spec ({@code u32}, {@code indexed-array}), or null. */
    public static AttrType of(String name) {
        if (name == null) {
            return null;
        }
        for (AttrType t : values()) {
            if (t.specName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The spec spellings of {@code types}, sorted: how a spec error lists what is allowed. */
    public static TreeSet<String> specNames(Collection<AttrType> types) {
        TreeSet<String> out = new TreeSet<>();
        types.forEach(t -> out.add(t.specName));
        return out;
    }

    public String specName() {
        return specName;
    }

    /**
     * The payload size in bytes when the type fixes it (1..8 for the fixed-width integers, 8 for
     * bitfield32), else 0 ({@code uint}/{@code sint} are 4 or 8, the rest variable).
     */
    public int size() {
        return size;
    }

    public boolean signed() {
        return signed;
    }

    /** u8..s64, uint and sint. */
    public boolean isInteger() {
        return ordinal() <= SINT.ordinal();
    }

    /** The fixed-width integers u8..s64 (struct members can only be these). */
    public boolean isFixedInteger() {
        return isInteger() && size > 0;
    }

    /** Types whose payload is attributes, sent with NLA_F_NESTED: nest, indexed-array, nest-type-value. */
    public boolean isNestLike() {
        return this == NEST || this == INDEXED_ARRAY || this == NEST_TYPE_VALUE;
    }

    /** Bits of an integer type; {@code uint}/{@code sint} count as 64 (their widest form). */
    public int bits() {
        if (!isInteger()) {
            throw new IllegalStateException(specName + " is not an integer type");
        }
        return size == 0 ? 64 : size * 8;
    }

    /** The smallest value of an integer type. */
    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(bits() - 1).negate() : BigInteger.ZERO;
    }

    /** The largest value of an integer type. */
    public BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(bits() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE);
    }

    /** The spec spelling. */
    @Override
    public String toString() {
        return specName;
    }
}
