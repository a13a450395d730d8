package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.app.ui.export.NodeFormats;
import org.nlwb.app.ui.model.HexViewModel.ByteRange;
import org.nlwb.app.ui.model.HexViewModel.Mark;
import org.nlwb.app.ui.model.Issue;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.app.ui.view.HexView;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on real captures (headless, Monocle): open, select, the tree and hex panes following
 * each other, filtering, export and re-open, a malformed capture's diagnostics.
 */
class WorkbenchWindowTest extends WindowTest {
    /** {@code ip link add dummy0 type dummy} in a netns: two requests, -ENODEV, -EOPNOTSUPP with ext-ACK text. */
    private static final String DUMMY_FAIL = "netns-ip-link-add-dummy-fail.pcap";
    /** Offsets of the bytes on screen drawn with {@code mark}. */
    private static Set<Integer> styledOffsets(CaptureTab tab, Mark mark) throws Exception {
        return HexScreen.marked(tab.main().hex(), mark);
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> s = new TreeSet<>();
        for (int i = from; i < to; i++) {
            s.add(i);
        }
        return s;
    }

    @Test
    void opensACaptureWithEveryMessageListedAndTheFirstSelected() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        assertEquals(4, tab.document().messageCount());
        assertEquals(4, onFx(() -> tab.table().getItems().size()));
        MessageViewModel vm = tab.main().model();
        assertNotNull(vm.message());
        assertEquals(0, vm.message().ref().index());
        assertEquals(4, tab.list().totalProperty().get());
    }

    @Test
    void selectingAnAttributeHighlightsExactlyItsBytesAndShadesItsParent() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> tab.selectMessage(3));
        MessageViewModel vm = tab.main().model();
        assertEquals("NLMSG_ERROR", vm.message().typeName());
        Node attr = vm.message().tree().findAll("NLMSGERR_ATTR_MSG").get(0);
        Node parent = vm.message().tree().pathTo(attr).get(vm.message().tree().pathTo(attr).size() - 2);
        // Select through the tree view, as a user does.
        onFx(() -> {
            TreeItem<Node> item = find(tab.main().tree().table().getRoot(), attr);
            tab.main().tree().table().getSelectionModel().select(item);
        });
        assertSame(attr, vm.selectedNode());
        assertEquals(new ByteRange(attr.offset(), attr.end()), vm.hex().highlighted());
        assertEquals(new ByteRange(parent.offset(), parent.end()), vm.hex().shaded());
        Set<Integer> onScreen = styledOffsets(tab, Mark.HIGHLIGHTED);
        assertEquals(range(attr.offset(), attr.end()), onScreen);
        Set<Integer> shaded = styledOffsets(tab, Mark.SHADED);
        assertTrue(shaded.stream().allMatch(o -> o >= parent.offset() && o < parent.end()
                && !(o >= attr.offset() && o < attr.end())), shaded.toString());
        // As rendered: the style sheet's highlight and shade behind the bytes, the plain background
        // elsewhere; the dark theme's colours once the View menu switches to it.
        HexView hex = tab.main().hex();
        int shadedByte = shaded.iterator().next();
        assertEquals(Color.web("#ffd54f"), HexScreen.background(hex, attr.offset()));
        assertEquals(Color.web("#ffd54f"), HexScreen.background(hex, attr.end() - 1));
        assertEquals(Color.web("#c5d8f0"), HexScreen.background(hex, shadedByte));
        assertTrue(HexScreen.distance(HexScreen.ink(hex, attr.offset()), Color.BLACK) < 0.6,
                "highlighted text is drawn dark: " + HexScreen.ink(hex, attr.offset()));
        onFx(() -> fx.workbench.theme().applyTheme(true));
        assertEquals(Color.web("#b38600"), HexScreen.background(hex, attr.offset()));
        assertEquals(Color.web("#3a5378"), HexScreen.background(hex, shadedByte));
        onFx(() -> vm.selectNode(null));
        assertEquals(Color.web("#25272a"), HexScreen.background(hex, attr.offset()), "nothing selected: the row's background");
        assertTrue(HexScreen.distance(HexScreen.ink(hex, attr.offset()), Color.WHITE) < 0.9,
                "plain text is drawn light on the dark theme: " + HexScreen.ink(hex, attr.offset()));
    }

    @Test
    void selectingANestedNodeFromTheModelOpensAndScrollsTheTreeToIt() throws Exception {
        CaptureTab tab = fx.open(Path.of("..", "samples", "ip-monitor-link-add.strace.txt"));
        MessageViewModel vm = tab.main().model();
        onFx(() -> tab.selectMessage(8));
        onFx(() -> vm.selectNode(vm.message().tree().findAll("IFLA_INFO_KIND").get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Node kind = vm.selectedNode();
        assertEquals("IFLA_INFO_KIND", kind.name());
        int[] visible = onFx(() -> {
            javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>)
                    tab.main().tree().table().lookup(".virtual-flow");
            return new int[] {flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex(),
                    tab.main().tree().table().getSelectionModel().getSelectedIndex()};
        });
        assertTrue(visible[2] >= visible[0] && visible[2] <= visible[1],
                "selected row " + visible[2] + " outside the visible rows " + visible[0] + ".." + visible[1]);
        assertEquals(range(kind.offset(), kind.end()), styledOffsets(tab, Mark.HIGHLIGHTED));
    }

    @Test
    void findJumpsToTheNextNodeWhoseValueMatchesAndToBytesGivenInHex() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        FxRobot robot = new FxRobot();
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        javafx.scene.control.TextField find = (javafx.scene.control.TextField) fx.workbench.scene().lookup("#find-field");
        assertTrue(onFx(find::isFocused), "Ctrl+F puts the caret in the find field");
        onFx(() -> find.setText("device type"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        fx.settle();
        assertEquals(3, tab.main().model().message().ref().index());
        assertEquals("NLMSGERR_ATTR_MSG", tab.main().model().selectedNode().name());
        // Hex: the ENODEV error code (-19 = ed ff ff ff) of message 2.
        onFx(() -> tab.selectMessage(0));
        onFx(() -> find.setText("ed ff ff ff"));
        robot.clickOn(find).type(javafx.scene.input.KeyCode.ENTER);
        fx.settle();
        assertEquals(1, tab.main().model().message().ref().index());
        assertEquals(new ByteRange(16, 20), tab.main().model().hex().highlighted());
    }

    @Test
    void aForcedMessageClassRedecodesTheTabAndReloadingSpecsKeepsIt() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        assertEquals("rt-link", tab.document().decoded(0).className());
        assertTrue(onFx(() -> fx.workbench.classChooser().getItems().contains("rt-addr")));
        onFx(() -> fx.workbench.classChooser().setValue("rt-addr"));
        fx.settle();
        assertEquals("rt-addr", tab.document().forcedClass());
        assertEquals("rt-addr", tab.document().decoded(0).className());
        assertEquals("rt-addr", tab.main().model().message().className());
        org.nlwb.decoder.dissect.MessageDecoder before = fx.workbench.decoder();
        onFx(() -> fx.workbench.reloadSpecs());
        fx.settle();
        assertTrue(before != fx.workbench.decoder(), "a new decoder after reloading specs");
        assertEquals("rt-addr", tab.document().decoded(0).className());
        onFx(() -> fx.workbench.classChooser().setValue(Workbench.AUTOMATIC_CLASS));
        fx.settle();
        assertEquals("rt-link", tab.document().decoded(0).className());
    }

    @Test
    void aSpecFileSavedInASpecDirectoryRedecodesTheOpenTabs(@TempDir Path specs) throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        org.nlwb.decoder.spec.SpecLibrary library = org.nlwb.decoder.spec.SpecLibrary.of(false, List.of(specs));
        onFx(() -> fx.workbench.useRegistry(library.reload()));
        fx.settle();
        assertEquals(null, tab.document().decoded(0).className());
        org.nlwb.decoder.spec.SpecWatcher watcher = WorkbenchApp.watchSpecs(library, fx.workbench);
        try {
            Files.copy(WorkbenchFixture.SHARED.resolve("specs/ynl/rt-link.yaml"), specs.resolve("rt-link.yaml"));
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> "rt-link".equals(tab.document().decoded(0).className()));
            fx.settle();
            assertEquals("rt-link", onFx(() -> tab.main().model().message().className()));
        } finally {
            watcher.close();
        }
    }

    @Test
    void toolsAddASidePanelAndAMenu() throws Exception {
        Label panel = new Label("live capture controls");
        onFx(() -> {
            fx.workbench.addSidePanel("Capture", panel);
            fx.workbench.addMenu(new javafx.scene.control.Menu("Capture"));
        });
        assertTrue(onFx(() -> panel.getScene() != null && panel.isVisible()));
        List<String> menus = onFx(() -> ((javafx.scene.control.MenuBar) fx.workbench.scene().lookup(".menu-bar"))
                .getMenus().stream().map(javafx.scene.control.Menu::getText).toList());
        assertEquals("Capture", menus.get(menus.size() - 2));
        assertEquals("_Help", menus.get(menus.size() - 1));
    }

    @Test
    void anotherMessageOfTheSameSizeKeepsTheHexRowsAndOnlyChangedRowsAreDrawnAgain() throws Exception {
        CaptureTab tab = fx.open(Path.of("..", "samples", "ip-monitor-link-add.strace.txt"));
        MessageViewModel vm = tab.main().model();
        HexView hex = tab.main().hex();
        onFx(() -> tab.selectMessage(8));
        int rows = onFx(() -> hex.getItems().size());
        List<javafx.collections.ListChangeListener.Change<?>> changes = new ArrayList<>();
        Set<javafx.scene.Node> cells = onFx(() -> {
            hex.getItems().addListener((javafx.collections.ListChangeListener<Integer>) c -> changes.add(c));
            return Set.copyOf(hex.lookupAll(".hex-row"));
        });
        // Messages #8 and #10: two notifications of 1496 bytes each.
        onFx(() -> tab.selectMessage(10));
        assertEquals(10, vm.message().ref().index());
        assertEquals(rows, onFx(() -> hex.getItems().size()));
        assertEquals(List.of(), changes, "the rows list is left alone");
        assertEquals(cells, onFx(() -> Set.copyOf(hex.lookupAll(".hex-row"))), "the same cells show the new message");
        // Selecting a field of the header changes row 0 only: row 0 alone is drawn again.
        onFx(() -> vm.selectNode(null));
        Node type = vm.message().tree().findAll("nlmsg_type").get(0);
        long before = onFx(hex::rowsPainted);
        onFx(() -> vm.selectNode(type));
        assertEquals(range(4, 6), styledOffsets(tab, Mark.HIGHLIGHTED));
        assertEquals(1, onFx(hex::rowsPainted) - before, "rows drawn for a selection within row 0");
        Node seq = vm.message().tree().findAll("nlmsg_seq").get(0);
        onFx(() -> vm.selectNode(seq));
        assertEquals(range(8, 12), styledOffsets(tab, Mark.HIGHLIGHTED));
        assertEquals(2, onFx(hex::rowsPainted) - before);
    }

    @Test
    void draggingOverBytesSelectsTheNodeCoveringAllOfThem() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> tab.selectMessage(1));
        javafx.geometry.Point2D from = bytePoint(tab, 8);
        javafx.geometry.Point2D to = bytePoint(tab, 10);
        new FxRobot().drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        // Bytes 8..10 lie in nlmsg_seq (8..12): the deepest node holding all of them.
        assertEquals("nlmsg_seq", tab.main().model().selectedNode().name());
        assertEquals(range(8, 12), styledOffsets(tab, Mark.HIGHLIGHTED));
        // Across two fields, the header that holds both.
        new FxRobot().drag(bytePoint(tab, 10)).dropTo(bytePoint(tab, 13));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nlmsghdr", tab.main().model().selectedNode().name());
    }

    @Test
    void aFileNoReaderKnowsIsReportedAndOpensNoTab(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 0x7f, 'E', 'L', 'F'});
        onFx(() -> fx.workbench.open(junk, null));
        fx.settle();
        assertEquals(0, onFx(() -> fx.workbench.tabs().getTabs().size()));
        String status = onFx(() -> ((Label) fx.workbench.scene().lookup("#status-line")).getText());
        assertTrue(status.contains("junk.bin"), status);
    }

    @Test
    void reopeningAsAnotherFormatReplacesTheTabOnlyWhenThatFormatReads() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> fx.workbench.reopenAs(org.nlwb.decoder.read.DumpFormat.STRACE));
        fx.settle();
        assertEquals(List.of(tab), onFx(() -> List.copyOf(fx.workbench.tabs().getTabs())));
        onFx(() -> fx.workbench.reopenAs(org.nlwb.decoder.read.DumpFormat.PCAP));
        fx.settle();
        List<javafx.scene.control.Tab> now = onFx(() -> List.copyOf(fx.workbench.tabs().getTabs()));
        assertEquals(1, now.size());
        assertTrue(now.get(0) != tab);
        assertEquals(org.nlwb.decoder.read.DumpFormat.PCAP, ((CaptureTab) now.get(0)).document().forcedFormat());
        assertEquals(4, ((CaptureTab) now.get(0)).document().messageCount());
    }

    private static javafx.geometry.Point2D bytePoint(CaptureTab tab, int offset) throws Exception {
        return HexScreen.byteAt(tab.main().hex(), offset);
    }

    private static TreeItem<Node> find(TreeItem<Node> it, Node n) {
        if (it.getValue() == n) {
            return it;
        }
        for (TreeItem<Node> c : it.getChildren()) {
            TreeItem<Node> f = find(c, n);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void clickingAByteSelectsTheDeepestNodeCoveringIt() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> tab.selectMessage(3));
        new FxRobot().clickOn(bytePoint(tab, 5));
        WaitForAsyncUtils.waitForFxEvents();
        Node selected = tab.main().model().selectedNode();
        assertEquals("nlmsg_type", selected.name());
        assertEquals(new ByteRange(4, 6), tab.main().model().hex().highlighted());
        assertEquals("nlmsg_type", onFx(() -> tab.main().tree().table().getSelectionModel().getSelectedItem()
                .getValue().name()));
        assertEquals(range(4, 6), styledOffsets(tab, Mark.HIGHLIGHTED));
        // Arrow keys move the caret and the selection with it: byte 6 is nlmsg_flags.
        new FxRobot().type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nlmsg_flags", tab.main().model().selectedNode().name());
        // Ctrl+→ walks field by field: nlmsg_flags → nlmsg_seq; Ctrl+← back.
        new FxRobot().press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nlmsg_seq", tab.main().model().selectedNode().name());
        assertEquals(range(8, 12), styledOffsets(tab, Mark.HIGHLIGHTED));
        new FxRobot().press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.LEFT)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nlmsg_flags", tab.main().model().selectedNode().name());
    }

    @Test
    void aFilterNarrowsTheListAndSyntaxErrorsShowWhileTyping() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        FxRobot robot = new FxRobot();
        robot.clickOn("#filter-field").write("error !=");
        WaitForAsyncUtils.waitForFxEvents();
        String err = onFx(() -> fx.workbench.filterBar().errorLabel().getText());
        assertTrue(err.startsWith("column 9:"), err);
        robot.write(" 0").type(javafx.scene.input.KeyCode.ENTER);
        fx.settle();
        assertEquals("", onFx(() -> fx.workbench.filterBar().errorLabel().getText()));
        List<Integer> shown = onFx(() -> tab.list().rows().stream().map(r -> r.index()).toList());
        assertEquals(List.of(1, 3), shown);
        // "apply as filter" from a node: the ext-ACK text keeps only its message.
        onFx(() -> tab.selectMessage(3));
        Node attr = tab.main().model().message().tree().findAll("NLMSGERR_ATTR_MSG").get(0);
        onFx(() -> fx.workbench.filterBar().setText(org.nlwb.decoder.filter.Filter.expressionFor(attr)));
        robot.clickOn("#filter-field").type(javafx.scene.input.KeyCode.ENTER);
        fx.settle();
        assertEquals(List.of(3), onFx(() -> tab.list().rows().stream().map(r -> r.index()).toList()));
    }

    @Test
    void theFilterFieldCompletesNodeNamesSeenInMessages() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> tab.selectMessage(3));
        FxRobot robot = new FxRobot();
        robot.clickOn("#filter-field").write("NLMSGERR_A");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offered = onFx(() -> fx.workbench.filterBar().suggestions().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList());
        assertTrue(offered.contains("NLMSGERR_ATTR_MSG"), offered.toString());
        onFx(() -> fx.workbench.filterBar().suggestions().getItems().stream()
                .filter(i -> i.getText().equals("NLMSGERR_ATTR_MSG")).findFirst().orElseThrow().fire());
        assertEquals("NLMSGERR_ATTR_MSG", onFx(() -> fx.workbench.filterBar().field().getText()));
    }

    @Test
    void exportedPcapReopensToTheSameDecodeAndJsonFollowsTheContract(@TempDir Path dir) throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("ip-addr-show.pcap"));
        Path pcap = dir.resolve("out.pcap");
        onFx(() -> fx.workbench.export(Workbench.Scope.ALL, ExportFormat.PCAP, pcap));
        fx.settle();
        Path json = dir.resolve("out.json");
        onFx(() -> fx.workbench.export(Workbench.Scope.ALL, ExportFormat.JSON, json));
        fx.settle();
        CaptureTab again = fx.open(pcap);
        assertEquals(tab.document().messageCount(), again.document().messageCount());
        for (int i = 0; i < tab.document().messageCount(); i++) {
            assertEquals(NodeFormats.json(tab.document().decoded(i).tree()),
                    NodeFormats.json(again.document().decoded(i).tree()), "message " + i);
            assertEquals(tab.document().message(i).record().direction(), again.document().message(i).record().direction());
            assertEquals(tab.document().message(i).record().timeNanos(), again.document().message(i).record().timeNanos());
        }
        JsonNode doc = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(tab.document().messageCount(), doc.get("messages").size());
        assertEquals("pcap", doc.get("format").asText());
        assertEquals(tab.document().decoded(0).tree().name(), doc.get("messages").get(0).get("tree").get("name").asText());
    }

    @Test
    void filteredMessagesExportAsPyroute2AndTextAndReopenToTheSameTrees(@TempDir Path dir) throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> fx.workbench.filterBar().setText("type == NLMSG_ERROR"));
        new FxRobot().clickOn("#filter-field").type(javafx.scene.input.KeyCode.ENTER);
        fx.settle();
        assertEquals(2, onFx(() -> tab.list().rows().size()));
        Path data = dir.resolve("errors.data");
        onFx(() -> fx.workbench.export(Workbench.Scope.SHOWN, ExportFormat.PYROUTE2, data));
        fx.settle();
        Path text = dir.resolve("errors.txt");
        onFx(() -> fx.workbench.export(Workbench.Scope.SHOWN, ExportFormat.TEXT, text));
        fx.settle();
        CaptureTab again = fx.open(data);
        assertEquals("pyroute2", again.document().capture().format());
        assertEquals(2, again.document().messageCount());
        // A pyroute2 dump keeps the bytes but not the protocol or direction, so the messages come
        // back byte for byte, and decode alike as far as the protocol does not matter (the header).
        for (int i = 0; i < 2; i++) {
            org.nlwb.decoder.model.MessageRef was = tab.list().rows().get(i);
            assertTrue(was.bytes().contentEquals(again.document().message(i).bytes()), "message " + i);
            assertEquals(NodeFormats.json(tab.document().decoded(was.index()).tree().child("nlmsghdr")),
                    NodeFormats.json(again.document().decoded(i).tree().child("nlmsghdr")), "message " + i);
        }
        String t = Files.readString(text);
        assertTrue(t.contains("error: -ENODEV (No such device)  [16+4]"), t);
        assertTrue(t.contains("NLMSGERR_ATTR_MSG"), t);
    }

    @Test
    void selectedMessagesExportInCaptureOrder(@TempDir Path dir) throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        onFx(() -> {
            tab.table().getSelectionModel().clearSelection();
            tab.table().getSelectionModel().select(3);
            tab.table().getSelectionModel().select(1);
        });
        Path json = dir.resolve("selected.json");
        onFx(() -> fx.workbench.export(Workbench.Scope.SELECTED, ExportFormat.JSON, json));
        fx.settle();
        JsonNode doc = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, doc.get("messages").size());
        assertEquals(1, doc.get("messages").get(0).get("index").asInt());
        assertEquals(3, doc.get("messages").get(1).get("index").asInt());
        assertEquals("NLMSG_ERROR", doc.get("messages").get(1).get("tree").get("name").asText());
    }

    @Test
    void exportedPcapIsReadByTshark(@TempDir Path dir) throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(tshark),
                "skipped: tshark is not installed (apt-get install tshark) so the pcap cannot be cross-checked");
        CaptureTab tab = fx.open(WorkbenchFixture.captured("ip-addr-show.pcap"));
        Path pcap = dir.resolve("out.pcap");
        onFx(() -> fx.workbench.export(Workbench.Scope.ALL, ExportFormat.PCAP, pcap));
        fx.settle();
        Process p = new ProcessBuilder(tshark.toString(), "-r", pcap.toString(), "-T", "fields", "-e", "frame.protocols")
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(tab.document().capture().recordCount(), lines.size(), out);
        assertTrue(lines.stream().allMatch(l -> l.contains("netlink")), out);
    }

    @Test
    void aLiveTabShowsMessagesAppendedWhileItIsOpen() throws Exception {
        org.nlwb.decoder.model.Capture source = org.nlwb.decoder.read.Loader.standard()
                .load(WorkbenchFixture.captured(DUMMY_FAIL), null, org.nlwb.decoder.model.Protocol.UNKNOWN);
        org.nlwb.decoder.model.Capture live = new org.nlwb.decoder.model.Capture("monitor route", "live");
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(live));
        assertEquals(0, onFx(() -> tab.table().getItems().size()));
        for (org.nlwb.decoder.model.Record r : source.records()) {
            List<org.nlwb.decoder.model.MessageRef> added = live.append(r);
            onFx(() -> tab.appendLive(added));
        }
        assertEquals(4, onFx(() -> tab.table().getItems().size()));
        onFx(() -> tab.selectMessage(3));
        assertEquals("NLMSG_ERROR", tab.main().model().message().typeName());
        assertEquals(0, onFx(() -> tab.diagnostics().issues().size()));
        // Malformed messages arriving live are listed as they come, as a full scan would list them.
        org.nlwb.decoder.model.Capture bad = org.nlwb.decoder.read.Loader.standard().load(
                WorkbenchFixture.captured("synthetic-malformed-rtm_newaddr.pcap"), null, org.nlwb.decoder.model.Protocol.UNKNOWN);
        for (org.nlwb.decoder.model.Record r : bad.records()) {
            List<org.nlwb.decoder.model.MessageRef> added = live.append(r);
            onFx(() -> tab.appendLive(added));
        }
        List<String> full = onFx(() -> {
            org.nlwb.app.ui.model.DiagnosticsModel scan = new org.nlwb.app.ui.model.DiagnosticsModel(tab.document());
            scan.scanNow();
            return scan.issues().stream().map(Issue::text).toList();
        });
        assertFalse(full.isEmpty());
        assertEquals(full, onFx(() -> tab.diagnostics().issues().stream().map(Issue::text).toList()));
    }

    @Test
    void aLongFilterShowsProgressAndCancelLeavesTheListAsItWas() throws Exception {
        org.nlwb.decoder.model.Capture source = org.nlwb.decoder.read.Loader.standard()
                .load(WorkbenchFixture.captured("ip-addr-show.pcap"), null, org.nlwb.decoder.model.Protocol.UNKNOWN);
        org.nlwb.decoder.model.Capture big = new org.nlwb.decoder.model.Capture("many copies", "pcap");
        for (int i = 0; i < 20_000; i++) {
            for (org.nlwb.decoder.model.Record r : source.records()) {
                big.append(r);
            }
        }
        CaptureTab tab = onFx(() -> fx.workbench.openCapture(big));
        fx.settle();
        int all = big.messageCount();
        assertEquals(all, onFx(() -> tab.list().rows().size()));
        // nlmsghdr is a name only the whole tree answers: every message is decoded, so the filter is long
        org.nlwb.decoder.filter.Filter f = org.nlwb.decoder.filter.Filter.parse("nlmsghdr && IFA_LABEL == \"lo\"");
        onFx(() -> fx.workbench.applyFilter(f));
        javafx.scene.control.ProgressBar bar = onFx(() -> (javafx.scene.control.ProgressBar)
                fx.workbench.tasks().bar().lookup(".progress-bar"));
        assertTrue(onFx(bar::isVisible), "progress shows while filtering");
        javafx.scene.control.Button cancel = onFx(() -> fx.workbench.tasks().bar().getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.getText().equals("Cancel"))
                .map(n -> (javafx.scene.control.Button) n).findFirst().orElseThrow());
        new FxRobot().clickOn(cancel);
        fx.settle();
        assertEquals(all, onFx(() -> tab.list().rows().size()));
        assertTrue(onFx(() -> tab.list().filterProperty().get().acceptsAll()));
        String status = onFx(() -> ((Label) fx.workbench.scene().lookup("#status-line")).getText());
        assertTrue(status.endsWith("cancelled"), status);
    }

    @Test
    void aMalformedCaptureListsItsProblemsAndJumpsToThem() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured("synthetic-malformed-rtm_newaddr.pcap"));
        List<Issue> issues = onFx(() -> new ArrayList<>(tab.diagnostics().issues()));
        assertFalse(issues.isEmpty());
        Issue malformed = issues.stream().filter(i -> i.hasNode() && i.severity() == Diagnostic.Severity.ERROR)
                .findFirst().orElseThrow();
        onFx(() -> tab.diagnosticsView().getSelectionModel().select(malformed));
        Node selected = tab.main().model().selectedNode();
        assertNotNull(selected);
        assertEquals(malformed.messageIndex(), tab.main().model().message().ref().index());
        assertEquals(Status.MALFORMED, selected.status());
        assertEquals(new ByteRange(selected.offset(), selected.end()), tab.main().model().hex().highlighted());
        // All three messages hold a malformed item, and their rows say so.
        long malformedRows = onFx(() -> tab.table().lookupAll(".table-row-cell").stream()
                .filter(n -> n.getStyleClass().contains("cat-malformed")).count());
        assertEquals(3, malformedRows);
        // Every message of the file can be shown without an exception.
        for (int i = 0; i < tab.document().messageCount(); i++) {
            int k = i;
            onFx(() -> tab.selectMessage(k));
        }
    }
}
