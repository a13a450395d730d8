package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A large capture in the window: rows come before the diagnostics scan, and a new filter replaces one running. */
@ExtendWith(ApplicationExtension.class)
class BigCaptureWindowTest {
    private final WorkbenchFixture fx = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    @AfterEach
    void dispose() throws Exception {
        fx.dispose();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static Capture copies(String sample, int times) throws Exception {
        Capture source = Loader.standard().load(WorkbenchFixture.captured(sample), null, Protocol.UNKNOWN);
        Capture big = new Capture(times + " copies of " + sample, "pcap");
        for (int i = 0; i < times; i++) {
            for (Record r : source.records()) {
                big.append(r);
            }
        }
        return big;
    }

    @Test
    void rowsAreShownWhileTheDiagnosticsScanWaitsForWorkAPersonWaitsFor() throws Exception {
        Capture big = copies("synthetic-malformed-rtm_newaddr.pcap", 2_000);
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> foreground = new Task<>() {
            @Override
            protected Void call() throws InterruptedException {
                release.await(60, TimeUnit.SECONDS);
                return null;
            }
        };
        onFx(() -> {
            fx.workbench.tasks().run(foreground, x -> { });
            return null;
        });
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(big));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(big.messageCount(), onFx(() -> tab.table().getItems().size()));
        assertEquals(0, onFx(() -> tab.table().getSelectionModel().getSelectedIndex()), "the first row is selected");
        // the scan has started and waits: it has listed nothing yet, the rows are all there
        assertTrue(onFx(() -> tab.diagnostics().scanProgressProperty().get()) >= 0);
        assertEquals(0, onFx(() -> tab.diagnostics().issues().size()));
        release.countDown();
        fx.settle();
        assertFalse(onFx(() -> tab.diagnostics().issues().isEmpty()), "the malformed messages, once it ran");
        assertEquals(-1.0, onFx(() -> tab.diagnostics().scanProgressProperty().get()));
        String title = onFx(() -> ((javafx.scene.control.Label) tab.getContent().lookup(".pane-title")).getText());
        assertFalse(title.contains("checking"), title);
    }

    @Test
    void aFilterAppliedWhileAnotherRunsReplacesIt() throws Exception {
        Capture big = copies("ip-addr-show.pcap", 20_000);
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(big));
        fx.settle();
        Filter slow = Filter.parse("IFA_LABEL == \"lo\"");
        Filter wanted = Filter.parse("IFA_LABEL == \"nothing-is-called-so\" || len < 0 || type == RTM_NEWADDR && seq == 1");
        onFx(() -> {
            fx.workbench.applyFilter(slow);
            fx.workbench.applyFilter(wanted);
            return null;
        });
        fx.settle();
        assertEquals(wanted, onFx(() -> tab.list().filterProperty().get()));
        List<Integer> shown = onFx(() -> tab.list().rows().stream().map(r -> r.index()).toList());
        MessageListModel alone = onFx(() -> new MessageListModel(tab.document()));
        onFx(() -> {
            alone.applyFilterNow(wanted);
            return null;
        });
        assertEquals(onFx(() -> alone.rows().stream().map(r -> r.index()).toList()), shown);
        String status = onFx(() -> ((javafx.scene.control.Label) fx.workbench.scene().lookup("#status-line")).getText());
        assertFalse(status.contains("cancelled"), "the replaced filter is not what the status line ends on: " + status);
    }
}
