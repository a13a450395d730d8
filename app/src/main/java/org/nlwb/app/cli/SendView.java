package org.nlwb.app.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.send.SendResult;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplainer;
import org.nlwb.decoder.extack.ExtAckExplanation;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.spec.SpecCatalog;

/**
 * One send's conversation as {@code nlwb send} shows it: the request's messages, the replies
 * each with the explanation of its extended ACK against the request message it answers (matched
 * by nlmsg_seq, in order, so each message of a batch gets its own), and the notifications of the
 * subscribed groups. The look-ups before the send are in the capture, not here.
 *
 * @param acks per reply, its explanation or null
 */
record SendView(String title, String where, int bytes, List<DecodedMessage> requests, List<DecodedMessage> replies,
                List<ExtAckExplanation> acks, List<DecodedMessage> notifications, List<MulticastGroup> groups,
                SendResult result) {

    SendView {
        requests = List.copyOf(requests);
        replies = List.copyOf(replies);
        acks = java.util.Collections.unmodifiableList(new ArrayList<>(acks));
        notifications = List.copyOf(notifications);
        groups = List.copyOf(groups);
    }

    /** The view of {@code o}, decoded by {@code decoded} (a decoding of {@code o.capture()}). */
    static SendView of(String title, NamespacedSend.Outcome o, DecodedCapture decoded, SpecCatalog catalog) {
        List<DecodedMessage> requests = new ArrayList<>();
        List<DecodedMessage> replies = new ArrayList<>();
        List<DecodedMessage> notifications = new ArrayList<>();
        for (int i = 0; i < decoded.messageCount(); i++) {
            MessageRef ref = decoded.message(i);
            if (ref.recordIndex() < o.firstRecord()) {
                continue;
            }
            DecodedMessage m = decoded.decodeUncached(i);
            if (ref.record().location().endsWith(": notification")) {
                notifications.add(m);
            } else if (ref.record().direction() == Direction.TO_KERNEL) {
                requests.add(m);
            } else {
                replies.add(m);
            }
        }
        List<ExtAckExplanation> acks = explain(requests, replies, catalog);
        return new SendView(title, o.where(), o.result().request().length, requests, replies, acks, notifications,
                o.groups(), o.result());
    }

    /** Each reply's explanation, against the request message of the same seq not yet answered by an NLMSG_ERROR. */
    static List<ExtAckExplanation> explain(List<DecodedMessage> requests, List<DecodedMessage> replies,
                                           SpecCatalog catalog) {
        List<ExtAckExplanation> out = new ArrayList<>();
        Set<Integer> answered = new HashSet<>(); // message indices
        for (DecodedMessage reply : replies) {
            DecodedMessage request = answering(requests, reply, answered);
            if (request != null && reply.ref().type() == ControlType.ERROR) {
                answered.add(request.ref().index());
            }
            Family f = request == null ? null : family(catalog, request);
            OpSpec op = f == null ? null : operation(f, request);
            out.add(ExtAckExplainer.explain(reply, request, f, op).orElse(null));
        }
        return out;
    }

    private static DecodedMessage answering(List<DecodedMessage> requests, DecodedMessage reply,
                                            Set<Integer> answered) {
        DecodedMessage last = null;
        for (DecodedMessage r : requests) {
            if (r.ref().seq() == reply.ref().seq()) {
                if (!answered.contains(r.ref().index())) {
                    return r;
                }
                last = r;
            }
        }
        return last != null ? last : requests.size() == 1 ? requests.get(0) : null;
    }

    private static Family family(SpecCatalog catalog, DecodedMessage request) {
        return request.className() == null ? null : catalog.family(request.className()).orElse(null);
    }

    /** The operation a request message is in its spec family (for generic netlink, by genlmsghdr cmd). */
    private static OpSpec operation(Family f, DecodedMessage request) {
        MessageRef ref = request.ref();
        ByteView b = ref.bytes();
        int id = f.schema().isGeneric() ? (b.length() > 16 ? b.u8(16) : -1) : ref.type();
        OpMatch m = id < 0 ? null : OpMatch.find(f, id, Direction.TO_KERNEL, ref.flags(), ref.seq());
        return m == null ? null : m.op();
    }

    /** {@code 1 reply}, {@code 3 replies}. */
    static String count(int n, String one, String many) {
        return Plain.count(n, one, many);
    }
}
