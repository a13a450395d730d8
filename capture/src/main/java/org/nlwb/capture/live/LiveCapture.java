package org.nlwb.capture.live;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nlwb.decoder.message.Framer;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;

/**
 * A {@link Capture} that grows while a {@link LiveSource} runs, with counters and listeners. The
 * source appends; listeners (the window, the CLI printer, the live file writer) see each record
 * right after it is in the capture. A listener that throws is reported as a diagnostic and
 * removed, so one broken view cannot stop the capture.
 */
public final class LiveCapture {
    private final Capture capture;
    private final boolean keep;
    private final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private long records;
    private long messages;
    private long bytes;
    private long overruns;
    private long lost;
    private String endReason;
    private Throwable failure;

    /**
     * Counters at one moment.
     *
     * @param lost messages the source knows the kernel dropped (seq gaps after an overrun, see
     *             {@link SeqGaps}); at most what was lost, since an overrun need not say how much
     */
    public record Stats(long records, long messages, long bytes, long overruns, long lost, boolean ended) {
    }

    public LiveCapture(String source) {
        this(source, true);
    }

    private LiveCapture(String source, boolean keep) {
        this.capture = new Capture(Objects.requireNonNull(source), "live");
        this.keep = keep;
    }

    /**
     * A live capture that keeps nothing: each record goes to the listeners (with no messages: they
     * are counted, not framed into a capture) and is then let go, so a long capture to a file
     * holds no memory and gives the garbage collector nothing to copy. {@link #capture()} stays
     * empty but for diagnostics; for listeners that need no message index (the file writer).
     */
    public static LiveCapture passThrough(String source) {
        return new LiveCapture(source, false);
    }

    public Capture capture() {
        return capture;
    }

    public void addListener(CaptureListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(CaptureListener l) {
        listeners.remove(l);
    }

    /** Appends a record from the source; returns its messages (none in a {@link #passThrough} capture). */
    public List<MessageRef> append(Record r) {
        List<MessageRef> added = keep ? capture.append(r) : List.of();
        int framed = keep ? added.size() : Framer.frames(r.bytes(), r.protocol()).size();
        synchronized (lock) {
            records++;
            messages += framed;
            bytes += r.bytes().length();
            lock.notifyAll();
        }
        for (CaptureListener l : listeners) {
            try {
                l.onRecord(r, added);
            } catch (RuntimeException e) {
                dropListener(l, e);
            }
        }
        return added;
    }

    /** The kernel dropped messages (ENOBUFS); recorded as a warning a person sees, and counted. */
    public void overrun(String location, String message) {
        synchronized (lock) {
            overruns++;
        }
        diagnostic(Diagnostic.warning(location, message));
    }

    /** The source can tell {@code n} messages were lost (after an overrun): counted, and a warning. */
    public void lost(long n, String location, String message) {
        synchronized (lock) {
            lost += n;
        }
        diagnostic(Diagnostic.warning(location, message));
    }

    public void diagnostic(Diagnostic d) {
        capture.addDiagnostic(d);
        synchronized (lock) {
            lock.notifyAll();
        }
        for (CaptureListener l : listeners) {
            try {
                l.onDiagnostic(d);
            } catch (RuntimeException e) {
                dropListener(l, e);
            }
        }
    }

    private void dropListener(CaptureListener l, RuntimeException e) {
        listeners.remove(l);
        diagnostic(Diagnostic.error(capture.source(), "a capture view failed and was detached: " + e));
    }

    /** The source ended; only the first call counts. */
    public void end(String reason, Throwable error) {
        synchronized (lock) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            failure = error;
            lock.notifyAll();
        }
        for (CaptureListener l : listeners) {
            try {
                l.onEnd(reason, error);
            } catch (RuntimeException e) {
                capture.addDiagnostic(Diagnostic.error(capture.source(), "a capture view failed at the end: " + e));
            }
        }
    }

    public Stats stats() {
        synchronized (lock) {
            return new Stats(records, messages, bytes, overruns, lost, endReason != null);
        }
    }

    public boolean ended() {
        synchronized (lock) {
            return endReason != null;
        }
    }

    /** Why the source ended, or null while it runs. */
    public String endReason() {
        synchronized (lock) {
            return endReason;
        }
    }

    /** The error the source ended with, or null. */
    public Throwable failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** Waits until at least {@code n} messages are in or the source ended; true when there are n. */
    public boolean awaitMessages(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (messages < n && endReason == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return messages >= n;
        }
    }

    /** Waits until the source ended; true when it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (endReason == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
