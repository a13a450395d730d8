package org.nlwb.decoder.policy;

/**
 * One way a spec and the running kernel disagree about an operation's request attributes.
 *
 * @param kind   which way
 * @param where  the first operation form it shows in ({@code linkmodes-set do}); for SPEC_ONLY the
 *               spec's attribute set ({@code set linkmodes})
 * @param path   kernel names from the top ({@code /} between levels)
 * @param kernel the kernel's type ({@code u8}, {@code nul-string}), or null (SPEC_ONLY)
 * @param spec   the spec's type, or null (KERNEL_ONLY)
 */
public record SpecDifference(Kind kind, String where, String path, String kernel, String spec) {

    public enum Kind {
        /** The kernel accepts an attribute the spec does not have (at this level). */
        KERNEL_ONLY,
        /**
         * The spec has an attribute no request table of this kernel that follows its set accepts
         * (an older kernel, or an attribute only replies carry).
         */
        SPEC_ONLY,
        /** Both have it, with types that do not fit each other. */
        TYPE_MISMATCH
    }

    /** One line: {@code linkmodes-set do: ETHTOOL_A_LINKMODES_LANES: the kernel accepts it (u32); the spec lacks it}. */
    public String text() {
        return where + ": " + path + ": " + switch (kind) {
            case KERNEL_ONLY -> "the kernel accepts it (" + kernel + "); the spec lacks it";
            case SPEC_ONLY -> "the spec has it (" + spec + "); this kernel accepts it in no request";
            case TYPE_MISMATCH -> "the kernel's type is " + kernel + ", the spec's " + spec;
        };
    }
}
