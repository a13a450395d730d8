package org.nlwb.capture.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
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
 */
public final class PolicyFetch {
    /** {@code CTRL_ATTR_OP} (linux/genetlink.h): the one operation a policy dump is about. */
    static final int CTRL_ATTR_OP = 10;

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
