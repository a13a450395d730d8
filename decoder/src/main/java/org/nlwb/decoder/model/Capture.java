package org.nlwb.decoder.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nlwb.decoder.message.Frame;
import org.nlwb.decoder.message.Framer;

/**
 * The records of one source (a file or a live capture) and the index of the messages framed in
 * them. Append-only: a reader or a live source appends from one thread while views read from
 * others; what a reader sees never changes once seen.
 *
 * <p>The index is built as records arrive and holds offsets only (see {@link MessageRef}); decoded
 * trees are made on demand, so a million-message capture never holds a million trees.
 */
public final class Capture {
    private final String source;
    private final String format;
    private final List<Record> records = new ArrayList<>();
    private final List<MessageRef> messages = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private volatile Map<String, String> metadata = Map.of();

    /**
     * @param source what the user named (a path, {@code "monitor route"}); appears in JSON as {@code source}
     * @param format the format label ({@code "strace"}, {@code "pcap"}, {@code "live"})
     */
    public Capture(String source, String format) {
        this.source = Objects.requireNonNull(source);
        this.format = Objects.requireNonNull(format);
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
     */
    public synchronized List<MessageRef> append(Record r, String note) {
        int recordIndex = records.size();
        records.add(r);
        List<Frame> frames = Framer.frames(r.bytes(), r.protocol());
        List<MessageRef> added = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            String n = note == null ? f.note() : f.note() == null ? note : f.note() + "; " + note;
            MessageRef m = new MessageRef(messages.size(), recordIndex, r, f.kind(), f.offset(), f.length(), n);
            messages.add(m);
            added.add(m);
        }
        return added;
    }

    public synchronized void addDiagnostic(Diagnostic d) {
        diagnostics.add(d);
    }

    public void setMetadata(Map<String, String> blocks) {
        metadata = Map.copyOf(blocks);
    }

    /** pyroute2 {@code #:LABEL} blocks and similar, by label. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public synchronized int recordCount() {
        return records.size();
    }

    public synchronized int messageCount() {
        return messages.size();
    }

    public synchronized Record record(int i) {
        return records.get(i);
    }

    public synchronized MessageRef message(int i) {
        return messages.get(i);
    }

    /** A snapshot of the messages so far. */
    public synchronized List<MessageRef> messages() {
        return Collections.unmodifiableList(new ArrayList<>(messages));
    }

    /** A snapshot of the records so far. */
    public synchronized List<Record> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** A snapshot of the diagnostics so far. */
    public synchronized List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
