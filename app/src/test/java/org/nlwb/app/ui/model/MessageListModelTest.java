package org.nlwb.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.view.MessageTable;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.HeapRecordStore;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.RecordStore;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The list model is indices over the capture: it makes a ref only for a row someone asks for, so
 * neither a large capture nor a filter over it leaves a ref per message behind.
 */
@ExtendWith(ApplicationExtension.class)
class MessageListModelTest {
    private static final Path SHARED = Path.of(System.getProperty("nlwb.shared", "../../shared"));
    private static Registry registry;
    private static List<Record> records;

    /** A heap store that counts the refs asked of it. */
    private static final class CountingStore implements RecordStore {
        final HeapRecordStore heap = new HeapRecordStore();
        final AtomicInteger refs = new AtomicInteger();

        @Override
        public int recordCount() {
            return heap.recordCount();
        }

        @Override
        public int messageCount() {
            return heap.messageCount();
        }

        @Override
        public Record record(int i) {
            return heap.record(i);
        }

        @Override
        public MessageRef message(int i) {
            refs.incrementAndGet();
            return heap.message(i);
        }

        @Override
        public boolean hasMessage(int i) {
            return heap.hasMessage(i);
        }

        @Override
        public List<MessageRef> append(Record r, String note) {
            return heap.append(r, note);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        registry = RegistryFactory.standard(List.of(SHARED.resolve("specs/ynl")));
        records = Loader.standard().load(SHARED.resolve("samples/captured/ip-addr-show.pcap"), null, Protocol.UNKNOWN)
                .records();
    }

    private static CaptureDocument copies(CountingStore store, int times) {
        Capture c = new Capture("copies", "pcap", store);
        for (int k = 0; k < times; k++) {
            for (Record r : records) {
                c.append(r);
            }
        }
        return new CaptureDocument(c, null, null, registry, ConversationPolicy.captureOnly(), null);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void aListOfEveryMessageMakesARefOnlyForARowAskedFor() throws Exception {
        CountingStore store = new CountingStore();
        CaptureDocument doc = copies(store, 10_000);
        int n = doc.messageCount();
        MessageListModel list = onFx(() -> new MessageListModel(doc));
        assertEquals(0, store.refs.get());
        assertEquals(n, onFx(() -> list.rows().size()));
        assertEquals(n - 1, onFx(() -> list.rows().get(n - 1).index()));
        assertEquals(1, store.refs.get());
        assertEquals(n - 1, onFx(() -> list.rowOf(n - 1)));
        assertEquals(1, store.refs.get(), "finding a message's row needs no ref");
    }

    @Test
    void aFilterKeepsIndicesAndAddsNoRefAfterItsDecodes() throws Exception {
        CountingStore store = new CountingStore();
        CaptureDocument doc = copies(store, 5_000);
        int n = doc.messageCount();
        MessageListModel list = onFx(() -> new MessageListModel(doc));
        Filter f = Filter.parse("IFA_LABEL == \"lo\"");
        onFx(() -> {
            list.applyFilterNow(f);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int afterFilter = store.refs.get();
        int shown = onFx(() -> list.rows().size());
        assertTrue(shown > 0 && shown < n, shown + " of " + n);
        // what the filter found is indices: showing it, counting it and finding rows make no ref
        assertEquals(shown, onFx(() -> list.shownCountProperty().get()));
        int firstKept = onFx(() -> list.indexAt(0));
        assertEquals(0, onFx(() -> list.rowOf(firstKept)));
        assertEquals(afterFilter, store.refs.get());
        assertEquals(f, onFx(() -> list.filterProperty().get()));
    }

    @Test
    void aTableOverAHundredThousandRowsAsksForTheRowsItDraws() throws Exception {
        CountingStore store = new CountingStore();
        CaptureDocument doc = copies(store, 20_000);
        int n = doc.messageCount();
        assertTrue(n >= 100_000, n + " messages");
        Stage stage = onFx(() -> {
            MessageListModel list = new MessageListModel(doc);
            MessageTable table = new MessageTable(list, java.util.Map::of);
            Stage s = new Stage();
            s.setScene(new Scene(table, 900, 600));
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // sizing the columns looks at 500 messages, drawing at a screenful (a ref per cell drawn, made
        // again at each layout): a few thousand, never one per row
        int asked = store.refs.get();
        assertTrue(asked < 10_000, asked + " refs asked for " + n + " rows");
        onFx(() -> {
            stage.hide();
            return null;
        });
    }
}
