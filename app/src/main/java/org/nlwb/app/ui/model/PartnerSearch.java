package org.nlwb.app.ui.model;

import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;

/**
 * The other half of a request/answer pair, by nlmsg_seq: for a reply, the latest earlier request
 * with its seq; for a request, the first answer with its seq (a reply, or the ACK / error). Any
 * thread: it reads refs and records, decodes nothing; each message looked at is a ref made and a
 * record read, so the window looks {@link #NEAR} first and farther in the background.
 */
public final class PartnerSearch {
    /** How far back a reply looks for its request (and a request ahead for its answer). */
    public static final int MATCH_WINDOW = 100_000;
    /** How far the first look goes; farther is a second, slower look. */
    public static final int NEAR = 2048;
    /** Not found within the distance asked; farther may hold it. */
    public static final int FARTHER = -2;

    private final CaptureDocument document;

    public PartnerSearch(CaptureDocument document) {
        this.document = document;
    }

    /** The partner of {@code ref} within {@link #MATCH_WINDOW}, or -1; {@code known}: the messages indexed so far. */
    public int partnerOf(MessageRef ref, int known) {
        int p = search(ref, known, 1, MATCH_WINDOW);
        return p == FARTHER ? -1 : p;
    }

    /**
     * The partner among messages {@code from} to {@code to} away (inclusive) of the first
     * {@code known}: its index, -1 when there is none, or {@link #FARTHER} when it may be farther
     * away. Never waits for a file still being indexed (it looks only at the {@code known}).
     */
    public int search(MessageRef ref, int known, int from, int to) {
        if (!ref.hasHeader() || ref.seq() == 0 && ref.portId() == 0 && ref.record().direction() == Direction.FROM_KERNEL) {
            return -1;
        }
        Direction d = ref.record().direction();
        if (d == Direction.FROM_KERNEL) {
            return requestBefore(ref, from, to);
        }
        return d == Direction.TO_KERNEL ? answerAfter(ref, known, from, to) : -1;
    }

    private int requestBefore(MessageRef ref, int from, int to) {
        long seq = ref.seq();
        int stop = Math.max(0, ref.index() - to);
        for (int i = ref.index() - from; i >= stop; i--) {
            MessageRef r = document.message(i);
            if (r.record().direction() == Direction.TO_KERNEL && r.hasHeader() && r.seq() == seq) {
                return i;
            }
        }
        return stop > 0 && to < MATCH_WINDOW ? FARTHER : -1;
    }

    private int answerAfter(MessageRef ref, int known, int from, int to) {
        long seq = ref.seq();
        int stop = (int) Math.min(known - 1L, (long) ref.index() + to);
        for (int i = ref.index() + from; i <= stop; i++) {
            MessageRef r = document.message(i);
            if (r.record().direction() == Direction.FROM_KERNEL && r.hasHeader() && r.seq() == seq) {
                return i;
            }
            if (r.record().direction() == Direction.TO_KERNEL && r.hasHeader() && r.seq() == seq) {
                return -1;
            }
        }
        return stop < known - 1 && to < MATCH_WINDOW ? FARTHER : -1;
    }
}
