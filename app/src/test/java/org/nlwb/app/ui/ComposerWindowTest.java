package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compose.Answer;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.app.ui.model.HexViewModel;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.testing.NeedsRoot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer driven in the window: templates from the Compose menu, edited, sent to the tab's
 * throwaway namespace (removed with the tab), the kernel's answer and where an error points.
 */
@NeedsRoot
class ComposerWindowTest extends WindowTest {
    private final ComposerDriver composer = new ComposerDriver(fx);

    @Override
    protected void beforeDispose() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fx.workbench.tabs().getTabs().clear()).get(); // closes the sessions
    }

    private static TextField field(ComposerTab tab, String rowId) throws Exception {
        return onFx(() -> {
            // ids hold dots (the attribute's path), which a CSS id selector cannot say
            Node row = tab.getContent().lookupAll(".compose-attr").stream()
                    .filter(n -> ("attr-" + rowId).equals(n.getId())).findFirst().orElse(null);
            assertNotNull(row, rowId);
            return (TextField) row.lookup(".compose-value");
        });
    }

    private Answer send(ComposerTab tab) throws Exception {
        onFx(() -> {
            tab.send();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> tab.conversation().answer() != null);
        fx.settle();
        return tab.conversation().answer();
    }

    private static String ipLink(ComposerTab tab) throws Exception {
        String ns = tab.sessions().current().orElseThrow().netnsName().orElseThrow();
        Process p = new ProcessBuilder("ip", "-n", ns, "link").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void aVethPairFromTheTemplateWithNewNamesIsAckedAndExistsInTheNamespace() throws Exception {
        ComposerTab tab = composer.template("Create a veth pair");
        TextField name = field(tab, "ifname");
        TextField peer = field(tab, "linkinfo.data.peer.ifname");
        onFx(() -> {
            name.setText("nlwbred");
            peer.setText("nlwbblue");
            return null;
        });
        assertEquals("", onFx(() -> ((javafx.scene.control.Label) tab.getContent().lookup("#compose-problem")).getText()));
        Answer a = send(tab);
        assertEquals("ACK", a.summary());
        String links = ipLink(tab);
        assertTrue(links.contains("nlwbred@nlwbblue") && links.contains("nlwbblue@nlwbred"), links);
    }

    @Test
    void anMtuOfTwoBytesIsRefusedAndTheAttributeIsSelectedAndHighlightedInTheSentMessage() throws Exception {
        ComposerTab tab = composer.template("Set a link up");
        onFx(() -> {
            tab.composition().first().put("mtu", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"$hex\": \"dc05\"}"));
            return null;
        });
        Answer a = send(tab);
        assertTrue(a.errors() == 1, a.summary());
        assertEquals("IFLA_MTU", a.explanation().pointer().dottedPath());
        var pane = tab.conversation().messagePane();
        org.nlwb.decoder.tree.Node selected = onFx(() -> pane.model().selectedNode());
        assertEquals("IFLA_MTU", selected.name());
        assertEquals(Direction.TO_KERNEL, onFx(() -> pane.model().message().ref().record().direction()));
        HexViewModel.ByteRange hl = onFx(() -> pane.model().hex().highlighted());
        assertEquals(new HexViewModel.ByteRange(selected.offset(), selected.end()), hl);
        assertEquals(6, hl.length()); // nla_len 6: a 4-byte header and the 2 bytes the kernel refuses
        java.util.Set<Integer> marked = HexScreen.marked(pane.hex(), HexViewModel.Mark.HIGHLIGHTED);
        assertEquals(java.util.stream.IntStream.range(hl.from(), hl.to()).boxed().collect(java.util.stream.Collectors.toSet()),
                marked, "the highlighted bytes are on screen");
        assertEquals(javafx.scene.paint.Color.web("#ffd54f"), HexScreen.background(pane.hex(), hl.from()),
                "drawn in the highlight colour");
    }

    @Test
    void aRequestOfACapturedFileIsReplayedFromTheMessageListAndAnswered() throws Exception {
        CaptureTab capture = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.strace.txt"));
        int request = ComposerDriver.firstRequest(capture, "RTM_NEWLINK");
        ComposerTab tab = composer.fromContextMenu(capture, request, "Replay");
        assertTrue(tab.composition().isRaw());
        Answer a = send(tab);
        assertTrue(a.errors() + a.acks() >= 1, a.summary());
        List<Direction> dirs = onFx(() -> tab.conversation().document().capture().messages().stream()
                .map(m -> m.record().direction()).toList());
        assertEquals(List.of(Direction.TO_KERNEL, Direction.FROM_KERNEL), dirs);
    }

    @Test
    void theNftablesAddTableBatchFromTheTemplateGetsItsAck() throws Exception {
        ComposerTab tab = composer.template("nftables: add table (batch)");
        Answer a = send(tab);
        assertEquals(0, a.errors(), a.summary() + " " + a.details());
        assertTrue(a.acks() >= 1, a.summary());
        assertEquals(3, onFx(() -> (int) tab.conversation().document().capture().messages().stream()
                .filter(m -> m.record().direction() == Direction.TO_KERNEL).count()));
    }
}
