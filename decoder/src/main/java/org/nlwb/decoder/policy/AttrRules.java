package org.nlwb.decoder.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.policy.PolicyProblem.Kind;

/**
 * The checks the kernel's {@code validate_nla} (lib/nlattr.c) makes of one attribute against its
 * policy entry, in its order: length, NLA_F_NESTED, the type's own rules, then value ranges and
 * masks. Nests are the caller's to descend into. Values are read in host (little-endian) order
 * unless the spec says big-endian, as the kernel reads them.
 */
final class AttrRules {
    private final String path;
    private final String specPath;
    private final int offset;
    private final int length;
    private final List<PolicyProblem> out = new ArrayList<>();

    private AttrRules(String path, String specPath, ByteView attribute) {
        this.path = path;
        this.specPath = specPath;
        this.offset = attribute.base();
        this.length = attribute.length();
    }

    /**
     * The problems of one attribute: {@code attribute} is the whole nlattr, {@code nestedFlag}
     * whether its nla_type has NLA_F_NESTED.
     */
    static List<PolicyProblem> check(AttrPolicy p, ByteView attribute, boolean nestedFlag, boolean bigEndian, String path,
                                     String specPath) {
        AttrRules r = new AttrRules(path, specPath, attribute);
        ByteView payload = attribute.slice(4, attribute.length() - 4);
        r.length(p, payload.length());
        r.nesting(p, nestedFlag);
        r.typeRules(p, payload);
        if (p.type().isInteger() && r.out.stream().noneMatch(x -> x.kind() == Kind.BAD_LENGTH && x.definite())) {
            r.value(p, integer(p.type(), payload, bigEndian));
        }
        return r.out;
    }

    private void length(AttrPolicy p, int len) {
        int fixed = p.type() == NlAttrType.BITFIELD32 ? 0 : p.type().fixedSize();
        if (fixed > 0 && len < fixed) {
            add(Kind.BAD_LENGTH, "payload of " + len + " bytes; " + p.type().shortName() + " needs " + fixed, false);
        } else if (fixed > 0 && len != fixed) {
            add(Kind.BAD_LENGTH, "payload of " + len + " bytes; " + p.type().shortName() + " is exactly " + fixed, true);
        } else if ((p.type() == NlAttrType.UINT || p.type() == NlAttrType.SINT) && len != 4 && len != 8) {
            add(Kind.BAD_LENGTH, "payload of " + len + " bytes; " + p.type().shortName() + " is 4 or 8", false);
        }
    }

    private void nesting(AttrPolicy p, boolean nestedFlag) {
        if (p.type().isNested() && !nestedFlag) {
            add(Kind.NESTED_FLAG, "NLA_F_NESTED is missing on this " + p.type().shortName(), true);
        } else if (!p.type().isNested() && nestedFlag) {
            add(Kind.NESTED_FLAG, "NLA_F_NESTED is set on a " + p.type().shortName() + " (not a nest)", true);
        }
    }

    private void typeRules(AttrPolicy p, ByteView payload) {
        int len = payload.length();
        switch (p.type()) {
            case FLAG -> {
                if (len > 0) {
                    add(Kind.BAD_LENGTH, "a flag has no payload; this one has " + len + " bytes", false);
                }
            }
            case BITFIELD32 -> bitfield32(p, payload);
            case NUL_STRING, STRING -> string(p, payload);
            case BINARY -> {
                if (p.minLength() != null && len < p.minLength()) {
                    add(Kind.BAD_LENGTH, len + " bytes; the kernel needs at least " + p.minLength(), false);
                } else if (p.maxLength() != null && len > p.maxLength()) {
                    add(Kind.BAD_LENGTH, len + " bytes; the kernel takes at most " + p.maxLength(), false);
                }
            }
            case NESTED, NESTED_ARRAY -> {
                if (len > 0 && len < 4) {
                    add(Kind.BAD_LENGTH, "a nest of " + len + " bytes holds no attribute header", false);
                }
            }
            default -> { }
        }
    }

    private void string(AttrPolicy p, ByteView payload) {
        int len = payload.length();
        if (p.type() == NlAttrType.NUL_STRING) {
            int within = p.maxLength() != null ? (int) Math.min(len, p.maxLength() + 1) : len;
            int nul = payload.indexOf(0, 0);
            if (within == 0 || nul < 0) {
                add(Kind.NOT_TERMINATED, "a nul-string without its NUL", false);
                return;
            }
            if (nul >= within) { // the kernel looks for the NUL within max length + 1 bytes only
                add(Kind.BAD_LENGTH, "a string of " + nul + " bytes; the kernel takes at most " + p.maxLength(), false);
                return;
            }
        }
        if (len < 1) {
            add(Kind.BAD_LENGTH, "an empty string attribute (the kernel needs at least 1 byte)", false);
            return;
        }
        int text = len - (payload.u8(len - 1) == 0 ? 1 : 0);
        if (p.maxLength() != null && text > p.maxLength()) {
            add(Kind.BAD_LENGTH, "a string of " + text + " bytes; the kernel takes at most " + p.maxLength(), false);
        }
    }

    private void bitfield32(AttrPolicy p, ByteView payload) {
        if (payload.length() != 8) {
            add(Kind.BAD_LENGTH, "payload of " + payload.length() + " bytes; a bitfield32 is exactly 8", false);
            return;
        }
        long value = payload.u32le(0);
        long selector = payload.u32le(4);
        long valid = p.bitfield32() == null ? 0xffffffffL : p.bitfield32();
        if ((selector & ~valid) != 0) {
            add(Kind.BAD_BITS, "selector bits 0x" + Long.toHexString(selector & ~valid)
                    + " outside the valid bits 0x" + Long.toHexString(valid), false);
        } else if ((value & ~valid) != 0) {
            add(Kind.BAD_BITS, "value bits 0x" + Long.toHexString(value & ~valid)
                    + " outside the valid bits 0x" + Long.toHexString(valid), false);
        } else if ((value & ~selector) != 0) {
            add(Kind.BAD_BITS, "value bits 0x" + Long.toHexString(value & ~selector) + " not in the selector", false);
        }
    }

    private void value(AttrPolicy p, BigInteger v) {
        if (p.mask() != null) {
            BigInteger outside = v.andNot(p.mask());
            if (outside.signum() != 0) {
                add(Kind.BAD_BITS, "value 0x" + v.toString(16) + " has bits 0x" + outside.toString(16)
                        + " outside the mask 0x" + p.mask().toString(16), false);
            }
        } else if (p.min() != null && p.max() != null && (v.compareTo(p.min()) < 0 || v.compareTo(p.max()) > 0)) {
            add(Kind.OUT_OF_RANGE, "value " + v + " is outside " + p.min() + ".." + p.max(), false);
        }
    }

    /** The integer a payload holds as the kernel reads it (sint/uint: 4 or 8 bytes; others their size). */
    static BigInteger integer(NlAttrType type, ByteView payload, boolean bigEndian) {
        int size = type.fixedSize() > 0 ? type.fixedSize() : payload.length() >= 8 ? 8 : 4;
        size = Math.min(size, payload.length());
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            int b = payload.u8(bigEndian ? i : size - 1 - i);
            v = v.shiftLeft(8).or(BigInteger.valueOf(b));
        }
        if (type.signed() && size > 0 && v.testBit(size * 8 - 1)) {
            v = v.subtract(BigInteger.ONE.shiftLeft(size * 8));
        }
        return v;
    }

    private void add(Kind kind, String message, boolean strictOnly) {
        out.add(new PolicyProblem(kind, path, specPath, offset, length, message, strictOnly));
    }
}
