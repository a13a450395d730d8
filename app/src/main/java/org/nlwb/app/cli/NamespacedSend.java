package org.nlwb.app.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.send.GenlLookup;
import org.nlwb.capture.send.SendRequest;
import org.nlwb.capture.send.SendResult;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.model.Capture;

/**
 * Sends one {@link SendPlan} where {@code nlwb send} was told to, through a {@link SendSession}:
 * by default a throwaway namespace (ip netns as root, an unprivileged user + network namespace
 * held by a namespace agent otherwise; removed at the end, on SIGINT/SIGTERM, and, for the
 * agent, whatever kills nlwb), a named namespace, or the host. NETLINK_EXT_ACK and
 * NETLINK_CAP_ACK are set.
 *
 * <p>Before the datagram is built, every generic netlink family it names is looked up by name
 * in the target's kernel (ids are given out at run time, so a replayed request's id is not the
 * target's), and the {@code --subscribe} groups are resolved; those look-ups' conversations go
 * into the outcome's capture first, so the decoder can name the family ids.
 */
final class NamespacedSend {
    private final SendTarget target;
    private final int timeoutMillis;
    private final List<String> subscribe;

    /**
     * What one send produced.
     *
     * @param capture     the look-ups, then the send's conversation (request, replies, notifications)
     * @param firstRecord the record index in {@code capture} where the send's own conversation starts
     * @param where       {@code throwaway namespace nlwb-tmp-…}, {@code namespace NAME}, {@code host namespace}
     * @param groups      the multicast groups listened to while sending
     */
    record Outcome(Capture capture, int firstRecord, SendResult result, String where, List<MulticastGroup> groups) {
        Outcome {
            groups = List.copyOf(groups);
        }
    }

    /** @param subscribe {@code --subscribe} group names; empty for none */
    NamespacedSend(SendTarget target, int timeoutMillis, List<String> subscribe) {
        this.target = target;
        this.timeoutMillis = timeoutMillis;
        this.subscribe = List.copyOf(subscribe);
    }

    /**
     * Opens the session, looks up ids and groups, sends, collects the answer, closes the session.
     *
     * @throws IOException    the target cannot be had (no such namespace, no user namespaces
     *                        allowed, and why), a family is unknown there, or the kernel refused
     *                        the datagram at sendto
     * @throws UsageError     a {@code --subscribe} group the target's kernel does not have
     * @throws EncodeException a description the encoder refuses with the real family id
     */
    Outcome send(SendPlan plan, MessageEncoder encoder) throws IOException, UsageError, EncodeException {
        try (SendSession session = SendSession.open(target)) {
            Capture capture = new Capture("nlwb send " + plan.title(), "live");
            Map<String, SendPlan.GenlId> ids = new HashMap<>();
            for (String name : plan.genlFamilies()) {
                GenlLookup found = session.genlFamily(name);
                found.exchange().appendTo(capture);
                ids.put(name, new SendPlan.GenlId(found.family().id(), found.family().version()));
            }
            List<MulticastGroup> groups = SubscribeGroups.resolve(plan.protocol(), subscribe, session, capture);
            List<Integer> numbers = new ArrayList<>();
            groups.forEach(g -> numbers.add(g.id()));
            byte[] datagram = plan.datagram(encoder, ids::get);
            SendResult result = session.send(SendRequest.of(plan.protocol(), datagram).withAcks(true, true)
                    .withFixUp(plan.fixUp()).withGroups(numbers).withTimeout(timeoutMillis));
            int first = capture.recordCount();
            result.appendTo(capture);
            return new Outcome(capture, first, result, session.where(), groups);
        }
    }
}
