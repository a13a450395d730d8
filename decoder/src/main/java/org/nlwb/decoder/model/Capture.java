package org.nlwb.decoder.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The records of one source (a file or a live capture) and the index of the messages framed in
 * them. Append-only: a reader or a live source appends from one thread while views read from
 * others; what a reader sees never changes once seen.
 *
 * <p>The index holds offsets only (see {@link MessageRef}); decoded trees are made on demand, so a
 * million-message capture never holds a million trees. Where the records live is the
 * {@link RecordStore}'s business: on the heap ({@link HeapRecordStore}, the default), or in a
 * file read in place with a primitive index, opened in the background: then the counts,
 * diagnostics and metadata wait until the file is fully indexed, while {@link #hasMessage} and
 * {@link #message} wait only as far as asked, so a streaming reader starts at once.
 *
 * <p>Pitfall: {@link #messages()} and {@link #records()} are cheap views of the entries so far,
 * not copies; a caller that copies them (into its own list) makes a million objects for a million
 * messages: iterate by index instead.
 */
public final class Capture {
    private final String source;
    private final String format;
    private final RecordStore store;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private volatile Map<String, String> metadata = Map.of();

    /**
     * @param source what the user named (a path, {@code "monitor route"}); appears in JSON as {@code source}
     * @param format the format label ({@code "strace"}, {@code "pcap"}, {@code "live"})
     */
    public Capture(String source, String format) {
        this(source, format, new HeapRecordStore());
    }

    /** A capture over {@code store} (a pcap file's index, say). */
    public Capture(String source, String format, RecordStore store) {
        this.source = Objects.requireNonNull(source);
        this.format = Objects.requireNonNull(format);
        this.store = Objects.requireNonNull(store);
    }

    public String source() {
        return source;
    }

    public String format() {
        return format;
    }

    /** Frames {@code r} and appends it with its messages. Returns the new messages. */
    public List<MessageRef> append(Record r) {
        return append(r, null);
    }

    /**
     * As {@link #append(Record)}, with a note for each of its messages (the framer's own note, where
     * it has one, comes first): why the record reads as it does, e.g. a guessed protocol.
     *
     * @throws UnsupportedOperationException for a capture over a pcap file read in place
     */
    public List<MessageRef> append(Record r, String note) {
        return store.append(r, note);
    }

    public synchronized void addDiagnostic(Diagnostic d) {
        diagnostics.add(d);
    }

    public void setMetadata(Map<String, String> blocks) {
        metadata = Map.copyOf(blocks);
    }

    /** pyroute2 {@code #:LABEL} blocks and similar, by label; waits until the capture is open. */
    public Map<String, String> metadata() {
        store.awaitOpen();
        return metadata;
    }

    /**
     * Whether the capture is still being indexed in the background (a large pcap file): then
     * {@link #messageCount()} would wait, and a window follows {@link #hasMessage} instead.
     */
    public boolean opening() {
        return store.opening();
    }

    /** Waits until the capture is fully open. */
    public int recordCount() {
        return store.recordCount();
    }

    /** Waits until the capture is fully open. */
    public int messageCount() {
        return store.messageCount();
    }

    public Record record(int i) {
        return store.record(i);
    }

    public MessageRef message(int i) {
        return store.message(i);
    }

    /**
     * Whether message {@code i} exists: for a capture still opening, waits until the index has got
     * to {@code i} or to the end of the file (for a live capture, what has arrived so far).
     */
    public boolean hasMessage(int i) {
        return store.hasMessage(i);
    }

    /** The messages so far, as a view (made on demand, not copied). */
    public List<MessageRef> messages() {
        return IndexedList.of(store.messageCount(), store::message);
    }

    /** The records so far, as a view (made on demand, not copied). */
    public List<Record> records() {
        return IndexedList.of(store.recordCount(), store::record);
    }

    /**
     * A snapshot of the diagnostics so far. For a capture still opening in the background, the
     * list is taken when it is first read, which waits until the capture is fully open: a JSON
     * writer that is handed it before the messages sees every diagnostic the index found.
     */
    public List<Diagnostic> diagnostics() {
        if (!store.opening()) {
            return snapshot();
        }
        return new AbstractList<>() {
            private List<Diagnostic> taken;

            private synchronized List<Diagnostic> taken() {
                if (taken == null) {
                    store.awaitOpen();
                    taken = snapshot();
                }
                return taken;
            }

            @Override
            public Diagnostic get(int i) {
                return taken().get(i);
            }

            @Override
            public int size() {
                return taken().size();
            }
        };
    }

    private synchronized List<Diagnostic> snapshot() {
        return List.copyOf(diagnostics);
    }
}
