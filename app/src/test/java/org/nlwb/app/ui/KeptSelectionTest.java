package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.model.FilterRun;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.MessageRef;

/**
 * The selected message stays selected when other rows replace the list (a running filter's first
 * rows, then its result), and comes back selected when rows that hold it replace rows that did not.
 */
class KeptSelectionTest extends WindowTest {

    private static int selectedIndex(CaptureTab tab) throws Exception {
        MessageRef r = onFx(() -> tab.table().getSelectionModel().getSelectedItem());
        return r == null ? -1 : r.index();
    }

    @Test
    void theSelectedMessageStaysSelectedWhenRowsHoldingItReplaceTheList() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"));
        onFx(() -> tab.selectMessage(2));
        Filter f = Filter.parse("seq > 0");
        onFx(() -> tab.list().applyFilter(f, new FilterRun.Found(new int[] {1, 2, 3}, 3, 4)));
        fx.settle();
        assertEquals(3, onFx(() -> tab.table().getItems().size()));
        assertEquals(2, selectedIndex(tab));
        assertEquals(1, onFx(() -> tab.table().getSelectionModel().getSelectedIndex()));
    }

    @Test
    void aSelectedMessageFilteredOutComesBackWhenLaterRowsHoldIt() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"));
        onFx(() -> tab.selectMessage(3));
        Filter f = Filter.parse("seq > 0");
        onFx(() -> tab.list().applyFilter(f, new FilterRun.Found(new int[] {0, 1}, 2, 4)));
        fx.settle();
        assertNull(onFx(() -> tab.table().getSelectionModel().getSelectedItem()));
        onFx(() -> tab.list().applyFilter(Filter.all(), new FilterRun.Found(null, 0, 4)));
        fx.settle();
        assertEquals(3, selectedIndex(tab));
    }
}
