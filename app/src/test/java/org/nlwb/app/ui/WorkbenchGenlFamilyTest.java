package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window started as {@code ./nlwb --genl-family 0x15=ethtool}: a capture whose generic
 * netlink messages use id 0x15 and hold no CTRL_CMD_NEWFAMILY naming it shows them as ethtool's,
 * in every tab — a file opened later, in-memory content, a live capture.
 */
class WorkbenchGenlFamilyTest extends WindowTest {
    /** ethtool's conversation with the nlctrl exchange that names 0x15 cut out (see the README beside it). */
    private static final Path NO_CTRL = Path.of("../decoder/src/test/resources/org/nlwb/decoder/pipeline/genl-ethtool-no-ctrl.strace.txt");
    @Override
    public void start(Stage stage) {
        fx.start(stage, ConversationPolicy.parse(List.of("0x15=ethtool")));
    }

    /** The texts the Type column shows on screen, top to bottom. */
    private static List<String> typeColumn(CaptureTab tab) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> tab.table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "Type".equals(c.getTableColumn().getText()) && c.getText() != null)
                .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()))
                .map(n -> ((TableCell<?, ?>) n).getText()).toList()).get();
    }

    @Test
    void aFamilyTheCaptureDoesNotNameIsNamedFromTheCommandLineInTheListAndTheTree() throws Exception {
        CaptureTab tab = fx.open(NO_CTRL);
        List<String> types = typeColumn(tab);
        assertEquals("ETHTOOL_MSG_LINKINFO_GET", types.get(0), types.toString());
        assertTrue(types.contains("ETHTOOL_MSG_FEATURES_GET_REPLY"), types.toString());
        assertTrue(types.stream().noneMatch(t -> t.equals("0x15")), types.toString());
        String root = WaitForAsyncUtils.asyncFx(() -> tab.main().tree().table().getRoot().getValue().name()).get();
        assertEquals("ETHTOOL_MSG_LINKINFO_GET", root);
        assertEquals("ethtool", tab.document().decoded(1).className());
    }

    @Test
    void everyTabOpenedLaterKnowsTheFamilyToo() throws Exception {
        fx.open(NO_CTRL);
        byte[] content = Files.readAllBytes(NO_CTRL);
        WaitForAsyncUtils.asyncFx(() -> fx.workbench.open("pasted.strace.txt", content)).get();
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> fx.workbench.tabs().getTabs().size() == 2);
        fx.settle();
        assertEquals("ETHTOOL_MSG_LINKINFO_GET", typeColumn(fx.workbench.currentTab()).get(0));

        Capture source = Loader.standard().load(NO_CTRL, null, Protocol.UNKNOWN);
        Capture live = new Capture("monitor generic", "live");
        CaptureTab tab = WaitForAsyncUtils.asyncFx(() -> fx.workbench.openCapture(live)).get();
        for (Record r : source.records()) {
            List<MessageRef> added = live.append(r);
            WaitForAsyncUtils.asyncFx(() -> tab.appendLive(added)).get();
        }
        fx.settle();
        assertEquals("ETHTOOL_MSG_LINKINFO_GET_REPLY", typeColumn(tab).get(1));
    }
}
