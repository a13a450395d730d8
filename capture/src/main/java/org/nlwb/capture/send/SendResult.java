package org.nlwb.capture.send;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;

/**
 * One send's conversation: the request datagram as sent, every reply and notification datagram
 * with its time, as {@link Record}s in time order ({@link org.nlwb.decoder.model.Direction#TO_KERNEL}
 * for the request, {@code FROM_KERNEL} for the rest; the location says which is which:
 * {@code "send 3: request"}, {@code "send 3: reply"}, {@code "send 3: notification"}), so it shows
 * and exports like any capture. Immutable.
 *
 * @param request       the datagram as sent (after the fix-up, if one was asked for)
 * @param replies       datagrams on the request socket, in order
 * @param notifications datagrams on the listening socket (the subscribed groups), in order
 * @param overruns      receive-queue overflows on either socket: messages were lost there
 * @param ending        how the waiting ended
 * @param note          the ending in words: what was still owed, what interrupted
 */
public record SendResult(int protocol, byte[] request, List<Record> records, List<Datagram> replies,
                         List<Datagram> notifications, List<Overrun> overruns, Ending ending, String note) {

    /** How the waiting for the answer ended. */
    public enum Ending {
        /** Every ACK and DONE asked for arrived (and whatever else the kernel sent at once). */
        COMPLETE,
        /** The timeout passed with an ACK or DONE still owed; {@link #note} names it. */
        TIMEOUT,
        /** SIGINT/SIGTERM, the session closed, or the sending thread interrupted; {@link #note} says which. */
        INTERRUPTED
    }

    public SendResult {
        request = request.clone();
        records = List.copyOf(records);
        replies = List.copyOf(replies);
        notifications = List.copyOf(notifications);
        overruns = List.copyOf(overruns);
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    /** Every message of the replies, each rebased to its nlmsghdr, DONE and ERROR included. */
    public List<ByteView> replyMessages() {
        List<ByteView> out = new ArrayList<>();
        for (Datagram d : replies) {
            ByteView v = ByteView.of(d.bytes());
            for (Frame f : Framer.frames(v, protocol)) {
                if (f.kind() == FrameKind.MESSAGE) {
                    out.add(v.slice(f.offset(), f.length()).rebased());
                }
            }
        }
        return out;
    }

    /** The first non-zero NLMSG_ERROR code among the replies (negative errno), or 0. */
    public int error() {
        for (ByteView m : replyMessages()) {
            if (m.u16le(4) == ControlType.ERROR && m.length() >= 20 && m.s32le(16) != 0) {
                return m.s32le(16);
            }
        }
        return 0;
    }

    /** The answer is complete and holds no error. */
    public boolean succeeded() {
        return ending == Ending.COMPLETE && error() == 0;
    }

    /** A capture of its own: {@code format} "live", this conversation's records and diagnostics. */
    public Capture toCapture(String source) {
        Capture c = new Capture(source, "live");
        appendTo(c);
        return c;
    }

    /**
     * Appends the records to {@code c}, with a warning for each overrun and for an incomplete
     * answer. Returns the index of the request's record in {@code c}. (A notification that
     * arrived between the listening socket's opening and the sending comes before it.)
     */
    public int appendTo(Capture c) {
        int request = -1;
        String at = c.source();
        for (Record r : records) {
            if (request < 0 && r.direction() == Direction.TO_KERNEL) {
                request = c.recordCount();
                at = r.location();
            }
            c.append(r);
        }
        for (Overrun o : overruns) {
            c.addDiagnostic(Diagnostic.warning(at, o.describe()));
        }
        if (ending != Ending.COMPLETE) {
            c.addDiagnostic(Diagnostic.warning(at, note));
        }
        return request;
    }
}
