package org.nlwb.capture.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.policy.PolicyDumpReader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * Asks a session's kernel for a generic netlink family's attribute policy: a CTRL_CMD_GETPOLICY
 * dump (CTRL_ATTR_FAMILY_NAME, and CTRL_ATTR_OP for one operation) on a generic netlink socket of
 * the session's namespace. A read-only question: it changes no state, so the host namespace
 * ({@link SendTarget#host()}) serves as well as any (policies belong to the kernel, not to a
 * namespace).
 *
 * <p>A whole-family dump names an operation that has no do form command 0 (the kernel writes the
 * empty do handler's command); such operations are found in the family's CTRL_CMD_GETFAMILY reply
 * (a dump handler and a policy, no do handler) and asked for one by one, so the result files them
 * under their own commands.
 */
public final class PolicyFetch {
    /** {@code CTRL_ATTR_OP} (linux/genetlink.h): the one operation a policy dump is about. */
    static final int CTRL_ATTR_OP = 10;
    private static final int CTRL_ATTR_OPS = 6;
    private static final int CTRL_ATTR_OP_ID = 1;
    private static final int CTRL_ATTR_OP_FLAGS = 2;
    private static final long GENL_CMD_CAP_DO = 0x02;
    private static final long GENL_CMD_CAP_DUMP = 0x04;
    private static final long GENL_CMD_CAP_HASPOL = 0x08;

    private PolicyFetch() {
    }

    /**
     * A family's policy and the dump conversation that told it.
     *
     * @param exchange the GETPOLICY request, its replies and DONE (for a capture, {@code --write})
     */
    public record Fetched(KernelPolicy policy, SendResult exchange) {
    }

    /**
     * The policy of {@code family} ({@code cmd} null: every operation), decoded through
     * {@code registry} (its nlctrl spec names the replies).
     *
     * @throws IOException when the kernel has no such family or no policy for it (the message names
     *                     the errno), or does not answer
     */
    public static Fetched fetch(SendSession session, String family, Integer cmd, Registry registry) throws IOException {
        Fetched f = dump(session, family, cmd, registry);
        if (cmd != null || f.policy().operation(0).isEmpty()) {
            return f;
        }
        // a whole-family dump names an operation without a do form command 0: ask for each by its own
        KernelPolicy p = f.policy().without(0);
        for (int dumpOnly : dumpOnlyCommands(session.genlFamily(family).exchange())) {
            p = p.with(dump(session, family, dumpOnly, registry).policy());
        }
        return new Fetched(p, f.exchange());
    }

    /** The commands the family's CTRL_CMD_GETFAMILY reply lists with a dump handler, a policy and no do handler. */
    static List<Integer> dumpOnlyCommands(SendResult getfamily) {
        List<Integer> out = new ArrayList<>();
        for (ByteView m : getfamily.replyMessages()) {
            if (m.length() <= Netlink.NLMSG_HDRLEN + Netlink.GENL_HDRLEN || m.u16le(4) != Netlink.GENL_ID_CTRL) {
                continue;
            }
            AttributeCursor top = AttributeCursor.over(m, Netlink.NLMSG_HDRLEN + Netlink.GENL_HDRLEN, m.length());
            while (top.next()) {
                if (top.type() != CTRL_ATTR_OPS) {
                    continue;
                }
                AttributeCursor op = new AttributeCursor(top.payload());
                while (op.next()) {
                    long id = -1;
                    long flags = 0;
                    AttributeCursor a = new AttributeCursor(op.payload());
                    while (a.next()) {
                        if (a.payload().length() >= 4) {
                            id = a.type() == CTRL_ATTR_OP_ID ? a.payload().u32le(0) : id;
                            flags = a.type() == CTRL_ATTR_OP_FLAGS ? a.payload().u32le(0) : flags;
                        }
                    }
                    if (id > 0 && (flags & (GENL_CMD_CAP_DO | GENL_CMD_CAP_DUMP | GENL_CMD_CAP_HASPOL))
                            == (GENL_CMD_CAP_DUMP | GENL_CMD_CAP_HASPOL)) {
                        out.add((int) id);
                    }
                }
            }
        }
        return out;
    }

    private static Fetched dump(SendSession session, String family, Integer cmd, Registry registry) throws IOException {
        MessageWriter w = MessageWriter.message(Netlink.GENL_ID_CTRL, NlFlags.REQUEST | NlFlags.ACK | NlFlags.DUMP)
                .u8(Netlink.CTRL_CMD_GETPOLICY).u8(1).u16(0)
                .attrString(Netlink.CTRL_ATTR_FAMILY_NAME, family);
        if (cmd != null) {
            w.attrU32(CTRL_ATTR_OP, cmd);
        }
        SendResult r = session.send(SendRequest.of(Protocol.GENERIC, w.build()).withFixUp(true));
        if (r.ending() != SendResult.Ending.COMPLETE) {
            throw new IOException("the policy dump of " + family + " in " + session.where() + ": " + r.note());
        }
        if (r.error() != 0) {
            throw new IOException("the kernel has no policy of " + family + (cmd != null ? " command " + cmd : "")
                    + ": " + Errno.signedName(r.error()) + (Errno.text(r.error()) != null ? " (" + Errno.text(r.error()) + ")" : ""));
        }
        List<Node> trees = new ArrayList<>();
        for (DecodedMessage m : DecodedCapture.of(r.toCapture("nlwb policy " + family), registry).messages()) {
            if (m.ref().record().direction() == Direction.FROM_KERNEL) {
                trees.add(m.tree());
            }
        }
        return new Fetched(PolicyDumpReader.read(family, trees, cmd), r);
    }
}
