package org.nlwb.app.ui.compose;

import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.encode.RequestDescriber;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.replay.RequestReplay;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.Family;

/**
 * What a composer opens on a captured request, JavaFX-free: "Edit and resend" describes it by spec
 * names; "Replay" keeps its bytes and, where a spec family describes it, the description behind
 * "Raw hex" off. Either way nlmsg_seq and nlmsg_pid are the sender's to stamp (zero here) and
 * everything else — the genl version included — is as captured, so encoding gives the captured bytes.
 */
final class CapturedRequests {
    private CapturedRequests() {
    }

    /** A replay: the captured bytes, and their description by spec names or why there is none. */
    record Replay(byte[] bytes, int protocol, String family, Request described, String note) {
    }

    /** "Edit and resend" of {@code m}, read with the family {@code f} that decoded it. */
    static Request forEdit(Family f, DecodedMessage m) throws EncodeException {
        Request r = RequestDescriber.describe(f, m);
        return r.withHeader(0, 0, r.genlVersion());
    }

    /** Whether {@code ref} went to the kernel (or, direction unknown, carries NLM_F_REQUEST). */
    static boolean isRequest(MessageRef ref) {
        return ref.record().direction() == Direction.TO_KERNEL
                || ref.record().direction() == Direction.UNKNOWN && (ref.flags() & NlFlags.REQUEST) != 0;
    }

    /**
     * "Replay" of message {@code index}: its bytes always; its description when a spec family of
     * {@code catalog} describes it, else null and the reason in {@code note}.
     */
    static Replay forReplay(DecodedCapture capture, int index, SpecCatalog catalog) throws EncodeException {
        MessageRef ref = capture.message(index);
        DecodedMessage m = capture.decoded(index);
        if (!isRequest(ref)) {
            throw new EncodeException("message", "#" + (index + 1) + " (" + m.typeName() + ") is no request");
        }
        Request described = null;
        String note = null;
        try {
            described = new RequestReplay(capture.registry(), catalog).fromCapture(capture, index);
        } catch (EncodeException e) {
            note = "no description by spec names (" + e.getMessage() + "): replaying the bytes";
        }
        String family = m.className() != null && catalog.family(m.className()).isPresent() ? m.className() : null;
        return new Replay(ref.bytes().toArray(), ref.record().protocol(), family, described, note);
    }
}
