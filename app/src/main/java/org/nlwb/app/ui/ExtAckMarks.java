package org.nlwb.app.ui;

import org.nlwb.app.ui.view.MessagePane;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplainer;
import org.nlwb.decoder.extack.ExtAckExplanation;
import org.nlwb.decoder.tree.Node;

/**
 * Shows in a capture's panes what an error's extended ACK points at: NLMSGERR_ATTR_OFFS is a
 * byte offset into the request, which a person cannot place from the number. The request's
 * attribute at that offset is marked in its tree (tooltip: the kernel rejected it, and why, in
 * the words {@code nlwb send} uses), and the reply's OFFS node says which attribute it is.
 */
final class ExtAckMarks {
    private ExtAckMarks() {
    }

    /**
     * Marks {@code request}'s attribute that {@code reply}'s ext-ACK points at, in the panes
     * showing them; returns the marked request node, or null when the reply points at none.
     */
    static Node mark(MessagePane requestPane, DecodedMessage request, MessagePane replyPane, DecodedMessage reply) {
        ExtAckExplanation why = ExtAckExplainer.explain(reply, request, null, null).orElse(null);
        if (why == null || why.pointer() == null || !why.pointer().insideRequest()) {
            return null;
        }
        Node target = why.pointer().node();
        requestPane.tree().mark(target, rejected(why));
        Node offs = reply.tree().child("NLMSGERR_ATTR_OFFS");
        if (offs != null) {
            replyPane.tree().mark(offs, "offset " + why.pointer().offset() + " of the request (#" + request.ref().index()
                    + ") is " + why.pointer().describe());
        }
        return target;
    }

    /** {@code The kernel rejected IFLA_LINKINFO: -EOPNOTSUPP (Operation not supported) "Unknown device type"}. */
    static String rejected(ExtAckExplanation why) {
        StringBuilder sb = new StringBuilder("The kernel rejected ").append(why.pointer().describe());
        if (why.errnoName() != null) {
            sb.append(": ").append(why.errnoName());
            if (why.errnoText() != null) {
                sb.append(" (").append(why.errnoText()).append(')');
            }
        }
        if (why.message() != null) {
            sb.append(why.errnoName() != null ? " " : ": ").append('"').append(why.message()).append('"');
        }
        return sb.toString();
    }
}
