package org.nlwb.capture.send;

import static org.nlwb.decoder.message.Netlink.NLMSG_HDRLEN;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Protocol;

/**
 * What answers a sent datagram is still owed, message by message (as the kernel reads them, see
 * {@link KernelReads}), matched by nlmsg_seq in order (several messages may share a seq):
 * <ul>
 *   <li>a message with NLM_F_ACK is owed an NLMSG_ERROR (an ACK, or its error); a multi-part
 *       reply's NLMSG_DONE comes before that ACK and does not end it;</li>
 *   <li>a request with both NLM_F_ROOT and NLM_F_MATCH (NLM_F_DUMP) is owed the NLMSG_DONE or
 *       NLMSG_ERROR that ends the dump, NLM_F_ACK or not (the kernel acks no dump);</li>
 *   <li>any other message is owed nothing: the kernel answers a plain request, if at all, while
 *       it is being sent, so its reply is already there when the sending returns. nfnetlink's
 *       BATCH_BEGIN/END without NLM_F_ACK are such messages.</li>
 * </ul>
 * A non-GET request with REPLACE|EXCL has the same bits as NLM_F_DUMP and is taken for a dump:
 * without NLM_F_ACK it then waits for a DONE until the timeout. Not thread-safe.
 */
final class Expectations {
    private static final int NFNL_MSG_BATCH_BEGIN = 0x10;
    private static final int NFNL_MSG_BATCH_END = 0x11;

    /** A message still owed its end. */
    private record Owed(KernelReads.Header header, boolean dump) {
    }

    private final List<Owed> owed = new ArrayList<>();
    private final int asked;
    private final int messages;

    private Expectations(List<Owed> owed, int messages) {
        this.owed.addAll(owed);
        this.asked = owed.size();
        this.messages = messages;
    }

    static Expectations of(byte[] datagram, int protocol) {
        List<Owed> owed = new ArrayList<>();
        List<KernelReads.Header> headers = KernelReads.of(datagram);
        for (KernelReads.Header h : headers) {
            boolean ack = (h.flags() & NlFlags.ACK) != 0;
            boolean request = (h.flags() & NlFlags.REQUEST) != 0;
            boolean batchMark = protocol == Protocol.NETFILTER
                    && (h.type() == NFNL_MSG_BATCH_BEGIN || h.type() == NFNL_MSG_BATCH_END);
            boolean dump = request && !batchMark && h.type() >= ControlType.MIN_TYPE
                    && (h.flags() & NlFlags.DUMP) == NlFlags.DUMP;
            if (ack || dump) {
                owed.add(new Owed(h, dump));
            }
        }
        return new Expectations(owed, headers.size());
    }

    /** Takes one answering message (rebased to its nlmsghdr): an ERROR or DONE ends what it answers. */
    void accept(ByteView m) {
        if (m.length() < NLMSG_HDRLEN) {
            return;
        }
        int type = m.u16le(4);
        if (type != ControlType.ERROR && type != ControlType.DONE) {
            return;
        }
        int seq = (int) m.u32le(8);
        for (Iterator<Owed> it = owed.iterator(); it.hasNext(); ) {
            Owed o = it.next();
            if (o.header().seq() == seq && (type == ControlType.ERROR || o.dump())) {
                it.remove();
                return;
            }
        }
    }

    boolean satisfied() {
        return owed.isEmpty();
    }

    /** How many messages asked for an end (an ACK or a DONE). */
    int asked() {
        return asked;
    }

    /** How many messages of the datagram the kernel reads. */
    int messages() {
        return messages;
    }

    /** {@code the ACK of message 2 of 3 (seq 7), the DONE of message 3 of 3 (seq 8)}. */
    String describeOwed() {
        List<String> parts = new ArrayList<>();
        for (Owed o : owed) {
            parts.add("the " + (o.dump() ? "DONE" : "ACK") + " of message " + (o.header().index() + 1) + " of " + messages
                    + " (seq " + Integer.toUnsignedString(o.header().seq()) + ")");
        }
        return String.join(", ", parts);
    }
}
