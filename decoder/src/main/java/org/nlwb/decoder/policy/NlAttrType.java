package org.nlwb.decoder.policy;

/**
 * The attribute types a policy dump reports ({@code enum netlink_attribute_type},
 * {@code NL_ATTR_TYPE_*} of linux/netlink.h): what the kernel's {@code NLA_*} policy types look
 * like from user space. Several kernel types share one ({@code NLA_MSECS} is {@link #U64},
 * {@code NLA_EXACT_LEN} and {@code NLA_MIN_LEN} are {@link #BINARY} with length bounds).
 */
public enum NlAttrType {
    INVALID, FLAG, U8, U16, U32, U64, S8, S16, S32, S64, BINARY, STRING, NUL_STRING, NESTED, NESTED_ARRAY,
    BITFIELD32, SINT, UINT,
    /** A number this reader does not know (a kernel newer than it). */
    UNKNOWN;

    /** The type numbered {@code n}, or {@link #UNKNOWN}. */
    public static NlAttrType of(long n) {
        NlAttrType[] all = values();
        return n >= 0 && n < all.length - 1 ? all[(int) n] : UNKNOWN;
    }

    /** The kernel's constant ({@code NL_ATTR_TYPE_NUL_STRING}). */
    public String kernelName() {
        return "NL_ATTR_TYPE_" + name();
    }

    /** Lower case with dashes, as YNL spells types ({@code nul-string}, {@code nested-array}). */
    public String shortName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The fixed payload size of an integer type ({@code 0} for others: sint and uint take 4 or 8). */
    public int fixedSize() {
        return switch (this) {
            case U8, S8 -> 1;
            case U16, S16 -> 2;
            case U32, S32 -> 4;
            case U64, S64 -> 8;
            case BITFIELD32 -> 8;
            default -> 0;
        };
    }

    public boolean isInteger() {
        return fixedSize() > 0 && this != BITFIELD32 || this == SINT || this == UINT;
    }

    public boolean signed() {
        return this == S8 || this == S16 || this == S32 || this == S64 || this == SINT;
    }

    public boolean isNested() {
        return this == NESTED || this == NESTED_ARRAY;
    }
}
