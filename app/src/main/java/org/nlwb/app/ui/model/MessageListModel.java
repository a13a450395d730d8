package org.nlwb.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.MessageRef;

/**
 * The message list: which messages of the document are shown (all, or those the filter keeps).
 * Rows hold {@link MessageRef}s only; what needs a decode (summary, type name) is decoded by the
 * row cells through the document's bounded cache. Filtering decodes every message, so it runs
 * as a {@link Task} whose result is applied once, on the FX thread.
 */
public final class MessageListModel {
    private final CaptureDocument document;
    private final ObservableList<MessageRef> rows = FXCollections.observableArrayList();
    private final ObservableList<MessageRef> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Filter> filter = new ReadOnlyObjectWrapper<>(Filter.all());
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();

    public MessageListModel(CaptureDocument document) {
        this.document = document;
        rows.setAll(document.capture().messages());
        total.set(document.messageCount());
    }

    public CaptureDocument document() {
        return document;
    }

    /** The shown rows, in capture order. */
    public ObservableList<MessageRef> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<Filter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Messages per unit of parallel filtering work. */
    private static final int CHUNK = 2048;

    /**
     * A task that finds the messages {@code f} keeps; {@link #applyFilter} shows its result.
     * Decoding dominates, so chunks of messages are decoded and tested on all cores; the decoder
     * and the document are thread-safe and a scan bypasses the row cache.
     */
    public Task<List<MessageRef>> filterTask(Filter f) {
        int count = document.messageCount();
        return new Task<>() {
            @Override
            protected List<MessageRef> call() {
                updateTitle("Filtering " + document.title());
                boolean[] keep = new boolean[count];
                AtomicInteger done = new AtomicInteger();
                int chunks = (count + CHUNK - 1) / CHUNK;
                IntStream.range(0, chunks).parallel().forEach(c -> {
                    int from = c * CHUNK;
                    int to = Math.min(count, from + CHUNK);
                    for (int i = from; i < to && !isCancelled(); i++) {
                        keep[i] = f.acceptsAll() || f.test(document.decodeUncached(i));
                    }
                    int d = done.addAndGet(to - from);
                    updateProgress(d, count);
                    updateMessage("Filtering: " + d + " / " + count);
                });
                if (isCancelled()) {
                    return null;
                }
                List<MessageRef> kept = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    if (keep[i]) {
                        kept.add(document.message(i));
                    }
                }
                return kept;
            }
        };
    }

    /** Shows {@code kept} as the result of {@code f} (FX thread). */
    public void applyFilter(Filter f, List<MessageRef> kept) {
        filter.set(f);
        rows.setAll(kept);
    }

    /** Filters on the calling thread (small captures, tests). */
    public void applyFilterNow(Filter f) {
        Task<List<MessageRef>> t = filterTask(f);
        t.run();
        try {
            applyFilter(f, t.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Live capture: messages appended to the capture since the list was built; the ones the
     * current filter keeps are shown (FX thread).
     */
    public void appended(List<MessageRef> added) {
        Filter f = filter.get();
        List<MessageRef> keep = new ArrayList<>(added.size());
        for (MessageRef m : added) {
            if (f.acceptsAll() || f.test(document.decoded(m.index()))) {
                keep.add(m);
            }
        }
        rows.addAll(keep);
        total.set(document.messageCount());
    }

    /** Row of message {@code index} in the shown list, or -1 when it is filtered out. */
    public int rowOf(int index) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = rows.get(mid).index();
            if (v == index) {
                return mid;
            }
            if (v < index) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
