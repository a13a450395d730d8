package org.nlwb.decoder.spec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * {@link OpMatch#find} for one family, each answer worked out once: it depends only on the id, the
 * direction and, to the kernel, NLM_F_DUMP, from the kernel, NLM_F_MULTI and whether the sequence
 * number is 0; so there are six answers per id, kept in an array by id. The one answer whose note
 * quotes the sequence number (an id that is both a reply and a notification, read as a reply by
 * its sequence number) is not kept. Thread-safe: a race works an answer out twice, equal both times.
 * The flag kind of each operation name is kept too.
 */
final class OpMatchCache {
    private static final int VARIANTS = 6;
    /** Ids above this are looked up each time (no netlink-raw type or genl command is near it). */
    private static final int MAX_CACHED_ID = 4095;
    /** Stands for "no operation" in the array. */
    private static final OpMatch NONE = new OpMatch(null, null, null, null, null);

    private final Family family;
    /** How the upper byte of nlmsg_flags reads for each operation name. */
    private final Map<String, FlagKind> kinds = new ConcurrentHashMap<>();
    /** The highest id of any operation: above it there is no match. */
    private final int maxId;
    private final OpMatch[] answers;

    OpMatchCache(Family family) {
        this.family = family;
        int max = -1;
        for (OpSpec op : family.operations()) {
            max = Math.max(max, Math.max(op.requestId() == null ? -1 : op.requestId(), op.replyId() == null ? -1 : op.replyId()));
        }
        this.maxId = max;
        this.answers = new OpMatch[(Math.min(max, MAX_CACHED_ID) + 1) * VARIANTS];
    }

    /** As {@link NlFlags#kindOfName}, worked out once per name. */
    FlagKind kindOf(String typeName) {
        return typeName == null ? NlFlags.kindOfName(null) : kinds.computeIfAbsent(typeName, NlFlags::kindOfName);
    }

    /** As {@link OpMatch#find}{@code (family, id, dir, flags, seq)}. */
    OpMatch find(int id, Direction dir, int flags, long seq) {
        if (id < 0 || id > maxId) {
            return null;
        }
        if (id > MAX_CACHED_ID) {
            return OpMatch.find(family, id, dir, flags, seq);
        }
        Direction d = dir;
        if (d == null || d == Direction.UNKNOWN) {
            d = (flags & NlFlags.REQUEST) != 0 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
        }
        boolean multi = (flags & NlFlags.MULTI) != 0;
        int variant = d == Direction.TO_KERNEL ? ((flags & NlFlags.DUMP) == NlFlags.DUMP ? 1 : 0)
                : 2 + (multi ? 2 : 0) + (seq != 0 ? 1 : 0);
        int slot = id * VARIANTS + variant;
        OpMatch m = answers[slot];
        if (m != null) {
            return m == NONE ? null : m;
        }
        m = OpMatch.find(family, id, dir, flags, seq);
        boolean quotesSeq = d == Direction.FROM_KERNEL && !multi && seq != 0 && m != null && m.note() != null;
        if (!quotesSeq) {
            answers[slot] = m == null ? NONE : m;
        }
        return m;
    }
}
