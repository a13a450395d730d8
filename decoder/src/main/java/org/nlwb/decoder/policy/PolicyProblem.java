package org.nlwb.decoder.policy;

/**
 * One thing about a request the kernel's policy (or the spec's checks) refuses.
 *
 * @param kind       what is wrong
 * @param path       the attribute by kernel names from the top, {@code /} between levels
 *                   ({@code ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_FLAGS}); an attribute no spec
 *                   names is {@code attribute N}
 * @param specPath   the same by spec names, {@code .} between levels ({@code header.flags}, as the
 *                   composer's rows and {@code nlwb send --json} name them); {@code ?} for a level the
 *                   spec does not name
 * @param offset     where the attribute starts in the message (its nlattr header)
 * @param length     its nla_len (the rest of the message for trailing bytes)
 * @param message    what is wrong, in words, with the bound broken
 * @param strictOnly refused only under strict validation (what generic netlink operations use
 *                   unless they opt out: every operation of a family newer than Linux 5.2);
 *                   false: refused whatever the validation
 */
public record PolicyProblem(Kind kind, String path, String specPath, int offset, int length, String message, boolean strictOnly) {

    /** What kind of problem. */
    public enum Kind {
        /** No policy entry for the attribute at its level (strict validation: "Unknown attribute type"). */
        UNKNOWN_ATTRIBUTE,
        /** An integer outside the policy's range. */
        OUT_OF_RANGE,
        /** Bits set that the policy's mask (or bitfield32 mask) does not allow. */
        BAD_BITS,
        /** A payload length the policy refuses. */
        BAD_LENGTH,
        /** A string without the NUL its type needs. */
        NOT_TERMINATED,
        /** NLA_F_NESTED missing on a nest, or set on what is not one (strict validation). */
        NESTED_FLAG,
        /** Bytes after the last attribute that are not an attribute (strict validation). */
        TRAILING
    }

    /** Whether the kernel refuses it whatever the validation mode. */
    public boolean definite() {
        return !strictOnly;
    }

    /** {@code PATH: message}, with {@code (strict validation)} where only strict validation refuses it. */
    public String text() {
        return (path.isEmpty() ? "" : path + ": ") + message + (strictOnly ? " (strict validation)" : "");
    }
}
