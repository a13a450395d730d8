package org.nlwb.capture.live;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.PcapngWriter;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * Writes a live capture to disk as it arrives: a LINKTYPE_NETLINK pcap (or pcapng for a
 * {@code .pcapng} name, which also keeps pid, fd and syscall).
 *
 * <p>The source's thread only hands each record to a bounded queue; a writer thread of its own
 * takes everything queued, writes it into a 1 MiB buffer and flushes once the queue is empty. So
 * a record is in the file a moment (at most a millisecond's nap) after it is in the capture, a
 * flood costs one write per batch instead of one per record, and killing nlwb loses at most the
 * records still queued. When the disk falls behind, the queue fills and the source's thread waits
 * in {@link #onRecord}: the kernel's receive buffer then takes the slack and, when that
 * overflows, reports an overrun, so slowness never drops records silently. A write error becomes
 * an error diagnostic in the capture and writing stops; the capture itself goes on.
 */
public final class LiveFileWriter implements CaptureListener, AutoCloseable {
    /** Records the queue holds before the source waits (about 1-10 MB of datagrams). */
    static final int QUEUE = 16_384;
    private static final int BUFFER = 1 << 20;
    /**
     * While records flow the writer naps between batches instead of waiting on the queue, so the
     * source's thread never has to wake it (a futex call per record at 50,000 a second); after
     * this many naps with nothing queued (0.1 s) it waits on the queue, so an idle capture costs
     * nothing. A record waits at most one nap before it is written.
     */
    private static final int IDLE_NAPS = 100;
    private static final long NAP_NANOS = 1_000_000;
    private static final Record END = new Record(0, Direction.UNKNOWN, 0, -1, -1, null, "end", ByteView.of(new byte[0]));

    private final Path file;
    private final RecordWriter writer;
    private final OutputStream buffered;
    private final LiveCapture live;
    private final BlockingQueue<Record> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean failed;
    private volatile boolean closed;
    private volatile long written;

    private LiveFileWriter(Path file, RecordWriter writer, OutputStream buffered, LiveCapture live) {
        this.file = file;
        this.writer = writer;
        this.buffered = buffered;
        this.live = live;
        this.thread = new Thread(this::writeLoop, "nlwb-capture-writer");
        thread.setDaemon(true);
    }

    /** Creates (or truncates) {@code file}, writes its header and starts following {@code live}. */
    public static LiveFileWriter attach(Path file, LiveCapture live) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        RecordWriter w;
        try {
            // the writers flush per record; here the writer thread flushes once per batch
            OutputStream batched = new NoFlush(out);
            w = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pcapng")
                    ? new PcapngWriter(batched, TimeResolution.NANOSECONDS)
                    : new PcapWriter(batched, TimeResolution.MICROSECONDS);
            out.flush();
        } catch (IOException e) {
            out.close();
            throw new IOException("write capture file " + file + ": " + e.getMessage(), e);
        }
        LiveFileWriter lw = new LiveFileWriter(file, w, out, live);
        lw.thread.start();
        live.addListener(lw);
        return lw;
    }

    public Path file() {
        return file;
    }

    /** Records written to the file so far (those of a batch in progress are in the file once it ends). */
    public long written() {
        return written;
    }

    /** Hands the record to the writer thread; waits while its queue is full. */
    @Override
    public void onRecord(Record record, List<MessageRef> messages) {
        if (failed || closed) {
            return;
        }
        try {
            queue.put(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        try {
            int idle = 0;
            while (true) {
                Record r = idle < IDLE_NAPS ? queue.poll() : queue.take();
                if (r == null) {
                    idle++;
                    LockSupport.parkNanos(NAP_NANOS);
                    continue;
                }
                idle = 0;
                for (; r != null && r != END; r = queue.poll()) {
                    write(r);
                }
                flush();
                if (r == END) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Record r) {
        if (failed) {
            return; // keep taking, so that the source never waits on a writer that gave up
        }
        try {
            writer.write(r);
            written++;
        } catch (IOException e) {
            fail("writing the capture file stopped after " + written + " records: " + e.getMessage());
        }
    }

    private void flush() {
        if (failed) {
            return;
        }
        try {
            buffered.flush();
        } catch (IOException e) {
            fail("writing the capture file stopped after " + written + " records: " + e.getMessage());
        }
    }

    private void fail(String message) {
        failed = true;
        live.diagnostic(Diagnostic.error(file.toString(), message));
    }

    @Override
    public void onEnd(String reason, Throwable failure) {
        close();
    }

    /** Writes what is queued, then closes the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        live.removeListener(this);
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } catch (IOException e) {
            live.diagnostic(Diagnostic.error(file.toString(), "closing the capture file failed: " + e.getMessage()));
        }
    }

    /** Passes writes on whole and ignores flush: the writer thread decides when bytes go out. */
    private static final class NoFlush extends FilterOutputStream {
        NoFlush(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
