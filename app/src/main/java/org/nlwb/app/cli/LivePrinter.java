package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.nlwb.capture.live.CaptureListener;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.text.TextTree;

/**
 * Prints a live capture as it grows, for {@code nlwb monitor} and {@code nlwb trace}:
 * <ul>
 *   <li>text: one line per message ({@code time  direction  protocol  [pid N]  summary}), or the
 *       whole tree with {@code --verbose};</li>
 *   <li>{@code --json}: one JSON object per line, a message in the {@code decode} schema
 *       ({@link TreeJson#writeMessage}), or a diagnostic ({@code severity, location, message}) for
 *       overruns and parse problems.</li>
 * </ul>
 * Diagnostics in text mode go to stderr as {@code nlwb: warning: ...}. Stops the capture after
 * {@code count} messages when asked.
 */
final class LivePrinter implements CaptureListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private final DecodedCapture capture;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean verbose;
    private final long count;
    private final AtomicLong printed = new AtomicLong();
    private final CountDownLatch enough = new CountDownLatch(1);
    private volatile boolean outputClosed;
    private final TextTree tree;
    private final JsonFactory jsonFactory = new JsonFactory();

    /**
     * @param capture the live capture as it grows, decoded under its policy (for a live capture
     *                the running kernel's generic netlink families, for ids the capture never named)
     * @param count   stop after this many messages; 0 for no limit
     */
    LivePrinter(DecodedCapture capture, PrintStream out, PrintStream err, boolean json, boolean verbose, long count) {
        this.capture = capture;
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
        this.count = count;
        this.tree = new TextTree(out, false);
    }

    /** Whether standard output closed under the printer (a pipe reader went away). */
    boolean outputClosed() {
        return outputClosed;
    }

    /** Counts down when {@code count} messages were printed, or when standard output closed. */
    CountDownLatch enough() {
        return enough;
    }

    long printed() {
        return printed.get();
    }

    @Override
    public synchronized void onRecord(Record record, List<MessageRef> messages) {
        for (MessageRef ref : messages) {
            if (count > 0 && printed.get() >= count) {
                return;
            }
            DecodedMessage m = capture.decodeUncached(ref.index());
            if (json) {
                json(g -> TreeJson.writeMessage(g, m));
            } else if (verbose) {
                tree.message(m);
            } else {
                out.println(line(m));
            }
            out.flush();
            if (out.checkError()) {
                // stdout is gone (nlwb monitor | head -3): stop instead of capturing for nobody
                outputClosed = true;
                enough.countDown();
                return;
            }
            if (count > 0 && printed.incrementAndGet() >= count) {
                enough.countDown();
            } else if (count <= 0) {
                printed.incrementAndGet();
            }
        }
    }

    /** This printer for diagnostics alone (overruns, losses, errors), with no message printed. */
    CaptureListener diagnosticsOnly() {
        return new CaptureListener() {
            @Override
            public void onDiagnostic(Diagnostic d) {
                LivePrinter.this.onDiagnostic(d);
            }
        };
    }

    @Override
    public synchronized void onDiagnostic(Diagnostic d) {
        if (json) {
            json(g -> TreeJson.writeDiagnostic(g, d));
            out.flush();
        } else {
            err.println("nlwb: " + d);
            err.flush();
        }
    }

    /** {@code 12:58:35.123456  ← kernel  route  RTM_NEWLINK ifname=veth0}. */
    static String line(DecodedMessage m) {
        Record r = m.ref().record();
        StringBuilder sb = new StringBuilder();
        sb.append(r.timeNanos() >= 0 ? TIME.format(Instant.ofEpochSecond(0, r.timeNanos())) : "-");
        sb.append("  ").append(r.direction().arrow());
        sb.append("  ").append(r.protocol() == Protocol.UNKNOWN ? "?" : Protocol.shortName(r.protocol()));
        if (r.pid() >= 0) {
            sb.append("  pid ").append(r.pid());
        }
        sb.append("  ").append(m.summary());
        return sb.toString();
    }

    private interface JsonWrite {
        void write(JsonGenerator g) throws IOException;
    }

    private void json(JsonWrite w) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator g = jsonFactory.createGenerator(buf, JsonEncoding.UTF8)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.write('\n');
        out.write(buf.toByteArray(), 0, buf.size());
    }

    static PrintStream utf8(OutputStream o) {
        return new PrintStream(o, false, StandardCharsets.UTF_8);
    }
}
