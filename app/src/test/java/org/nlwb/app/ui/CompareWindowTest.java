package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compare.CompareActions;
import org.nlwb.app.ui.compare.CompareTab;
import org.nlwb.decoder.diff.DiffKind;
import org.nlwb.decoder.diff.Difference;
import org.nlwb.decoder.tree.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare tab on the recorded samples/diff-* conversations (headless, Monocle): Compare Tabs
 * and Compare on two selected messages, the difference coloured and selected on both sides, a
 * node selected on one side selecting its counterpart, F7 and the noise switch.
 */
class CompareWindowTest extends WindowTest {
    private static final Path RUN1 = Path.of("../samples/diff-ip-link-add-veth-run1.strace.txt");
    private static final Path NAME = Path.of("../samples/diff-ip-link-add-veth-name.strace.txt");

    /** As {@link #onFx}, then waits for what it set off: the compare pane re-selects on the next pulse. */
    private static <T> T onFxAndWait(java.util.concurrent.Callable<T> c) throws Exception {
        T t = WaitForAsyncUtils.asyncFx(c).get();
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    private CompareTab awaitCompareTab() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx.workbench.tabs().getSelectionModel().getSelectedItem() instanceof CompareTab);
        fx.settle();
        return (CompareTab) fx.workbench.tabs().getSelectionModel().getSelectedItem();
    }

    /** Style classes of the tree rows on screen showing {@code n}. */
    private static List<String> rowStyles(javafx.scene.Parent pane, Node n) throws Exception {
        return onFxAndWait(() -> pane.lookupAll(".tree-table-row-cell").stream()
                .map(r -> (TreeTableRow<?>) r).filter(r -> r.getItem() == n)
                .flatMap(r -> r.getStyleClass().stream()).toList());
    }

    @Test
    void compareTabsShowsTheOneChangedNameSelectedAndColouredOnBothSides() throws Exception {
        fx.open(RUN1);
        fx.open(NAME);
        onFxAndWait(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareTabs();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        List<Difference> ds = onFxAndWait(() -> List.copyOf(tab.differenceList().getItems()));
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("RTM_NEWLINK/IFLA_IFNAME", ds.get(0).path());
        assertEquals(4, onFxAndWait(() -> tab.pairList().getItems().size()));
        Node left = onFxAndWait(() -> tab.model().left().selectedNode());
        Node right = onFxAndWait(() -> tab.model().right().selectedNode());
        assertEquals("v0", left.value());
        assertEquals("v7", right.value());
        assertTrue(rowStyles(tab.leftTree(), left).contains("diff-changed"), rowStyles(tab.leftTree(), left).toString());
        assertTrue(rowStyles(tab.rightTree(), right).contains("diff-changed"));
        assertTrue(onFxAndWait(tab::summary).startsWith("1 difference in 1 of 4 pairs"), onFxAndWait(tab::summary));
        assertEquals(left.offset(), onFxAndWait(() -> tab.model().left().hex().highlightedProperty().get().from()));
    }

    @Test
    void aNodeSelectedOnOneSideSelectsItsCounterpartAndF7StepsThroughDifferences() throws Exception {
        fx.open(RUN1);
        fx.open(NAME);
        onFxAndWait(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareTabs();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        Node peer = onFxAndWait(() -> tab.model().left().message().tree().findAll("IFLA_INFO_KIND").get(0));
        onFxAndWait(() -> {
            tab.model().left().selectNode(peer);
            return null;
        });
        Node other = onFxAndWait(() -> tab.model().right().selectedNode());
        assertNotNull(other);
        assertEquals("IFLA_INFO_KIND", other.name());
        assertSame(onFxAndWait(() -> tab.model().right().message().tree().findAll("IFLA_INFO_KIND").get(0)), other);

        onFxAndWait(() -> {
            tab.differenceList().requestFocus();
            return null;
        });
        new FxRobot().type(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFxAndWait(tab::summary).endsWith("no next difference"), onFxAndWait(tab::summary));
        onFxAndWait(() -> {
            tab.model().includeNoiseProperty().set(true);
            return null;
        });
        assertTrue(onFxAndWait(() -> tab.model().differences().size()) > 1, "the ACK's nlmsg_pid, the times ...");
        new FxRobot().type(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFxAndWait(() -> tab.model().selectedDifferenceProperty().get().isNoise()));
    }

    @Test
    void compareOnTwoSelectedMessagesOfOneTabPairsJustThose() throws Exception {
        CaptureTab capture = fx.open(RUN1);
        onFxAndWait(() -> {
            capture.table().getSelectionModel().selectIndices(0, 2);
            return null;
        });
        onFxAndWait(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareSelected();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        assertEquals(1, onFxAndWait(() -> tab.pairList().getItems().size()));
        List<Difference> ds = onFxAndWait(() -> List.copyOf(tab.differenceList().getItems()));
        assertTrue(ds.stream().anyMatch(d -> d.kind() == DiffKind.ADDED && d.path().equals("RTM_NEWLINK/IFLA_IFNAME")), ds.toString());
        assertTrue(ds.stream().anyMatch(d -> d.kind() == DiffKind.HEADER && d.path().endsWith("nlmsg_flags")), ds.toString());
    }
}
