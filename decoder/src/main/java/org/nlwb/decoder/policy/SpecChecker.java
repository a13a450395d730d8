package org.nlwb.decoder.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.policy.PolicyProblem.Kind;
import org.nlwb.decoder.ynl.AttrChecks;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;

/**
 * The fallback where the kernel reports no policy (rtnetlink, nfnetlink and the other netlink-raw
 * families; a generic netlink family whose dump failed): a request's attributes against the
 * spec's own {@code checks:} ({@link AttrChecks}: value ranges, lengths). What the spec cannot
 * know (what this kernel accepts) it cannot say; every problem it finds is one the spec's author
 * copied from the kernel's policy, so they are reported as definite.
 */
public final class SpecChecker {
    private final Family family;
    private final String why;

    /** @param why why the spec is all there is ({@code rtnetlink has no policy dump}) */
    public SpecChecker(Family family, String why) {
        this.family = family;
        this.why = why;
    }

    public PolicyCheck check(byte[] message) {
        ByteView m = ByteView.of(message);
        MessageLayout layout = MessageLayout.of(m, family);
        String basis = "the spec's checks of " + family.name() + " " + layout.describe() + " (" + why + ")";
        AttrSetSpec set = layout.op() == null ? null : family.attributeSets().get(layout.op().attributeSet());
        int end = m.length() >= 4 ? (int) Math.min(m.length(), m.u32le(0)) : m.length();
        List<PolicyProblem> out = new ArrayList<>();
        walk(m.slice(layout.attrsStart(), Math.max(0, end - layout.attrsStart())), set, "", "", 0, out);
        return new PolicyCheck(basis, false, out);
    }

    private void walk(ByteView region, AttrSetSpec set, String path, String specPath, int depth, List<PolicyProblem> out) {
        if (set == null || depth > 16) {
            return;
        }
        AttributeCursor c = new AttributeCursor(region);
        while (c.next()) {
            AttrSpec spec = set.byValue(c.type());
            if (spec == null) {
                continue;
            }
            String here = SpecNames.join(path, SpecNames.of(spec, c.type()));
            String specHere = SpecNames.specJoin(specPath, spec);
            checks(spec, c.attribute(), c.payload(), here, specHere, out);
            if (spec.type() == AttrType.NEST) {
                walk(c.payload(), SpecNames.nestedSet(family, spec), here, specHere, depth + 1, out);
            }
        }
    }

    private static void checks(AttrSpec spec, ByteView attribute, ByteView payload, String path, String specPath,
                               List<PolicyProblem> out) {
        AttrChecks k = spec.checks();
        if (k.isEmpty()) {
            return;
        }
        int len = payload.length();
        if (spec.type() == AttrType.STRING && len > 0 && payload.u8(len - 1) == 0) {
            len--; // a string's bounds do not count its NUL
        }
        String problem = null;
        Kind kind = Kind.BAD_LENGTH;
        if (k.minLength() != null && len < k.minLength()) {
            problem = len + " bytes; the spec says at least " + k.minLength();
        } else if (k.maxLength() != null && len > k.maxLength()) {
            problem = len + " bytes; the spec says at most " + k.maxLength();
        } else if (spec.type().isInteger() && (k.min() != null || k.max() != null)) {
            NlAttrType as = integerType(spec.type());
            BigInteger v = AttrRules.integer(as, payload, spec.bigEndian());
            if (k.min() != null && v.compareTo(BigInteger.valueOf(k.min())) < 0
                    || k.max() != null && v.compareTo(BigInteger.valueOf(k.max())) > 0) {
                kind = Kind.OUT_OF_RANGE;
                problem = "value " + v + " is outside " + (k.min() != null ? k.min() : "") + ".."
                        + (k.max() != null ? k.max() : "") + " (the spec's checks)";
            }
        }
        if (problem != null) {
            out.add(new PolicyProblem(kind, path, specPath, attribute.base(), attribute.length(), problem, false));
        }
    }

    private static NlAttrType integerType(AttrType t) {
        return switch (t) {
            case U8 -> NlAttrType.U8;
            case U16 -> NlAttrType.U16;
            case U32 -> NlAttrType.U32;
            case U64 -> NlAttrType.U64;
            case S8 -> NlAttrType.S8;
            case S16 -> NlAttrType.S16;
            case S32 -> NlAttrType.S32;
            case S64 -> NlAttrType.S64;
            case SINT -> NlAttrType.SINT;
            default -> NlAttrType.UINT;
        };
    }
}
