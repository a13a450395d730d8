package org.nlwb.decoder.policy;

/**
 * Which tables an operation's requests follow ({@code CTRL_ATTR_OP_POLICY}): the do form's and the
 * dump form's root table, each null when that form has none.
 *
 * @param cmd the genlmsghdr command
 */
public record OpPolicy(int cmd, Integer doTable, Integer dumpTable) {

    /** The root table of the do or dump form, or null. */
    public Integer table(boolean dump) {
        return dump ? dumpTable : doTable;
    }
}
