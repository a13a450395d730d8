package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.model.Issue;
import org.nlwb.app.ui.model.HexViewModel.Mark;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.tree.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a person sees of the window at its default size (headless, Monocle, 1400×900): how many
 * rows the list shows, columns that fit their texts, labels that keep their underscores, the
 * status bar, the hex pane's scrolling and colours, numbering from 0, undecoded files and ext-ACK.
 */
class WindowAsSeenTest extends WindowTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path PYROUTE2 = WorkbenchFixture.SHARED.resolve("samples/pyroute2");
    private static int fullRowsShown(javafx.scene.control.Control c) throws Exception {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) c.lookup(".virtual-flow");
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            int n = last.getIndex() - first.getIndex() + 1;
            // the last row may be cut by the bottom edge
            double bottom = last.localToScene(last.getLayoutBounds()).getMaxY();
            return bottom > flow.localToScene(flow.getLayoutBounds()).getMaxY() + 1 ? n - 1 : n;
        });
    }

    /** What a cell draws (elided, it is not its text). */
    private static String drawn(javafx.scene.control.Labeled cell) {
        for (javafx.scene.Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }

    private String statusLine() throws Exception {
        return onFx(() -> ((Label) fx.workbench.scene().lookup("#status-line")).getText());
    }

    @Test
    void theListShowsFifteenRowsAtTheDefaultSizeAndAfterAResizeRoundTrip() throws Exception {
        CaptureTab tab = fx.open(SAMPLES.resolve("kernel-ethtool-show.strace.txt"));
        assertEquals(1400, onFx(() -> fx.workbench.stage().getWidth()));
        assertTrue(fullRowsShown(tab.table()) >= 15, "rows shown: " + fullRowsShown(tab.table()));
        onFx(() -> {
            fx.workbench.stage().setWidth(1024);
            fx.workbench.stage().setHeight(700);
        });
        assertTrue(fullRowsShown(tab.table()) >= 7, "rows shown at 1024x700: " + fullRowsShown(tab.table()));
        onFx(() -> {
            fx.workbench.stage().setWidth(1400);
            fx.workbench.stage().setHeight(900);
        });
        assertTrue(fullRowsShown(tab.table()) >= 15, "rows shown after a round trip: " + fullRowsShown(tab.table()));
    }

    @Test
    void columnsFitTheLongestTypeAndFlagsNamesAndTheTreeItsNames() throws Exception {
        CaptureTab tab = fx.open(SAMPLES.resolve("kernel-ethtool-show.strace.txt"));
        List<String> cut = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (javafx.scene.Node n : tab.table().lookupAll(".table-cell")) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                String col = c.getTableColumn().getText();
                if (c.getText() != null && !c.getText().isEmpty() && List.of("Type", "Flags", "#", "Seq").contains(col)
                        && !c.getText().equals(drawn(c))) {
                    out.add(col + ": " + c.getText() + " drawn as " + drawn(c));
                }
            }
            return out;
        });
        assertEquals(List.of(), cut);
        assertTrue(onFx(() -> tab.table().getColumns().stream().anyMatch(c -> c.getText().equals("Summary"))));
        // Message #29 answers ETHTOOL_MSG_RINGS_GET; its request #28 holds ETHTOOL_A_RINGS_HEADER > ETHTOOL_A_HEADER_DEV_NAME.
        onFx(() -> tab.selectMessage(28));
        onFx(() -> tab.main().model().selectNode(
                tab.main().model().message().tree().findAll("ETHTOOL_A_HEADER_DEV_NAME").get(0)));
        Thread.sleep(300); // the tree scrolls to a node once its rows are laid out (a transition)
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (javafx.scene.Node n : tab.main().tree().table().lookupAll(".tree-table-cell")) {
                TreeTableCell<?, ?> c = (TreeTableCell<?, ?>) n;
                if (c.getTableColumn().getText().equals("Name") && c.getText() != null && c.isVisible()) {
                    out.add(c.getText().equals(drawn(c)) ? c.getText() : "cut: " + c.getText() + " as " + drawn(c));
                }
            }
            return out;
        });
        assertTrue(names.contains("ETHTOOL_A_HEADER_DEV_NAME"), names.toString());
        assertTrue(names.stream().noneMatch(s -> s.startsWith("cut:")), names.toString());
    }

    @Test
    void exportMenuItemsAndTheTabOverflowMenuKeepUnderscores() throws Exception {
        List<MenuItem> export = onFx(() -> {
            MenuBar bar = (MenuBar) fx.workbench.scene().lookup(".menu-bar");
            Menu exp = null;
            for (MenuItem i : List.copyOf(bar.getMenus().get(0).getItems())) {
                if ("_Export".equals(i.getText())) {
                    exp = (Menu) i;
                }
            }
            return List.copyOf(((Menu) exp.getItems().get(0)).getItems());
        });
        MenuItem pcap = export.stream().filter(i -> i.getText().startsWith(ExportFormat.PCAP.label())).findFirst()
                .orElseThrow();
        assertFalse(pcap.isMnemonicParsing(), "pcap (LINKTYPE_NETLINK) is shown with its underscore");
        for (int i = 0; i < 12; i++) {
            fx.open(PYROUTE2.resolve("addrmsg_ipv4.dump"));
        }
        onFx(() -> fx.workbench.stage().setWidth(900));
        javafx.scene.Node down = onFx(() -> fx.workbench.tabs().lookup(".tab-down-button"));
        assertNotNull(down);
        assertTrue(onFx(down::isVisible), "the tabs do not fit: the overflow button shows");
        new FxRobot().clickOn(down);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof javafx.scene.control.ContextMenu m && w.isShowing()) {
                    for (javafx.scene.Node n : m.getScene().getRoot().lookupAll(".text")) {
                        out.add(((Text) n).getText());
                    }
                    m.hide();
                }
            }
            return out;
        });
        assertTrue(shown.contains("addrmsg_ipv4.dump"), shown.toString());
    }

    @Test
    void theStatusBarFollowsTabSwitches() throws Exception {
        CaptureTab dummy = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"));
        CaptureTab ss = fx.open(WorkbenchFixture.captured("ss-tan.pcap"));
        assertTrue(statusLine().startsWith("ss-tan.pcap (pcap): "), statusLine());
        onFx(() -> fx.workbench.tabs().getSelectionModel().select(dummy));
        assertEquals("netns-ip-link-add-dummy-fail.pcap (pcap): 4 records, 4 messages, 0 diagnostics", statusLine());
        assertEquals("4 of 4 messages shown · pcap", onFx(() -> fx.workbench.tasks().info().getText()));
        onFx(() -> fx.workbench.tabs().getSelectionModel().select(ss));
        assertTrue(statusLine().startsWith("ss-tan.pcap (pcap): "), statusLine());
    }

    @Test
    void theStatusBarCountsALiveCaptureAsItGrows() throws Exception {
        Capture source = Loader.standard().load(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"), null, -1);
        Capture live = new Capture("monitor route link #1", "live");
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(live));
        fx.settle();
        assertEquals("0 of 0 messages shown · live", onFx(() -> fx.workbench.tasks().info().getText()));
        for (Record r : source.records()) {
            var added = live.append(r);
            onFx(() -> tab.appendLive(added));
        }
        assertEquals("4 of 4 messages shown · live", onFx(() -> fx.workbench.tasks().info().getText()));
        assertEquals("monitor route link #1 (live): 4 records, 4 messages, 0 diagnostics", statusLine());
    }

    @Test
    void selectingANodeFarDownScrollsTheHexPaneToItsBytes() throws Exception {
        CaptureTab tab = fx.open(SAMPLES.resolve("ip-monitor-link-add.strace.txt"));
        onFx(() -> tab.selectMessage(1));
        Node last = onFx(() -> {
            List<Node> leaves = new ArrayList<>();
            tab.main().model().message().tree().walk(n -> {
                if (n.isLeaf()) {
                    leaves.add(n);
                }
            });
            return leaves.get(leaves.size() - 1);
        });
        assertTrue(last.offset() / 16 > 40, "a node far down: row " + last.offset() / 16);
        onFx(() -> tab.main().model().selectNode(last));
        int row = last.offset() / 16;
        // the pane scrolls once it is laid out with the message it was just given (a pulse or two)
        java.util.concurrent.Callable<int[]> shown = () -> onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) tab.main().hex().lookup(".virtual-flow");
            return new int[] {flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex()};
        });
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
                int[] r = shown.call();
                return row >= r[0] && row <= r[1];
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says where it is
        }
        int[] rows = shown.call();
        assertTrue(row >= rows[0] && row <= rows[1], "row " + row + " outside the rows shown " + rows[0] + ".." + rows[1]);
    }

    @Test
    void aClickedByteRowStaysReadableAndTheShadedParentToo() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"));
        onFx(() -> tab.selectMessage(3));
        HexView hex = tab.main().hex();
        new FxRobot().clickOn(HexScreen.byteAt(hex, 70));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(tab.main().model().selectedNode());
        assertFalse(tab.main().model().hex().shaded().isEmpty(), "the parent's bytes are shaded");
        // Every byte on screen in a dark colour, as drawn; the marked ones read off the pixels too.
        List<String> unreadable = new ArrayList<>();
        for (Mark mark : Mark.values()) {
            for (int off : HexScreen.marked(hex, mark)) {
                Color drawn = HexScreen.look(hex, off).text();
                Color seen = mark == Mark.NONE ? drawn : HexScreen.ink(hex, off);
                if (drawn.getBrightness() > 0.7 || seen.getBrightness() > 0.7) {
                    unreadable.add(off + " " + mark + " drawn " + drawn + " seen " + seen);
                }
            }
        }
        assertTrue(HexScreen.marked(hex, Mark.HIGHLIGHTED).contains(70), "the clicked byte is highlighted on screen");
        assertEquals(List.of(), unreadable, "bytes drawn in a light colour on the light theme");
        assertTrue(onFx(() -> tab.main().hex().lookupAll(".list-cell").stream()
                .noneMatch(n -> ((javafx.scene.control.ListCell<?>) n).isSelected())), "no hex row is drawn selected");
    }

    @Test
    void messagesAreNumberedFromZeroAsNlwbDecodeDoes() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("synthetic-malformed-rtm_newaddr.pcap"));
        String first = onFx(() -> tab.table().lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn().getText().equals("#") && c.getTableRow() != null
                        && c.getTableRow().getIndex() == 0)
                .map(TableCell::getText).findFirst().orElseThrow());
        assertEquals("0", first);
        Issue issue = onFx(() -> tab.diagnostics().issues().stream().filter(Issue::hasNode).findFirst().orElseThrow());
        assertTrue(issue.location().startsWith("message #" + issue.messageIndex() + " @"), issue.location());
        onFx(() -> tab.diagnosticsView().getSelectionModel().select(issue));
        Label title = onFx(() -> (Label) tab.main().lookup(".pane-title"));
        assertTrue(onFx(title::getText).startsWith("Message #" + issue.messageIndex() + ":"), onFx(title::getText));
        // A selected error line is drawn in the selection's text colour, not red on blue.
        onFx(() -> tab.diagnosticsView().requestFocus());
        List<Color> fills = onFx(() -> tab.diagnosticsView().lookupAll(".list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.isSelected() && c.getStyleClass().contains("sev-error"))
                .map(c -> (Color) c.getTextFill()).toList());
        assertFalse(fills.isEmpty(), "a selected error line on screen; diagnostics pane "
                + onFx(() -> tab.diagnosticsView().getHeight()) + " px high");
        Color fill = fills.get(0);
        assertTrue(fill.getBrightness() > 0.9 || fill.getBrightness() < 0.3 && fill.getSaturation() < 0.2,
                "selected diagnostic text " + fill);
    }

    @Test
    void anUndecodedDumpSaysHowAndAChosenClassNamesTheType() throws Exception {
        CaptureTab tab = fx.open(PYROUTE2.resolve("iw_info_rsp.dump"));
        assertTrue(onFx(() -> tab.decodeHint().isVisible()), "the hint shows");
        assertTrue(onFx(() -> tab.decodeHint().text().getText()).contains("Choose their message class"));
        onFx(() -> tab.decodeHint().button().fire());
        assertTrue(onFx(() -> fx.workbench.classChooser().isShowing()), "the class chooser opens");
        onFx(() -> {
            fx.workbench.classChooser().hide();
            fx.workbench.classChooser().setValue("nl80211");
        });
        fx.settle();
        assertFalse(onFx(() -> tab.decodeHint().isVisible()), "decoded: the hint is gone");
        String type = onFx(() -> tab.table().lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn().getText().equals("Type") && c.getText() != null)
                .map(TableCell::getText).findFirst().orElseThrow());
        assertTrue(type.startsWith("NL80211_CMD_") && type.contains("INTERFACE"), type);
    }

    /**
     * dummy-fail's request #2 and its -EOPNOTSUPP answer, the answer with NLMSGERR_ATTR_OFFS = 44
     * added (IFLA_LINKINFO, where the kernel would point for "Unknown device type").
     */
    private static Capture withExtAckOffset() throws Exception {
        Capture source = Loader.standard().load(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap"), null, -1);
        Capture c = new Capture("ext-ack", "pcap");
        c.append(source.record(2));
        Record err = source.record(3);
        byte[] was = err.bytes().toArray();
        byte[] b = java.util.Arrays.copyOf(was, was.length + 8);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, b.length)
                .putShort(was.length, (short) 8).putShort(was.length + 2, (short) 2).putInt(was.length + 4, 44);
        c.append(new Record(err.timeNanos(), err.direction(), err.protocol(), err.pid(), err.fd(), err.syscall(),
                err.location(), ByteView.of(b)));
        return c;
    }

    @Test
    void anExtAckOffsetMarksTheRequestAttributeItPointsAt() throws Exception {
        Capture c = withExtAckOffset();
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(c));
        fx.settle();
        onFx(() -> tab.selectMessage(1));
        Node linkinfo = onFx(() -> tab.related().model().message().tree().child("IFLA_LINKINFO"));
        String why = onFx(() -> tab.related().tree().markOf(linkinfo));
        assertNotNull(why, "IFLA_LINKINFO of the request is marked");
        assertTrue(why.startsWith("The kernel rejected IFLA_LINKINFO: -EOPNOTSUPP"), why);
        assertTrue(why.contains("\"Unknown device type\""), why);
        assertEquals(linkinfo, onFx(() -> tab.related().model().selectedNode()));
        Node offs = onFx(() -> tab.main().model().message().tree().child("NLMSGERR_ATTR_OFFS"));
        assertTrue(onFx(() -> tab.main().tree().markOf(offs)).contains("is IFLA_LINKINFO"));
        assertTrue(onFx(() -> tab.related().tree().table().lookupAll(".row-marked").size()) >= 1,
                "the marked row stands out");
    }
}
