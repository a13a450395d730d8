package org.nlwb.app.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.nlwb.decoder.filter.FastFilter;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;

/**
 * The message list: which messages of the document are shown (all, or those the filter keeps),
 * as message indices ({@link ShownRows}): a ref is made only for a row someone looks at, and a
 * filter's result is an {@code int[]}, so a million-message capture costs the list nothing per
 * message. What needs a decode (summary, type name) is decoded by the row cells through the
 * document's bounded cache.
 *
 * <p>A capture still being indexed in the background (a large mapped file) is followed:
 * {@link #followTask} grows the list as the index grows, so the first rows show at once;
 * {@link #completeProperty} says when every message is known. Filtering reads each message only
 * as far as the filter needs ({@link FastFilter}: the header, the class, one attribute; the whole
 * tree only when nothing less can say) and runs as a {@link Task} on several threads; what it found so far is shown while it runs,
 * a new filter cancels it, and Cancel puts back what was shown before. FX thread, except the
 * tasks' own work.
 */
public final class MessageListModel {
    /** How often a following task hands on the rows indexed so far. */
    static final long FOLLOW_TICK_MILLIS = 50;
    private final CaptureDocument document;
    private ShownRows rows;
    /** The read-only view of {@code rows}, kept: a view made per call listens weakly and may be collected with its listeners. */
    private ObservableList<MessageRef> readOnlyRows;
    private final ReadOnlyObjectWrapper<ObservableList<MessageRef>> rowsList = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper();
    private final javafx.beans.InvalidationListener countRows = o -> shownCount.set(rows.size());
    private final ReadOnlyObjectWrapper<Filter> filter = new ReadOnlyObjectWrapper<>(Filter.all());
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    /** The filter task whose rows the list shows (partly, while it runs), or null. */
    private Task<FilterRun.Found> running;
    /** What was shown before the running filter, put back when it is cancelled (not when a new one replaces it). */
    private ShownRows.Snapshot beforeRunning;
    private Filter filterBeforeRunning;
    /** How many messages the rows before the running filter had looked at. */
    private int coveredBeforeRunning;

    public MessageListModel(CaptureDocument document) {
        this.document = document;
        Capture c = document.capture();
        boolean open = !c.opening();
        show(null, open ? c.messageCount() : 0);
        if (open) {
            total.set(rows.size());
            complete.set(true);
        }
    }

    /**
     * Shows other rows: a new list (the table's items are replaced, not changed), so no change
     * carries a million removed rows.
     */
    private void show(int[] kept, int count) {
        if (rows != null) {
            rows.removeListener(countRows);
        }
        rows = new ShownRows(document::message, kept, count);
        rows.addListener(countRows);
        readOnlyRows = javafx.collections.FXCollections.unmodifiableObservableList(rows);
        rowsList.set(readOnlyRows);
        shownCount.set(count);
    }

    private void show(ShownRows.Snapshot s) {
        show(s.indices(), s.size());
    }

    public CaptureDocument document() {
        return document;
    }

    /**
     * The shown rows, in capture order (refs made on demand: iterate, do not copy; see
     * {@link #shown()}). Another filter shows another list: hold {@link #rowsProperty()} or
     * {@link #shownCountProperty()}, not the list.
     */
    public ObservableList<MessageRef> rows() {
        return readOnlyRows;
    }

    /** The shown rows' list, replaced when other rows are shown (a table's items follow it). */
    public ReadOnlyObjectProperty<ObservableList<MessageRef>> rowsProperty() {
        return rowsList.getReadOnlyProperty();
    }

    /** How many rows are shown (follows every change and every replacement). */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** The shown rows as indices, at this moment (cheap, immutable). */
    public ShownRows.Snapshot shown() {
        return rows.snapshot();
    }

    /** The message index shown at {@code row}. */
    public int indexAt(int row) {
        return rows.indexAt(row);
    }

    public ReadOnlyObjectProperty<Filter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Messages known so far (all of them once {@link #completeProperty} is true). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Whether every message of the capture is known (false while a big file is still being indexed). */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** Whether a filter task is running for this list. */
    public boolean filtering() {
        return running != null;
    }

    /**
     * For a capture still being indexed: a task that grows the list (and the total) as messages
     * are indexed, a batch at a time, and ends when the index is complete. Null when there is
     * nothing to follow.
     *
     * <p>What is known is handed on by a tick every {@link #FOLLOW_TICK_MILLIS} ms, not by the
     * following loop: the loop waits inside {@code hasMessage} while the indexer is slow (a file on
     * a slow disk, a reader held), and rows indexed before such a wait would stay hidden until the
     * next message came.
     */
    public Task<Integer> followTask() {
        if (complete.get()) {
            return null;
        }
        Capture c = document.capture();
        return new Task<>() {
            private final AtomicInteger seen = new AtomicInteger();
            private int published;

            @Override
            protected Integer call() {
                updateTitle("Indexing " + document.title());
                ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nlwb-follow-" + document.title());
                    t.setDaemon(true);
                    return t;
                });
                tick.scheduleWithFixedDelay(this::publish, 0, FOLLOW_TICK_MILLIS, TimeUnit.MILLISECONDS);
                int n = 0;
                try {
                    while (!isCancelled() && c.hasMessage(n)) {
                        n++;
                        seen.set(n);
                        if ((n & 1023) == 0) {
                            // learn the conversation (genl ids) as far as indexed, here: a row clicked far down
                            // would otherwise learn it on the FX thread, every message up to it
                            document.pipeline().conversation(n);
                        }
                    }
                } finally {
                    tick.shutdownNow();
                }
                int all = n;
                Platform.runLater(() -> grown(all, !isCancelled()));
                return all;
            }

            /** On the tick's thread only. */
            private void publish() {
                int soFar = seen.get();
                if (soFar > published) {
                    published = soFar;
                    Platform.runLater(() -> grown(soFar, false));
                    updateMessage(String.format(Locale.ROOT, "%,d messages", soFar));
                }
            }
        };
    }

    private void grown(int count, boolean done) {
        if (count > total.get()) {
            total.set(count);
            rows.growAll(count);
        }
        if (done) {
            complete.set(true);
        }
    }

    /**
     * A task that finds the messages {@code f} keeps; {@link #applyFilter} shows its result. Starting
     * it (FX thread) cancels a filter still running; while it runs, what it found so far replaces
     * the rows. Messages are tested on every processor; the decoder and the document are
     * thread-safe and a scan bypasses the row cache.
     */
    public Task<FilterRun.Found> filterTask(Filter f) {
        Task<FilterRun.Found> replaced = running;
        running = null;
        if (replaced != null) {
            replaced.cancel(); // replaced: what it showed stays until this one shows its own
        } else {
            beforeRunning = rows.snapshot();
            filterBeforeRunning = filter.get();
            coveredBeforeRunning = total.get();
        }
        Capture c = document.capture();
        int threads = Runtime.getRuntime().availableProcessors();
        Task<FilterRun.Found> t = new Task<>() {
            private final long started = System.nanoTime();

            @Override
            protected FilterRun.Found call() throws InterruptedException {
                updateTitle("Filtering " + document.title());
                FastFilter fast = FastFilter.of(f, document.pipeline());
                FilterRun run = new FilterRun(fast, c::hasMessage, threads, this::isCancelled);
                return run.run(soFar -> {
                    int known = Math.max(soFar.scanned(), total.get());
                    updateProgress(soFar.scanned(), known);
                    updateMessage(String.format(Locale.ROOT, "%,d of %,d looked at, %,d found", soFar.scanned(), known,
                            soFar.count()));
                    Platform.runLater(() -> partial(this, soFar));
                });
            }

            @Override
            protected void cancelled() {
                if (running == this) {
                    running = null;
                    shownBy = null;
                    show(beforeRunning);
                    filter.set(filterBeforeRunning);
                    if (total.get() > coveredBeforeRunning) {
                        testAndAppend(coveredBeforeRunning, total.get()); // arrived while it ran
                    }
                }
            }

            @Override
            protected void failed() {
                cancelled();
            }

            @Override
            public String toString() {
                return "filter " + f.text() + " started " + started;
            }
        };
        running = t;
        return t;
    }

    /** What {@code t} found so far, shown while it is the running filter. */
    private void partial(Task<FilterRun.Found> t, FilterRun.Found soFar) {
        if (running != t) {
            return;
        }
        if (!rows.showsAll() && rows.size() <= soFar.count() && shownBy == t) {
            rows.extend(soFar.kept(), soFar.count());
        } else {
            show(soFar.kept(), soFar.count());
            shownBy = t;
        }
    }

    /** The filter task whose (partial) rows are shown, so a later part only adds rows. */
    private Task<FilterRun.Found> shownBy;

    /**
     * Shows what {@code task} (made by {@link #filterTask}) found, unless a newer filter replaced it
     * meanwhile (its result would then hide the newer one's). Returns whether it was shown (FX thread).
     */
    public boolean applyFilter(Task<FilterRun.Found> task, Filter f, FilterRun.Found found) {
        if (running != task || found == null) {
            return false;
        }
        applyFilter(f, found);
        return true;
    }

    /** Shows {@code found} as the result of {@code f} (FX thread). */
    public void applyFilter(Filter f, FilterRun.Found found) {
        boolean extend = shownBy != null && shownBy == running && !rows.showsAll() && rows.size() <= found.count();
        running = null;
        shownBy = null;
        filter.set(f);
        if (f.acceptsAll()) {
            show(null, found.scanned());
        } else if (extend) {
            rows.extend(found.kept(), found.count());
        } else {
            show(found.kept(), found.count());
        }
        // live capture: messages appended after the task had looked are tested here
        int known = total.get();
        if (found.scanned() < known) {
            testAndAppend(found.scanned(), known);
        }
        if (found.scanned() > known) {
            total.set(found.scanned());
        }
    }

    /** Filters on the calling thread (small captures, tests). */
    public void applyFilterNow(Filter f) {
        Task<FilterRun.Found> t = filterTask(f);
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
        if (added.isEmpty()) {
            return;
        }
        int end = added.get(added.size() - 1).index() + 1;
        int from = total.get();
        total.set(Math.max(from, end));
        if (running != null) {
            return; // the running filter's result is completed when it is applied
        }
        testAndAppend(from, end);
    }

    private void testAndAppend(int from, int to) {
        Filter f = filter.get();
        if (f.acceptsAll()) {
            rows.growAll(to);
            return;
        }
        int[] keep = new int[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (f.test(document.decoded(i))) {
                keep[n++] = i;
            }
        }
        rows.append(keep, n);
    }

    /** Row of message {@code index} in the shown list, or -1 when it is filtered out. */
    public int rowOf(int index) {
        return rows.rowOf(index);
    }
}
