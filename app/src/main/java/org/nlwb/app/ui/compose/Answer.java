package org.nlwb.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.capture.send.SendResult;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplainer;
import org.nlwb.decoder.extack.ExtAckExplanation;
import org.nlwb.decoder.extack.ExtAckExplanation.PolicyBounds;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * The kernel's answer to one send in words, and where an error points: which request message
 * (index in the conversation) and, through {@link ExtAckExplainer}, which of its attributes.
 * Works on the decoded conversation, so the node it names is the one the views show.
 *
 * @param summary      {@code ACK}, {@code 3 ACKs}, {@code 12 replies, DONE}, {@code -EINVAL (Invalid argument)}
 * @param errors       how many NLMSG_ERRORs carried an error
 * @param acks         how many NLMSG_ERRORs were ACKs (error 0)
 * @param requestIndex the request message the first error answers (or the first request), -1 when none
 * @param replyIndex   the first error's message index, or -1
 * @param explanation  the first error's ext-ACK explanation, or null
 */
public record Answer(String summary, int errors, int acks, int requestIndex, int replyIndex,
                     ExtAckExplanation explanation) {

    /** Reads the answer from {@code doc}'s messages from {@code first} on (the send's own). */
    public static Answer of(DecodedCapture doc, int first, SendResult result, SpecCatalog catalog) {
        List<Integer> requests = new ArrayList<>();
        int errors = 0;
        int acks = 0;
        int replies = 0;
        int errorAt = -1;
        int errorRequest = -1;
        boolean done = false;
        int firstError = 0;
        for (int i = first; i < doc.messageCount(); i++) {
            MessageRef ref = doc.message(i);
            if (ref.record().direction() == Direction.TO_KERNEL) {
                requests.add(i);
                continue;
            }
            if (!ref.hasHeader() || ref.record().location() != null && ref.record().location().endsWith("notification")) {
                continue;
            }
            int type = ref.bytes().u16le(4);
            if (type == ControlType.ERROR && ref.length() >= 20) {
                int e = ref.bytes().s32le(16);
                if (e == 0) {
                    acks++;
                } else {
                    errors++;
                    if (errorAt < 0) {
                        errorAt = i;
                        firstError = e;
                        errorRequest = requestBySeq(doc, requests, ref.seq());
                    }
                }
            } else if (type == ControlType.DONE) {
                done = true;
            } else {
                replies++;
            }
        }
        int request = errorRequest >= 0 ? errorRequest : requests.isEmpty() ? -1 : requests.get(0);
        ExtAckExplanation why = errorAt < 0 ? null : explain(doc, errorAt, request, catalog);
        String summary = summary(result, firstError, errors, acks, replies, done);
        return new Answer(summary, errors, acks, request, errorAt, why);
    }

    private static int requestBySeq(DecodedCapture doc, List<Integer> requests, long seq) {
        for (int i : requests) {
            if (doc.message(i).hasHeader() && doc.message(i).seq() == seq) {
                return i;
            }
        }
        return requests.isEmpty() ? -1 : requests.get(0);
    }

    private static ExtAckExplanation explain(DecodedCapture doc, int reply, int request, SpecCatalog catalog) {
        DecodedMessage req = request < 0 ? null : doc.decoded(request);
        Family f = req == null || req.className() == null ? null : catalog.family(req.className()).orElse(null);
        OpSpec op = null;
        if (f != null && req.tree().type() != null) {
            int type = req.tree().type();
            op = f.operations().stream().filter(o -> o.requestId() != null && o.requestId() == type).findFirst()
                    .orElse(null);
        }
        return ExtAckExplainer.explain(doc.decoded(reply), req, f, op).orElse(null);
    }

    private static String summary(SendResult result, int error, int errors, int acks, int replies, boolean done) {
        StringBuilder sb = new StringBuilder();
        if (errors > 0) {
            sb.append(Errno.signedName(error));
            String text = Errno.text(error);
            if (text != null) {
                sb.append(" (").append(text).append(')');
            }
            if (errors > 1) {
                sb.append(", ").append(errors).append(" errors");
            }
        }
        if (replies > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(replies).append(replies == 1 ? " reply" : " replies");
        }
        if (done) {
            sb.append(sb.isEmpty() ? "" : ", ").append("DONE");
        }
        if (acks > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(acks == 1 ? "ACK" : acks + " ACKs");
        }
        if (result.ending() != SendResult.Ending.COMPLETE) {
            sb.append(sb.isEmpty() ? "" : "; ").append(result.ending().name().toLowerCase(java.util.Locale.ROOT))
                    .append(": ").append(result.note());
        }
        return sb.isEmpty() ? "no answer" : sb.toString();
    }

    /** The ext-ACK lines: message, where it points, what was missing, the policy's bounds. */
    public List<String> details() {
        List<String> out = new ArrayList<>();
        if (explanation == null) {
            return out;
        }
        if (explanation.message() != null) {
            out.add("Kernel says: " + explanation.message());
        }
        if (explanation.pointer() != null) {
            out.add("Points at: " + explanation.pointer().describe() + " (offset " + explanation.pointer().offset() + ")");
        }
        if (explanation.missing() != null) {
            out.add("Missing: " + explanation.missing().describe());
        }
        if (explanation.policy() != null) {
            out.add("Policy: " + bounds(explanation.policy()));
        }
        return out;
    }

    static String bounds(PolicyBounds p) {
        List<String> b = new ArrayList<>();
        if (p.type() != null) {
            b.add(p.type());
        }
        if (p.minValue() != null || p.maxValue() != null) {
            b.add("value " + (p.minValue() == null ? "" : p.minValue()) + ".." + (p.maxValue() == null ? "" : p.maxValue()));
        }
        if (p.minLength() != null || p.maxLength() != null) {
            b.add("length " + (p.minLength() == null ? "" : p.minLength()) + ".."
                    + (p.maxLength() == null ? "" : p.maxLength()));
        }
        if (p.mask() != null) {
            b.add("mask 0x" + Long.toHexString(p.mask().longValue()));
        }
        return String.join(", ", b);
    }
}
