package org.nlwb.decoder.decode;

import java.util.Locale;

/**
 * The scalar value types of netlink attributes and struct members (the YNL {@code type} names
 * where one exists). Multi-byte integers are host order (little-endian) unless the type says
 * {@code be} or the attribute carries NLA_F_NET_BYTEORDER.
 */
public enum ValueType {
    U8(1), U16(2), U32(4), U64(8), S8(1), S16(2), S32(4), S64(8),
    BE16(2), BE32(4), BE64(8),
    /** A variable-width unsigned integer: 4 or 8 bytes (NLA_UINT). */
    UINT(-1),
    /** A variable-width signed integer: 4 or 8 bytes (NLA_SINT). */
    SINT(-1),
    /** Presence is the value; the payload is empty. */
    FLAG(0),
    /** Text, NUL-terminated or not. */
    STRING(-1),
    /** Text that must end in a NUL byte (YNL {@code string} usually, {@code NLA_NUL_STRING}). */
    NUL_STRING(-1),
    BINARY(-1),
    IPV4(4), IPV6(16),
    /** IPv4 or IPv6 by length (4 or 16); other lengths are shown as hex. */
    ADDRESS(-1),
    /** A 6-byte MAC or any link-layer address by length (colon-separated hex). */
    MAC(-1),
    /** {@code struct nla_bitfield32 { u32 value; u32 selector; }}. */
    BITFIELD32(8),
    UUID(16);

    private final int size;

    ValueType(int size) {
        this.size = size;
    }

    /** The fixed size in bytes, or -1 when variable. */
    public int size() {
        return size;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** YNL type names and aliases: {@code u32}, {@code string}, {@code binary}, {@code uint} ... */
    public static ValueType ofLabel(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
