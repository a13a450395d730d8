package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.view.MessageTable;
import org.nlwb.app.ui.view.RowWindow;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list longer than the table's window ({@link RowWindow}): the table holds a window of it, the
 * overview bar reaches every row, and selection, keys, the panes and "go to" mean the list's rows
 * wherever the window is. 30,000 messages: three windows' worth of a real dump, repeated.
 */
@ExtendWith(ApplicationExtension.class)
class LongListWindowTest {
    private final WorkbenchFixture fx = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
        stage.setWidth(1400);
        stage.setHeight(900);
    }

    @AfterEach
    void dispose() throws Exception {
        fx.dispose();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fx(Runnable r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CaptureTab openLong(int messages) throws Exception {
        Capture source = Loader.standard().load(WorkbenchFixture.captured("ip-addr-show.pcap"), null, Protocol.UNKNOWN);
        Capture big = new Capture(messages + " messages", "pcap");
        while (big.messageCount() < messages) {
            for (Record r : source.records()) {
                big.append(r);
            }
        }
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(big));
        fx.settle();
        return tab;
    }

    private static int shownMessage(CaptureTab tab) throws Exception {
        WindowTest.waitForPanes();
        return onFx(() -> tab.main().model().message() == null ? -1 : tab.main().model().message().ref().index());
    }

    @Test
    void theTableHoldsAWindowAndTheOverviewBarSpansTheList() throws Exception {
        CaptureTab tab = openLong(30_000);
        MessageTable t = tab.table();
        int rows = onFx(t::rowCount);
        assertTrue(rows >= 30_000, "rows " + rows);
        assertEquals(RowWindow.CAPACITY, (int) onFx(() -> t.getItems().size()), "the table holds one window");
        ScrollBar bar = onFx(() -> (ScrollBar) t.view().lookup(".message-overview"));
        assertTrue(onFx(bar::isVisible), "the overview bar shows for a list longer than the window");
        assertTrue(onFx(() -> t.getStyleClass().contains("windowed")));
        assertEquals(rows - t.rowsOnScreen(), onFx(bar::getMax), 0.5);

        fx(() -> bar.setValue(rows / 2.0)); // a person drags the thumb to the middle
        int first = onFx(t::firstRowOnScreen);
        assertTrue(Math.abs(first - rows / 2) <= 1, "the table shows the middle of the list: " + first);
        javafx.scene.control.skin.VirtualFlow<?> flow = onFx(() -> (javafx.scene.control.skin.VirtualFlow<?>) t.lookup(".virtual-flow"));
        int drawn = onFx(() -> ((javafx.scene.control.TableRow<?>) flow.getFirstVisibleCell()).getItem() instanceof
                org.nlwb.decoder.model.MessageRef r ? r.index() : -1);
        assertTrue(Math.abs(drawn - first) <= 1, "the first row drawn is message " + drawn);
    }

    @Test
    void aSelectionFarDownIsTheListsRowAndSurvivesTheWindowMovingAwayAndBack() throws Exception {
        CaptureTab tab = openLong(30_000);
        MessageTable t = tab.table();
        fx(() -> {
            t.selectRow(25_000);
            t.scrollToRow(24_995);
        });
        assertEquals(25_000, (int) onFx(t::selectedRow));
        assertEquals(25_000, shownMessage(tab), "the panes show the list's row 25,000");
        assertEquals(25_000, (int) onFx(() -> t.getSelectionModel().getSelectedItem().index()));

        fx(() -> t.scrollToRow(0)); // the window moves to the list's start: row 25,000 is not held
        assertEquals(0, (int) onFx(t::firstRowOnScreen));
        assertNull(onFx(() -> t.getSelectionModel().getSelectedItem()), "the table holds no selected row now");
        assertEquals(25_000, (int) onFx(t::selectedRow), "but the selection is kept");
        assertEquals(25_000, (int) onFx(() -> t.selectedMessageProperty().get().index()));
        assertEquals(25_000, shownMessage(tab), "and the panes go on showing it");

        fx(() -> t.scrollToRow(24_990)); // back: selected again
        assertEquals(25_000, (int) onFx(() -> t.getSelectionModel().getSelectedItem().index()));
        assertEquals(25_000, shownMessage(tab));
    }

    @Test
    void keysReachTheListsEndsAndWalkAcrossTheWindowsEdge() throws Exception {
        CaptureTab tab = openLong(30_000);
        MessageTable t = tab.table();
        int last = onFx(t::rowCount) - 1;
        fx(() -> {
            t.requestFocus();
            t.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.END, false, false, false, false));
        });
        assertEquals(last, (int) onFx(t::selectedRow), "End selects the list's last row, not the window's");
        assertEquals(last, shownMessage(tab));
        fx(() -> t.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.HOME, false, false, false, false)));
        assertEquals(0, (int) onFx(t::selectedRow));
        assertEquals(0, (int) onFx(t::firstRowOnScreen));

        // Next Message (Ctrl+Down) row by row into the first window's margin, where the window moves on
        fx(() -> t.selectRow(RowWindow.CAPACITY - RowWindow.MARGIN - 10));
        for (int i = 0; i < 20; i++) {
            onFx(() -> {
                t.step(1);
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        int expected = RowWindow.CAPACITY - RowWindow.MARGIN + 10;
        assertEquals(expected, (int) onFx(t::selectedRow));
        assertEquals(expected, (int) onFx(() -> t.getSelectionModel().getSelectedItem().index()));
        int first = onFx(t::firstRowOnScreen);
        assertTrue(first <= expected && expected < first + onFx(t::rowsOnScreen), "the selected row is on screen");
        assertEquals(expected, shownMessage(tab));
        assertFalse(onFx(() -> t.getItems().get(0).index()) == 0, "the window moved with it");
    }

    @Test
    void goingToAMessageAndFilteringKeepTheListsRows() throws Exception {
        CaptureTab tab = openLong(30_000);
        MessageTable t = tab.table();
        assertTrue(onFx(() -> tab.selectMessage(27_777)));
        assertEquals(27_777, shownMessage(tab));
        int first = onFx(t::firstRowOnScreen);
        assertTrue(first <= 27_777 && 27_777 < first + onFx(t::rowsOnScreen), "scrolled to: first row " + first);

        org.nlwb.decoder.filter.Filter all = org.nlwb.decoder.filter.Filter.parse("len > 0");
        fx(() -> fx.workbench.applyFilter(all));
        fx.settle();
        assertEquals(27_777, (int) onFx(() -> t.selectedMessageProperty().get().index()), "a filter that keeps it keeps it selected");
        assertEquals(27_777, (int) onFx(() -> t.getSelectionModel().getSelectedItem().index()));
    }
}
