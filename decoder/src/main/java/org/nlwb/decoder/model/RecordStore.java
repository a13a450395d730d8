package org.nlwb.decoder.model;

import java.util.List;

/**
 * Where a {@link Capture} keeps its records and message index. Two kinds: {@link HeapRecordStore}
 * (records and refs as objects: text formats, live captures, anything appended) and a store over
 * a pcap file read in place that keeps only primitive index columns and makes records on demand
 * ({@code org.nlwb.decoder.read.IndexedPcapStore}).
 *
 * <p>A store may still be <em>opening</em>: indexed by a background thread while callers already
 * read. Then {@link #recordCount()}, {@link #messageCount()} wait until it is fully open, and
 * {@link #record}, {@link #message} and {@link #hasMessage} wait only as far as the index they
 * ask for; so every caller sees the same contents as if the open had been synchronous, and a
 * streaming caller (iterating with {@link #hasMessage}) starts at once.
 */
public interface RecordStore {

    /** The number of records; waits until the store is fully open. */
    int recordCount();

    /** The number of messages; waits until the store is fully open. */
    int messageCount();

    /** Record {@code i}; {@link IndexOutOfBoundsException} past the end. */
    Record record(int i);

    /** Message {@code i}; {@link IndexOutOfBoundsException} past the end. */
    MessageRef message(int i);

    /** Whether message {@code i} exists, waiting for the indexer (only) when it has not got there yet. */
    boolean hasMessage(int i);

    /**
     * Frames {@code r}, appends it with its messages and returns them.
     *
     * @throws UnsupportedOperationException for a store over a file (a file capture is never appended to)
     */
    List<MessageRef> append(Record r, String note);

    /** Waits until the store is fully open (no-op for a store that never opens in the background). */
    default void awaitOpen() {
    }

    /** Whether the store is still being indexed in the background. */
    default boolean opening() {
        return false;
    }
}
