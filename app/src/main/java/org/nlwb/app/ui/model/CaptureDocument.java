package org.nlwb.app.ui.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.read.DumpFormat;

/**
 * One open capture and how it is decoded: the capture's message index (offsets only), the
 * decoder, an optional message class forced for every message, and a bounded cache of decoded
 * messages so the list can show summaries for the rows on screen without decoding a
 * million-message file up front. Thread-safe: the list decodes on the FX thread, filters and
 * exports decode on worker threads (those use {@link #decodeUncached} so a scan does not evict
 * what is on screen).
 */
public final class CaptureDocument {
    /** Decoded messages kept; a screenful of rows plus the selection needs far fewer. */
    public static final int CACHE_SIZE = 4096;

    private final Capture capture;
    private final Path path;
    private final DumpFormat format;
    private volatile MessageDecoder decoder;
    private volatile String forcedClass;
    /** Incremental and thread-safe: a growing (live) capture is learned from as it grows. */
    private final IntFunction<Conversation> conversations;
    private long firstTime = -1;
    private int timesScanned;
    private final Map<Integer, DecodedMessage> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, DecodedMessage> e) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * @param path   the file it came from, or null for a live capture
     * @param format the format forced when opening, or null when detected
     */
    public CaptureDocument(Capture capture, Path path, DumpFormat format, MessageDecoder decoder, String forcedClass) {
        this.capture = Objects.requireNonNull(capture, "capture");
        this.path = path;
        this.format = format;
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.forcedClass = forcedClass;
        this.conversations = Conversations.of(capture);
    }

    public Capture capture() {
        return capture;
    }

    public Path path() {
        return path;
    }

    public DumpFormat forcedFormat() {
        return format;
    }

    public String forcedClass() {
        return forcedClass;
    }

    public MessageDecoder decoder() {
        return decoder;
    }

    /** A new decoder (specs reloaded) or forced class: every cached tree is dropped. */
    public synchronized void redecodeWith(MessageDecoder newDecoder, String newForcedClass) {
        this.decoder = Objects.requireNonNull(newDecoder);
        this.forcedClass = newForcedClass;
        cache.clear();
    }

    public MessageRef message(int index) {
        return capture.message(index);
    }

    public int messageCount() {
        return capture.messageCount();
    }

    /** The decoded message at {@code index}, from the cache when it is there. */
    public DecodedMessage decoded(int index) {
        synchronized (this) {
            DecodedMessage m = cache.get(index);
            if (m != null) {
                return m;
            }
        }
        DecodedMessage m = decodeUncached(index);
        synchronized (this) {
            cache.put(index, m);
        }
        return m;
    }

    /** Decodes without touching the cache (for scans over the whole capture). */
    public DecodedMessage decodeUncached(int index) {
        MessageRef ref = capture.message(index);
        return decoder.decode(ref, conversation(index), forcedClass);
    }

    private Conversation conversation(int index) {
        return conversations.apply(index);
    }

    /**
     * The time of the first record that has one (the zero of the list's Time column), or -1.
     * Found once; a live capture's first timed record never changes once it exists.
     */
    public synchronized long firstTime() {
        if (firstTime >= 0) {
            return firstTime;
        }
        // Records already looked at are not looked at again (a file without times is scanned once).
        int n = capture.recordCount();
        for (; timesScanned < n; timesScanned++) {
            long t = capture.record(timesScanned).timeNanos();
            if (t >= 0) {
                firstTime = t;
                return t;
            }
        }
        return -1;
    }

    /** A short title for the tab. */
    public String title() {
        return path != null ? path.getFileName().toString() : capture.source();
    }
}
