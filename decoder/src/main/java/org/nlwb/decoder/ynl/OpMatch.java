package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;

/**
 * Which operation of a family a message is, and in which role: an id may be a request of one
 * operation, the reply of another and a notification of a third ({@code RTM_NEWLINK} = 16 is the
 * newlink request, the getlink reply and the newlink-ntf notification), so the choice is made by
 * direction and context, never by "last one wins".
 *
 * <p>Direction comes from the record; when the source does not say, NLM_F_REQUEST decides (the
 * kernel never sets it). To the kernel, NLM_F_DUMP picks the dump form. From the kernel, a
 * message with NLM_F_MULTI or a non-zero sequence number answers a request (a reply); one with
 * sequence 0 is unsolicited (a notification or event). When the preferred role has no operation
 * the other is taken and the match says it was a guess.
 *
 * @param role  {@code do request}, {@code dump request}, {@code do reply}, {@code dump reply},
 *              {@code notification}, {@code event}
 * @param note  why an ambiguous id was read this way, or null
 */
public record OpMatch(OpSpec op, Direction direction, String role, String typeName, String note) {

    /** Finds the operation for message id {@code id}; null when the family has none with that id. */
    public static OpMatch find(Family family, int id, Direction dir, int flags, long seq) {
        Direction d = dir;
        if (d == null || d == Direction.UNKNOWN) {
            d = (flags & NlFlags.REQUEST) != 0 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
        }
        if (d == Direction.TO_KERNEL) {
            boolean dump = (flags & NlFlags.DUMP) == NlFlags.DUMP;
            String mode = dump ? "dump request" : "do request";
            OpSpec first = null;
            for (OpSpec op : family.operations()) {
                if (op.requestId() != null && op.requestId() == id) {
                    if (op.attributeLists().containsKey(mode)) {
                        return new OpMatch(op, d, mode, op.toKernelName(), null);
                    }
                    if (first == null) {
                        first = op;
                    }
                }
            }
            return first == null ? null : new OpMatch(first, d, mode, first.toKernelName(), null);
        }
        List<OpSpec> replies = new ArrayList<>();
        List<OpSpec> async = new ArrayList<>();
        for (OpSpec op : family.operations()) {
            if (op.replyId() != null && op.replyId() == id) {
                (op.isAsync() ? async : replies).add(op);
            }
        }
        if (replies.isEmpty() && async.isEmpty()) {
            return null;
        }
        boolean multi = (flags & NlFlags.MULTI) != 0;
        boolean answer = multi || seq != 0;
        boolean ambiguous = !replies.isEmpty() && !async.isEmpty();
        if (async.isEmpty() || answer && !replies.isEmpty()) {
            OpSpec op = pickReply(replies, multi);
            String note = ambiguous ? "id " + id + " is also the " + async.get(0).name() + " notification; "
                    + (multi ? "NLM_F_MULTI" : "sequence number " + seq) + " makes this the " + op.name() + " reply" : null;
            return new OpMatch(op, d, multi ? "dump reply" : "do reply", op.fromKernelName(), note);
        }
        OpSpec op = async.get(0);
        String role = op.kind() == OpSpec.Kind.EVENT ? "event" : "notification";
        String note = ambiguous ? "id " + id + " is also the " + replies.get(0).name()
                + " reply; sequence number 0 without NLM_F_MULTI makes this the " + op.name() + " " + role : null;
        return new OpMatch(op, d, role, op.fromKernelName(), note);
    }

    private static OpSpec pickReply(List<OpSpec> replies, boolean multi) {
        String mode = multi ? "dump reply" : "do reply";
        for (OpSpec op : replies) {
            if (op.attributeLists().containsKey(mode)) {
                return op;
            }
        }
        return replies.get(0);
    }
}
