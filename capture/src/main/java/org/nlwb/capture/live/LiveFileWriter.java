package org.nlwb.capture.live;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.PcapngWriter;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;

/**
 * Writes a live capture to disk as it arrives: a LINKTYPE_NETLINK pcap (or pcapng for a
 * {@code .pcapng} name, which also keeps pid, fd and syscall), one record per write, flushed
 * each time, so killing nlwb loses at most the record being written. A write error becomes an
 * error diagnostic in the capture and writing stops; the capture itself goes on.
 */
public final class LiveFileWriter implements CaptureListener, AutoCloseable {
    private final Path file;
    private final RecordWriter writer;
    private final LiveCapture live;
    private boolean failed;
    private boolean closed;
    private long written;

    private LiveFileWriter(Path file, RecordWriter writer, LiveCapture live) {
        this.file = file;
        this.writer = writer;
        this.live = live;
    }

    /** Creates (or truncates) {@code file}, writes its header and starts following {@code live}. */
    public static LiveFileWriter attach(Path file, LiveCapture live) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        RecordWriter w;
        try {
            w = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pcapng")
                    ? new PcapngWriter(out, TimeResolution.NANOSECONDS)
                    : new PcapWriter(out, TimeResolution.MICROSECONDS);
        } catch (IOException e) {
            out.close();
            throw new IOException("write capture file " + file + ": " + e.getMessage(), e);
        }
        LiveFileWriter lw = new LiveFileWriter(file, w, live);
        live.addListener(lw);
        return lw;
    }

    public Path file() {
        return file;
    }

    /** Records written so far. */
    public synchronized long written() {
        return written;
    }

    @Override
    public synchronized void onRecord(Record record, List<MessageRef> messages) {
        if (failed || closed) {
            return;
        }
        try {
            writer.write(record);
            written++;
        } catch (IOException e) {
            failed = true;
            live.diagnostic(Diagnostic.error(file.toString(), "writing the capture file stopped after " + written
                    + " records: " + e.getMessage()));
        }
    }

    @Override
    public void onEnd(String reason, Throwable failure) {
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        live.removeListener(this);
        try {
            writer.close();
        } catch (IOException e) {
            live.diagnostic(Diagnostic.error(file.toString(), "closing the capture file failed: " + e.getMessage()));
        }
    }
}
