package org.nlwb.decoder.policy;

import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * Where a request's attributes start and which operation form it is: after the nlmsghdr, the
 * genlmsghdr (generic netlink) and the operation's fixed header.
 *
 * @param cmd        the genlmsghdr command (generic netlink), else nlmsg_type
 * @param dump       NLM_F_DUMP is set: the dump form's policy applies
 * @param op         the spec's operation for the request, or null
 * @param attrsStart offset of the first attribute (the message length when the message is shorter)
 */
record MessageLayout(int cmd, boolean dump, OpSpec op, int attrsStart) {
    private static final int NLM_F_DUMP = 0x300;

    /** The layout of {@code message} (at least a whole nlmsghdr) under {@code family}'s spec. */
    static MessageLayout of(ByteView message, Family family) {
        int type = message.length() >= 6 ? message.u16le(4) : 0;
        boolean dump = message.length() >= 8 && (message.u16le(6) & NLM_F_DUMP) == NLM_F_DUMP;
        boolean genl = family.schema().isGeneric();
        int cmd = genl ? (message.length() > Netlink.NLMSG_HDRLEN ? message.u8(Netlink.NLMSG_HDRLEN) : -1) : type;
        OpSpec op = null;
        for (OpSpec o : family.operations()) {
            if (o.requestId() != null && o.requestId() == cmd) {
                op = o;
                break;
            }
        }
        int start = Netlink.NLMSG_HDRLEN + (genl ? Netlink.GENL_HDRLEN : 0);
        StructDef header = op == null || op.fixedHeader() == null ? null : family.structs().get(op.fixedHeader());
        if (header != null) {
            start += Netlink.align(header.size());
        }
        return new MessageLayout(cmd, dump, op, Math.min(start, message.length()));
    }

    /** {@code linkmodes-set (do)}, {@code command 42 (dump)}. */
    String describe() {
        return (op != null ? op.name() : "command " + cmd) + (dump ? " (dump)" : " (do)");
    }
}
