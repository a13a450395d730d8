package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.FirstRowsWarmup;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.HeapRecordStore;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.RecordStore;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big file's first rows: drawn while its indexer is held after a few thousand records, with the
 * first message selected and the columns sized, and the FX thread asking for no message past the rows it shows and sizes.
 */
class FirstRowsWindowTest extends WindowTest {
    /** Records indexed before the indexer is held. */
    private static final int HELD_AT = 6_000;

    /**
     * A capture being indexed that stops after {@link #HELD_AT} messages until released, and
     * remembers the highest message the FX thread asked for.
     */
    private static final class HeldStore implements RecordStore {
        final HeapRecordStore heap = new HeapRecordStore();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger highestOnFx = new AtomicInteger(-1);
        final AtomicInteger highestOffFx = new AtomicInteger(-1);
        volatile boolean filled;

        private void awaitRelease() {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int recordCount() {
            awaitRelease();
            return heap.recordCount();
        }

        @Override
        public int messageCount() {
            awaitRelease();
            return heap.messageCount();
        }

        @Override
        public Record record(int i) {
            return heap.record(i);
        }

        @Override
        public MessageRef message(int i) {
            if (filled) {
                (Platform.isFxApplicationThread() ? highestOnFx : highestOffFx).accumulateAndGet(i, Math::max);
            }
            return heap.message(i);
        }

        @Override
        public boolean hasMessage(int i) {
            if (filled && i >= HELD_AT && release.getCount() > 0) {
                awaitRelease();
            }
            return heap.hasMessage(i);
        }

        @Override
        public List<MessageRef> append(Record r, String note) {
            return heap.append(r, note);
        }

        @Override
        public boolean opening() {
            return release.getCount() > 0;
        }

        @Override
        public void awaitOpen() {
            awaitRelease();
        }
    }

    private static HeldStore held(String sample, int messages) throws Exception {
        List<Record> records = Loader.standard().load(WorkbenchFixture.captured(sample), null, Protocol.UNKNOWN).records();
        HeldStore store = new HeldStore();
        Capture c = new Capture("held " + sample, "pcap", store);
        while (store.heap.messageCount() < messages) {
            for (Record r : records) {
                c.append(r);
            }
        }
        store.filled = true;
        return store;
    }

    private CaptureTab openHeld(HeldStore store) throws Exception {
        Capture c = new Capture("held", "pcap", store);
        CaptureDocument doc = new CaptureDocument(c, null, null, WorkbenchFixture.registry(),
                ConversationPolicy.captureOnly(), null);
        FirstRowsWarmup.start(doc, FirstRowsWarmup.ROWS, Runnable::run);
        return onFx(() -> fx.workbench.newTab(doc));
    }

    @Test
    void rowsAreDrawnAndTheFirstMessageShownWhileTheIndexerIsHeld() throws Exception {
        HeldStore store = held("ip-addr-show.pcap", 3 * HELD_AT);
        try {
            CaptureTab tab = openHeld(store);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, tab::firstRowsDrawn);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> onFx(() -> tab.main().model().message() != null));
            assertTrue(store.opening(), "still held");
            assertFalse(onFx(() -> tab.list().completeProperty().get()), "the list knows the index is not complete");
            // every row indexed before the hold shows, though the indexer indexes no more: the list
            // is told on a tick, not only when the next message comes
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> tab.table().getItems().size()) == HELD_AT);
            assertEquals(0, onFx(() -> tab.table().getSelectionModel().getSelectedIndex()), "the first row is selected");
            assertTrue(fx.workbench.startupSteps().marked("tab: first rows laid out"));
        } finally {
            store.release.countDown();
        }
        fx.settle();
    }

    @Test
    void theFxThreadAsksForNoMessagePastTheRowsItShowsAndSizes() throws Exception {
        HeldStore store = held("ip-addr-show.pcap", 3 * HELD_AT);
        try {
            CaptureTab tab = openHeld(store);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, tab::firstRowsDrawn);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> fx.workbench.startupSteps().marked("tab: columns sized to the first rows")
                            && onFx(() -> tab.main().model().message() != null));
            WaitForAsyncUtils.waitForFxEvents();
            int visible = onFx(() -> (int) (tab.table().getHeight() / org.nlwb.app.ui.view.MessageTable.ROW_HEIGHT));
            int highest = store.highestOnFx.get();
            assertTrue(highest >= 0, "the FX thread drew rows");
            assertTrue(highest < Math.max(FirstRowsWarmup.ROWS, visible) + 2,
                    "the FX thread asked for message " + highest + " (rows sized " + FirstRowsWarmup.ROWS + ", visible "
                            + visible + ")");
            // the list's own follower, the warm-up and the waiting scan are what asks for more, off the FX thread
            assertTrue(store.highestOffFx.get() >= FirstRowsWarmup.ROWS - 1);
        } finally {
            store.release.countDown();
        }
        fx.settle();
    }
}
