package org.nlwb.decoder.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;

/**
 * Compares two messages or two conversations under a set of noise rules: the trees with
 * {@link TreeDiff}, what the capture says besides the bytes ({@code @time}, {@code @pid}) as
 * {@link DiffKind#METADATA}, and for conversations the pairs {@link ConversationPairing} makes.
 */
public final class ConversationDiffer {
    private final NoiseRules rules;
    private final TreeDiff trees;

    public ConversationDiffer(NoiseRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.trees = new TreeDiff(rules);
    }

    public NoiseRules rules() {
        return rules;
    }

    /** Every message of each capture, paired and compared. */
    public ConversationDiff compare(DecodedCapture left, DecodedCapture right) {
        return compare(all(left), all(right));
    }

    /** Two lists of messages (two captures, two ranges of one), paired and compared. */
    public ConversationDiff compare(List<DecodedMessage> left, List<DecodedMessage> right) {
        List<MessageDiff> out = new ArrayList<>();
        ConversationPairing.Cost cost = (l, r) -> compare(l, r).counted(false).size();
        for (ConversationPairing.Pair p : ConversationPairing.pair(left, right, cost)) {
            DecodedMessage l = p.left() >= 0 ? left.get(p.left()) : null;
            DecodedMessage r = p.right() >= 0 ? right.get(p.right()) : null;
            out.add(l != null && r != null ? compare(l, r) : alone(l, r));
        }
        return new ConversationDiff(out, rules);
    }

    /** Two messages compared, whatever they are. */
    public MessageDiff compare(DecodedMessage left, DecodedMessage right) {
        List<Difference> d = new ArrayList<>(metadata(left.ref().record(), right.ref().record()));
        d.addAll(trees.compare(left.tree(), right.tree()));
        return new MessageDiff(left.ref().index(), right.ref().index(), left.tree(), right.tree(), d);
    }

    /** A message only one conversation has: one difference, the whole message. */
    private MessageDiff alone(DecodedMessage l, DecodedMessage r) {
        DecodedMessage m = l != null ? l : r;
        String path = m.tree().name();
        Side side = Side.of(m.tree());
        Difference d = new Difference(l != null ? DiffKind.REMOVED : DiffKind.ADDED, path,
                l != null ? side : null, r != null ? side : null, rules.covering(path));
        return new MessageDiff(l != null ? l.ref().index() : -1, r != null ? r.ref().index() : -1,
                l != null ? l.tree() : null, r != null ? r.tree() : null, List.of(d));
    }

    private List<Difference> metadata(Record l, Record r) {
        List<Difference> out = new ArrayList<>();
        if (l.timeNanos() != r.timeNanos()) {
            out.add(meta("@time", Times.text(l.timeNanos()), Times.text(r.timeNanos())));
        }
        if (l.pid() != r.pid()) {
            out.add(meta("@pid", Integer.toString(l.pid()), Integer.toString(r.pid())));
        }
        return out;
    }

    private Difference meta(String path, String l, String r) {
        return new Difference(DiffKind.METADATA, path, Side.text(l), Side.text(r), rules.covering(path));
    }

    private static List<DecodedMessage> all(DecodedCapture c) {
        List<DecodedMessage> out = new ArrayList<>(c.messageCount());
        c.messages().forEach(out::add);
        return out;
    }

    /** Record times as text. */
    private static final class Times {
        static String text(long nanos) {
            return nanos < 0 ? "unknown" : java.time.Instant.ofEpochSecond(0, nanos).toString();
        }
    }
}
