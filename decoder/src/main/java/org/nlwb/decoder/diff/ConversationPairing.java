package org.nlwb.decoder.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;

/**
 * Which message of one conversation goes with which of the other.
 *
 * <ul>
 * <li>Requests (NLM_F_REQUEST set, or sent to the kernel) are paired by protocol, message class,
 *     type and generic netlink command, the n-th of a kind on the left with the n-th on the right.
 * <li>Replies belong to the latest request before them with their nlmsg_seq (seq and port id 0
 *     from the kernel is a notification, never a reply); the n-th reply to a left request goes
 *     with the n-th reply to its paired right request.
 * <li>What is left (notifications, replies to unpaired requests, replies without a request) is
 *     paired by kind and order among what is left.
 * </ul>
 * The pairs come in the order of the left conversation; a message only the right one has comes
 * just before the first pair whose right message follows it.
 */
public final class ConversationPairing {
    /** Positions in the two lists given (not capture indexes); -1 for the side that lacks it. */
    public record Pair(int left, int right) {
    }

    private ConversationPairing() {
    }

    public static List<Pair> pair(List<DecodedMessage> left, List<DecodedMessage> right) {
        Roles l = Roles.of(left);
        Roles r = Roles.of(right);
        int[] partner = new int[left.size()];
        java.util.Arrays.fill(partner, -1);
        boolean[] taken = new boolean[right.size()];
        byOrder(l.requests, r.requests, partner, taken);
        for (int i = 0; i < left.size(); i++) {
            if (partner[i] >= 0 && l.replies.containsKey(i)) {
                byPosition(l.replies.get(i), r.replies.getOrDefault(partner[i], List.of()), partner, taken);
            }
        }
        byOrder(rest(l.keys, partner, null), rest(r.keys, null, taken), partner, taken);
        return merge(partner, taken);
    }

    /** Messages by kind, in order; the n-th of each kind on both sides become pairs. */
    private static void byOrder(Map<String, List<Integer>> l, Map<String, List<Integer>> r, int[] partner, boolean[] taken) {
        for (Map.Entry<String, List<Integer>> e : l.entrySet()) {
            byPosition(e.getValue(), r.getOrDefault(e.getKey(), List.of()), partner, taken);
        }
    }

    private static void byPosition(List<Integer> l, List<Integer> r, int[] partner, boolean[] taken) {
        int li = 0;
        for (int ri = 0; ri < r.size() && li < l.size(); ri++) {
            while (li < l.size() && partner[l.get(li)] >= 0) {
                li++;
            }
            if (li < l.size() && !taken[r.get(ri)]) {
                partner[l.get(li++)] = r.get(ri);
                taken[r.get(ri)] = true;
            }
        }
    }

    /** The messages of {@code keys} not paired yet. */
    private static Map<String, List<Integer>> rest(Map<String, List<Integer>> keys, int[] partner, boolean[] taken) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        keys.forEach((k, list) -> out.put(k, list.stream()
                .filter(i -> partner != null ? partner[i] < 0 : !taken[i]).toList()));
        return out;
    }

    private static List<Pair> merge(int[] partner, boolean[] taken) {
        List<Pair> out = new ArrayList<>();
        int nextRight = 0;
        for (int i = 0; i < partner.length; i++) {
            if (partner[i] >= 0) {
                for (; nextRight < partner[i]; nextRight++) {
                    if (!taken[nextRight]) {
                        out.add(new Pair(-1, nextRight));
                    }
                }
                nextRight = Math.max(nextRight, partner[i] + 1);
            }
            out.add(new Pair(i, partner[i]));
        }
        for (; nextRight < taken.length; nextRight++) {
            if (!taken[nextRight]) {
                out.add(new Pair(-1, nextRight));
            }
        }
        return out;
    }

    /** One conversation's messages by role: requests by kind, replies by their request, all by kind. */
    private static final class Roles {
        final Map<String, List<Integer>> requests = new LinkedHashMap<>();
        final Map<Integer, List<Integer>> replies = new HashMap<>();
        final Map<String, List<Integer>> keys = new LinkedHashMap<>();

        static Roles of(List<DecodedMessage> messages) {
            Roles r = new Roles();
            Map<Long, Integer> lastRequestBySeq = new HashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                DecodedMessage m = messages.get(i);
                MessageRef ref = m.ref();
                String key = key(m);
                r.keys.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                if (isRequest(ref)) {
                    r.requests.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    lastRequestBySeq.put(seqKey(ref), i);
                } else if (ref.hasHeader() && !(ref.seq() == 0 && ref.portId() == 0)) {
                    Integer request = lastRequestBySeq.get(seqKey(ref));
                    if (request != null) {
                        r.replies.computeIfAbsent(request, k -> new ArrayList<>()).add(i);
                    }
                }
            }
            return r;
        }

        private static long seqKey(MessageRef ref) {
            return ((long) ref.record().protocol() << 32) | ref.seq();
        }

        private static boolean isRequest(MessageRef ref) {
            return ref.hasHeader() && ((ref.flags() & NlFlags.REQUEST) != 0 || ref.record().direction() == Direction.TO_KERNEL);
        }

        /** Protocol, direction, class, type and genl command: what makes two messages the same kind. */
        private static String key(DecodedMessage m) {
            StringBuilder sb = new StringBuilder().append(m.ref().record().protocol()).append('/')
                    .append(isRequest(m.ref()) ? "request" : "answer").append('/')
                    .append(m.className()).append('/').append(m.typeName());
            Node genl = m.tree() == null ? null : m.tree().child("genlmsghdr");
            Node cmd = genl == null ? null : genl.child("cmd");
            if (cmd != null) {
                sb.append('/').append(cmd.value());
            }
            return sb.toString();
        }
    }
}
