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
 * "By order" pairs as many as the shorter side has, in order. When one side has more of a kind
 * (ip's RTM_NEWLINK probe before the real RTM_NEWLINK), which ones stay alone is chosen by a
 * {@link Cost} (how different two messages are): the in-order pairing of least total cost, so the
 * probe meets the probe. Above {@link #MAX_ALIGNED} candidate pairs in one kind, plain order.
 * The pairs come in the order of the left conversation; a message only the right one has comes
 * just before the first pair whose right message follows it.
 */
public final class ConversationPairing {
    /** Positions in the two lists given (not capture indexes); -1 for the side that lacks it. */
    public record Pair(int left, int right) {
    }

    /** How different two messages are (0: the same); used only to choose which ones stay alone. */
    @FunctionalInterface
    public interface Cost {
        int of(DecodedMessage left, DecodedMessage right);
    }

    /** Kinds with more candidate pairs than this (left × right) are paired in plain order. */
    public static final int MAX_ALIGNED = 4096;

    /** Every unpaired message costs more than any pair, so the shorter side is always paired in full. */
    private static final long ALONE = 1L << 40;

    private ConversationPairing() {
    }

    /** Pairs in plain order within each kind. */
    public static List<Pair> pair(List<DecodedMessage> left, List<DecodedMessage> right) {
        return pair(left, right, null);
    }

    /** Pairs as the class says, {@code cost} choosing which messages of a kind stay alone (null: plain order). */
    public static List<Pair> pair(List<DecodedMessage> left, List<DecodedMessage> right, Cost cost) {
        Roles l = Roles.of(left);
        Roles r = Roles.of(right);
        Matching m = new Matching(left, right, cost);
        m.byKind(l.requests, r.requests);
        for (int i = 0; i < left.size(); i++) {
            if (m.partner[i] >= 0 && l.replies.containsKey(i)) {
                m.align(l.replies.get(i), r.replies.getOrDefault(m.partner[i], List.of()));
            }
        }
        m.byKind(rest(l.keys, m.partner, null), rest(r.keys, null, m.taken));
        return merge(m.partner, m.taken);
    }

    /** The pairs made so far, and how to make more. */
    private static final class Matching {
        final int[] partner;
        final boolean[] taken;
        private final List<DecodedMessage> left;
        private final List<DecodedMessage> right;
        private final Cost cost;

        Matching(List<DecodedMessage> left, List<DecodedMessage> right, Cost cost) {
            this.left = left;
            this.right = right;
            this.cost = cost;
            partner = new int[left.size()];
            java.util.Arrays.fill(partner, -1);
            taken = new boolean[right.size()];
        }

        void byKind(Map<String, List<Integer>> l, Map<String, List<Integer>> r) {
            for (Map.Entry<String, List<Integer>> e : l.entrySet()) {
                align(e.getValue(), r.getOrDefault(e.getKey(), List.of()));
            }
        }

        /** Pairs the unpaired of {@code l} with the untaken of {@code r}, in order, at least cost. */
        void align(List<Integer> l, List<Integer> r) {
            List<Integer> ls = l.stream().filter(i -> partner[i] < 0).toList();
            List<Integer> rs = r.stream().filter(i -> !taken[i]).toList();
            int n = ls.size();
            int k = rs.size();
            if (cost == null || n == k || n == 0 || k == 0 || (long) n * k > MAX_ALIGNED) {
                for (int i = 0; i < Math.min(n, k); i++) {
                    link(ls.get(i), rs.get(i));
                }
                return;
            }
            long[][] best = new long[n + 1][k + 1];
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= k; j++) {
                    if (i == 0 || j == 0) {
                        best[i][j] = (i + j) * ALONE;
                        continue;
                    }
                    long both = best[i - 1][j - 1] + cost.of(left.get(ls.get(i - 1)), right.get(rs.get(j - 1)));
                    best[i][j] = Math.min(both, Math.min(best[i - 1][j], best[i][j - 1]) + ALONE);
                }
            }
            for (int i = n, j = k; i > 0 && j > 0; ) {
                long both = best[i - 1][j - 1] + cost.of(left.get(ls.get(i - 1)), right.get(rs.get(j - 1)));
                if (best[i][j] == both) {
                    link(ls.get(--i), rs.get(--j));
                } else if (best[i][j] == best[i - 1][j] + ALONE) {
                    i--;
                } else {
                    j--;
                }
            }
        }

        private void link(int l, int r) {
            partner[l] = r;
            taken[r] = true;
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
