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
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.compare.CompareActions;
import org.nlwb.app.ui.compare.CompareTab;
import org.nlwb.decoder.diff.DiffKind;
import org.nlwb.decoder.diff.Difference;
import org.nlwb.decoder.tree.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare tab on the recorded samples/diff-* conversations (headless, Monocle): Compare Tabs
 * and Compare on two selected messages, the difference coloured and selected on both sides, a
 * node selected on one side selecting its counterpart, F7 and the noise switch.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final Path RUN1 = Path.of("../samples/diff-ip-link-add-veth-run1.strace.txt");
    private static final Path NAME = Path.of("../samples/diff-ip-link-add-veth-name.strace.txt");
    private final WorkbenchFixture fx = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    @AfterEach
    void dispose() throws Exception {
        fx.dispose();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
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
        return onFx(() -> pane.lookupAll(".tree-table-row-cell").stream()
                .map(r -> (TreeTableRow<?>) r).filter(r -> r.getItem() == n)
                .flatMap(r -> r.getStyleClass().stream()).toList());
    }

    @Test
    void compareTabsShowsTheOneChangedNameSelectedAndColouredOnBothSides() throws Exception {
        fx.open(RUN1);
        fx.open(NAME);
        onFx(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareTabs();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        List<Difference> ds = onFx(() -> List.copyOf(tab.differenceList().getItems()));
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("RTM_NEWLINK/IFLA_IFNAME", ds.get(0).path());
        assertEquals(4, onFx(() -> tab.pairList().getItems().size()));
        Node left = onFx(() -> tab.model().left().selectedNode());
        Node right = onFx(() -> tab.model().right().selectedNode());
        assertEquals("v0", left.value());
        assertEquals("v7", right.value());
        assertTrue(rowStyles(tab.leftTree(), left).contains("diff-changed"), rowStyles(tab.leftTree(), left).toString());
        assertTrue(rowStyles(tab.rightTree(), right).contains("diff-changed"));
        assertTrue(onFx(tab::summary).startsWith("1 difference in 1 of 4 pairs"), onFx(tab::summary));
        assertEquals(left.offset(), onFx(() -> tab.model().left().hex().highlightedProperty().get().from()));
    }

    @Test
    void aNodeSelectedOnOneSideSelectsItsCounterpartAndF7StepsThroughDifferences() throws Exception {
        fx.open(RUN1);
        fx.open(NAME);
        onFx(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareTabs();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        Node peer = onFx(() -> tab.model().left().message().tree().findAll("IFLA_INFO_KIND").get(0));
        onFx(() -> {
            tab.model().left().selectNode(peer);
            return null;
        });
        Node other = onFx(() -> tab.model().right().selectedNode());
        assertNotNull(other);
        assertEquals("IFLA_INFO_KIND", other.name());
        assertSame(onFx(() -> tab.model().right().message().tree().findAll("IFLA_INFO_KIND").get(0)), other);

        onFx(() -> {
            tab.differenceList().requestFocus();
            return null;
        });
        new FxRobot().type(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(tab::summary).endsWith("no next difference"), onFx(tab::summary));
        onFx(() -> {
            tab.model().includeNoiseProperty().set(true);
            return null;
        });
        assertTrue(onFx(() -> tab.model().differences().size()) > 1, "the ACK's nlmsg_pid, the times ...");
        new FxRobot().type(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> tab.model().selectedDifferenceProperty().get().isNoise()));
    }

    @Test
    void compareOnTwoSelectedMessagesOfOneTabPairsJustThose() throws Exception {
        CaptureTab capture = fx.open(RUN1);
        onFx(() -> {
            capture.table().getSelectionModel().selectIndices(0, 2);
            return null;
        });
        onFx(() -> {
            new CompareActions(new CompareWindow(fx.workbench)).compareSelected();
            return null;
        });
        CompareTab tab = awaitCompareTab();
        assertEquals(1, onFx(() -> tab.pairList().getItems().size()));
        List<Difference> ds = onFx(() -> List.copyOf(tab.differenceList().getItems()));
        assertTrue(ds.stream().anyMatch(d -> d.kind() == DiffKind.ADDED && d.path().equals("RTM_NEWLINK/IFLA_IFNAME")), ds.toString());
        assertTrue(ds.stream().anyMatch(d -> d.kind() == DiffKind.HEADER && d.path().endsWith("nlmsg_flags")), ds.toString());
    }
}
