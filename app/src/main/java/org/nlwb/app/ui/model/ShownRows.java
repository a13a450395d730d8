package org.nlwb.app.ui.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import javafx.collections.ObservableListBase;
import org.nlwb.decoder.model.IndexedList;
import org.nlwb.decoder.model.MessageRef;

/**
 * The rows a message list shows, as message indices of the capture: either every message from 0
 * to {@code size} (no array at all) or the ascending indices a filter kept, in a compact
 * {@code int[]}. {@link #get} makes the row's {@link MessageRef} on demand, so a table that draws
 * forty rows of a million-message capture makes forty refs, and the list holds none.
 *
 * <p>The list only grows (FX thread only): rows are added at the end, never removed, so no change
 * ever carries a list of removed rows (JavaFX copies those: a million refs made to be thrown
 * away). Showing other rows is a new {@code ShownRows}. Pitfall: copying this list
 * ({@code List.copyOf}, {@code new ArrayList<>(rows)}) makes a ref per row: take
 * {@link #snapshot()} (indices, no refs) instead.
 */
public final class ShownRows extends ObservableListBase<MessageRef> implements RandomAccess {
    private final IntFunction<MessageRef> messages;
    /** Null: every message below {@code size}. */
    private int[] indices;
    private int size;
    /** Whether {@code indices} is this list's own array (appends may write past {@code size}); else it is a filter's. */
    private boolean owned;

    /**
     * @param messages message {@code i} of the capture (made on demand)
     * @param kept     the ascending message indices shown, or null for every message below {@code count};
     *                 not copied: never write it again below {@code count}
     */
    public ShownRows(IntFunction<MessageRef> messages, int[] kept, int count) {
        this.messages = Objects.requireNonNull(messages);
        this.indices = kept;
        this.size = count;
    }

    @Override
    public MessageRef get(int row) {
        return messages.apply(indexAt(row));
    }

    @Override
    public int size() {
        return size;
    }

    /** The message index shown at {@code row}. */
    public int indexAt(int row) {
        Objects.checkIndex(row, size);
        return indices == null ? row : indices[row];
    }

    /** Whether every message below {@link #size()} is shown (no filter). */
    public boolean showsAll() {
        return indices == null;
    }

    /** The row of message {@code index}, or -1 when it is not shown. */
    public int rowOf(int index) {
        if (indices == null) {
            return index >= 0 && index < size ? index : -1;
        }
        int row = Arrays.binarySearch(indices, 0, size, index);
        return row >= 0 ? row : -1;
    }

    /** What is shown now, as indices: immutable, shares the array (rows are only ever appended past it). */
    public Snapshot snapshot() {
        return new Snapshot(indices, size);
    }

    /** Every-message mode: messages up to {@code count} (more than shown) are added at the end. */
    public void growAll(int count) {
        if (indices != null || count <= size) {
            return;
        }
        int from = size;
        beginChange();
        size = count;
        nextAdd(from, count);
        endChange();
    }

    /** Filtered mode: appends {@code more} (ascending, all after the last shown). */
    public void append(int[] more, int n) {
        if (n == 0) {
            return;
        }
        if (indices == null) {
            throw new IllegalStateException("every message is shown: grow instead");
        }
        int from = size;
        if (!owned || indices.length < size + n) {
            // a snapshot shares the old array but reads only below its size: writing past it is safe,
            // writing into a filter's array is not
            indices = Arrays.copyOf(indices, Math.max(size + n, size * 3 / 2 + 16));
            owned = true;
        }
        System.arraycopy(more, 0, indices, size, n);
        beginChange();
        size += n;
        nextAdd(from, size);
        endChange();
    }

    /**
     * A filter still running found more: {@code kept} holds what is shown now as its prefix and
     * {@code count} rows in all; only the new rows are announced (the selection and scroll stay).
     */
    public void extend(int[] kept, int count) {
        if (count < size) {
            throw new IllegalArgumentException("a filter's rows only grow");
        }
        int from = size;
        indices = kept;
        owned = false;
        size = count;
        if (count > from) {
            beginChange();
            nextAdd(from, count);
            endChange();
        }
    }

    /** Shown message indices at one moment; cheap (the array is shared, never written below {@link #size()}). */
    public static final class Snapshot {
        private final int[] indices;
        private final int size;

        Snapshot(int[] indices, int size) {
            this.indices = indices;
            this.size = size;
        }

        public int size() {
            return size;
        }

        /** The indices, or null when every message below {@link #size()} is shown. */
        int[] indices() {
            return indices;
        }

        public int indexAt(int row) {
            Objects.checkIndex(row, size);
            return indices == null ? row : indices[row];
        }

        /** These rows as refs made on demand (for APIs that take a list of refs; copying it makes them all). */
        public List<MessageRef> refs(IntFunction<MessageRef> messages) {
            return IndexedList.of(size, i -> messages.apply(indexAt(i)));
        }
    }
}
