package org.nlwb.capture.send;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.capture.socket.Received;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;

/**
 * One send: the datagram out on the request channel, then replies until {@link Expectations}
 * are met, the timeout passes or the session is interrupted, while a {@link NotificationCollector}
 * (when groups were asked for) gathers notifications. Waits in slices so an interruption is
 * seen within one, whatever kind of channel it is.
 */
final class Exchange {
    private static final int SLICE_MS = 100;

    private final int number;
    private final SendRequest request;
    private final Supplier<String> interruption;
    private final CountDownLatch stop;
    private final List<Record> records = new ArrayList<>();
    private final List<Datagram> replies = new ArrayList<>();
    private final List<Datagram> notifications = new ArrayList<>();
    private final List<Overrun> overruns = new ArrayList<>();
    private final int pid = (int) ProcessHandle.current().pid();

    /**
     * @param interruption why the session stops (null while it does not)
     * @param stop         counted down when the session stops, to cut a linger short
     */
    Exchange(int number, SendRequest request, Supplier<String> interruption, CountDownLatch stop) {
        this.number = number;
        this.request = request;
        this.interruption = interruption;
        this.stop = stop;
    }

    SendResult run(NetlinkChannel requests, NotificationCollector notes, byte[] datagram) throws IOException {
        Expectations owed = Expectations.of(datagram, request.protocol());
        long sentAt = now();
        requests.send(datagram);
        records.add(record(sentAt, Direction.TO_KERNEL, "sendto", "request", datagram));
        SendResult.Ending ending;
        String note;
        try {
            for (Received r : requests.drain()) {
                reply(r, owed);
            }
            long deadline = System.nanoTime() + request.timeoutMillis() * 1_000_000L;
            while (true) {
                String why = stopReason();
                if (owed.satisfied()) {
                    ending = SendResult.Ending.COMPLETE;
                    note = completeNote(owed);
                    break;
                } else if (why != null) {
                    ending = SendResult.Ending.INTERRUPTED;
                    note = "interrupted (" + why + ") while waiting for " + owed.describeOwed();
                    break;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    ending = SendResult.Ending.TIMEOUT;
                    note = "no complete answer within " + request.timeoutMillis() + " ms: still waiting for "
                            + owed.describeOwed();
                    break;
                }
                reply(requests.receive((int) Math.min(left, SLICE_MS)), owed);
            }
            if (notes != null) {
                linger(ending);
                for (Received r : notes.stop()) {
                    notification(r);
                }
            }
        } catch (IOException e) {
            String why = stopReason();
            if (why == null) {
                throw e;
            }
            ending = SendResult.Ending.INTERRUPTED;
            note = "interrupted (" + why + "): " + e.getMessage();
        }
        records.sort(Comparator.comparingLong(Record::timeNanos));
        return new SendResult(request.protocol(), datagram, records, replies, notifications, overruns, ending, note);
    }

    private String stopReason() {
        String why = interruption.get();
        if (why == null && Thread.currentThread().isInterrupted()) {
            why = "the sending thread was interrupted";
        }
        return why;
    }

    private static String completeNote(Expectations owed) {
        if (owed.messages() == 0) {
            return "the kernel reads no message in this datagram (no complete nlmsghdr), so nothing answers it";
        }
        return owed.asked() == 0 ? "no message asked for an ACK or a dump; the kernel's immediate replies are all there"
                : "every ACK and DONE asked for arrived";
    }

    private void linger(SendResult.Ending ending) {
        if (ending == SendResult.Ending.COMPLETE && request.lingerMillis() > 0) {
            try {
                stop.await(request.lingerMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reply(Received r, Expectations owed) {
        if (r instanceof Overrun o) {
            overruns.add(o);
        } else if (r instanceof Datagram d) {
            replies.add(d);
            records.add(record(d.timeNanos(), Direction.FROM_KERNEL, "recvmsg", "reply", d.bytes()));
            ByteView v = ByteView.of(d.bytes());
            for (Frame f : Framer.frames(v, request.protocol())) {
                if (f.kind() == FrameKind.MESSAGE) {
                    owed.accept(v.slice(f.offset(), f.length()).rebased());
                }
            }
        }
    }

    private void notification(Received r) {
        if (r instanceof Overrun o) {
            overruns.add(o);
        } else if (r instanceof Datagram d) {
            notifications.add(d);
            records.add(record(d.timeNanos(), Direction.FROM_KERNEL, "recvmsg", "notification", d.bytes()));
        }
    }

    private Record record(long time, Direction d, String syscall, String what, byte[] bytes) {
        return new Record(time, d, request.protocol(), pid, -1, syscall, "send " + number + ": " + what, ByteView.of(bytes));
    }

    private static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
