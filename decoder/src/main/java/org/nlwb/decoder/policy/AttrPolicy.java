package org.nlwb.decoder.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel's policy says about one attribute number (one {@code [attr-id N]} nest of a
 * policy dump). Every bound is null when the dump does not give it: the kernel sends value bounds
 * for every integer (the type's own range when the policy sets none), lengths only where the
 * policy has them.
 *
 * @param attr        the attribute number (nla_type)
 * @param type        NL_POLICY_TYPE_ATTR_TYPE
 * @param min         NL_POLICY_TYPE_ATTR_MIN_VALUE_S or _U
 * @param max         NL_POLICY_TYPE_ATTR_MAX_VALUE_S or _U
 * @param minLength   NL_POLICY_TYPE_ATTR_MIN_LENGTH (binary)
 * @param maxLength   NL_POLICY_TYPE_ATTR_MAX_LENGTH (binary; strings without their NUL)
 * @param policyIdx   NL_POLICY_TYPE_ATTR_POLICY_IDX: the table a nest's contents follow
 * @param maxType     NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE: the highest attribute number of that table
 * @param bitfield32  NL_POLICY_TYPE_ATTR_BITFIELD32_MASK: the bits a bitfield32 may select
 * @param mask        NL_POLICY_TYPE_ATTR_MASK: the bits an unsigned integer may have set
 */
public record AttrPolicy(int attr, NlAttrType type, BigInteger min, BigInteger max, Long minLength, Long maxLength,
                         Integer policyIdx, Integer maxType, Long bitfield32, BigInteger mask) {

    /**
     * The bounds in words ({@code 0..1}, {@code max length 15}, {@code mask 0x7}, {@code policy 2
     * (maxtype 4)}); the full range of the type is left out, as it bounds nothing.
     */
    public String bounds() {
        List<String> out = new ArrayList<>();
        if (min != null && max != null && !isTypeRange()) {
            out.add(min + ".." + max);
        }
        if (minLength != null && maxLength != null) {
            out.add(minLength.equals(maxLength) ? "length " + minLength : "length " + minLength + ".." + maxLength);
        } else if (minLength != null) {
            out.add("min length " + minLength);
        } else if (maxLength != null) {
            out.add("max length " + maxLength);
        }
        if (mask != null) {
            out.add("mask 0x" + mask.toString(16));
        }
        if (bitfield32 != null) {
            out.add("valid bits 0x" + Long.toHexString(bitfield32));
        }
        if (policyIdx != null) {
            out.add("policy " + policyIdx + (maxType != null ? " (maxtype " + maxType + ")" : ""));
        }
        return String.join(", ", out);
    }

    /** Whether min..max is just the type's own range (no policy bound). */
    public boolean isTypeRange() {
        if (min == null || max == null) {
            return false;
        }
        int bits = switch (type) {
            case U8, S8 -> 8;
            case U16, S16 -> 16;
            case U32, S32 -> 32;
            default -> 64;
        };
        BigInteger lo = type.signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger hi = type.signed() ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return min.equals(lo) && max.equals(hi);
    }
}
