package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compose.ComposerTab;

/**
 * The composer in a 1024×700 window, as a laptop shows it: every check box of a flag set (ifinfomsg's
 * ifi-flags and ifi-change, the peer's too, and nlmsg_flags) can be scrolled into the composer's
 * view with no horizontal scrolling, each member's and attribute's name is drawn whole, and Send is
 * on screen — a newlink template and a replayed veth request, whose nests took the width.
 */
class ComposerAtLaptopSizeTest extends WindowTest {
    private final ComposerDriver composer = new ComposerDriver(fx);
    private static volatile org.nlwb.decoder.registry.Registry bundled;

    /**
     * The window decodes with the bundled specs, as the composer describes with them: decoded with
     * another version of rt-link (the shared specs), the replay has no description to show.
     */
    @Override
    public void start(javafx.stage.Stage stage) {
        fx.start(stage, () -> {
            if (bundled == null) {
                bundled = org.nlwb.decoder.spec.RegistryFactory.standard(List.of());
            }
            return bundled;
        });
    }

    @Override
    protected void beforeDispose() throws Exception {
        onFx(() -> fx.workbench.tabs().getTabs().clear());
    }

    private void laptopSize() throws Exception {
        onFx(() -> {
            fx.workbench.stage().setWidth(1024);
            fx.workbench.stage().setHeight(700);
        });
        fx.settle();
    }

    @Test
    void theVethTemplatesFlagsNamesAndSendAreAllReachable() throws Exception {
        laptopSize();
        ComposerTab tab = composer.template("Create a veth pair");
        fx.settle();
        assertReachable(tab, 1);
    }

    @Test
    void aReplayedVethRequestWithItsPeersHeaderIsAllReachable() throws Exception {
        laptopSize();
        CaptureTab capture = fx.open(Path.of("..", "samples", "ip-link-add-veth.strace.txt"));
        ComposerTab tab = composer.fromContextMenu(capture, 2, "Replay"); // #2: ip link add vethA type veth peer vethB
        fx.settle();
        // Raw hex, as a replay opens: its decoded tree over the bytes, not squeezed beside them
        List<Double> trees = onFx(() -> tab.getContent().lookupAll(".tree-table-view").stream()
                .filter(Node::isVisible).map(n -> n.getLayoutBounds().getWidth()).toList());
        assertTrue(trees.size() >= 2 && trees.stream().allMatch(w -> w >= 300), "tree widths " + trees);
        onFx(() -> ((ToggleButton) tab.getContent().lookup("#compose-raw-toggle")).setSelected(false));
        fx.settle();
        assertReachable(tab, 2); // the request's ifinfomsg and the peer's
    }

    /** {@code headers} ifinfomsg's worth of flag boxes, each inside the composer's view once scrolled to. */
    private static void assertReachable(ComposerTab tab, int headers) throws Exception {
        ScrollPane scroll = onFx(() -> (ScrollPane) tab.getContent().lookup(".scroll-pane"));
        List<CheckBox> boxes = onFx(() -> {
            List<CheckBox> out = new ArrayList<>();
            for (Node g : scroll.getContent().lookupAll(".compose-struct")) {
                List<Node> cells = ((GridPane) g).getChildren();
                for (int i = 0; i + 1 < cells.size(); i++) {
                    if (cells.get(i) instanceof Label l && List.of("ifi-flags", "ifi-change").contains(l.getText())) {
                        cells.get(i + 1).lookupAll(".check-box").forEach(b -> out.add((CheckBox) b));
                    }
                }
            }
            scroll.getContent().lookupAll(".check-box").stream()
                    .filter(b -> b.getId() != null && b.getId().startsWith("flag-")).forEach(b -> out.add((CheckBox) b));
            return out;
        });
        assertTrue(boxes.size() >= headers * 2 * 19 + 8, "flag boxes found: " + boxes.size() + " in "
                + onFx(() -> tab.composition().first().values().toString()));
        List<String> outside = new ArrayList<>();
        for (CheckBox b : boxes) {
            String where = onFx(() -> {
                scrollTo(scroll, b);
                Bounds view = viewport(scroll);
                Bounds box = b.localToScene(b.getLayoutBounds());
                return view.contains(box) && scroll.getHvalue() == scroll.getHmin() ? null
                        : b.getText() + " at " + box + " outside " + view;
            });
            if (where != null) {
                outside.add(where);
            }
        }
        assertEquals(List.of(), outside, "flag boxes out of the composer's view at 1024x700");
        assertTrue(onFx(() -> scroll.getContent().getLayoutBounds().getWidth() <= viewport(scroll).getWidth() + 0.5),
                "no horizontal scrolling: the content is as wide as the pane");

        List<String> cut = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : scroll.getContent().lookupAll(".compose-member, .compose-attr-name")) {
                Labeled l = (Labeled) n;
                if (!l.getText().equals(drawn(l))) {
                    out.add(l.getText() + " drawn as " + drawn(l));
                }
            }
            return out;
        });
        assertEquals(List.of(), cut, "names cut at 1024x700");
        Node send = onFx(() -> tab.getContent().lookup("#compose-send"));
        assertTrue(onFx(() -> send.isVisible() && send.getScene() != null
                && new javafx.geometry.BoundingBox(0, 0, send.getScene().getWidth(), send.getScene().getHeight())
                .contains(send.localToScene(send.getLayoutBounds()))), "Send is on screen");
    }

    /** Scrolls {@code scroll} vertically so that {@code n} is in its view, and lays it out. */
    private static void scrollTo(ScrollPane scroll, Node n) {
        Node content = scroll.getContent();
        double y = content.sceneToLocal(n.localToScene(n.getLayoutBounds())).getMinY();
        double h = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / h)));
        scroll.layout();
    }

    private static Bounds viewport(ScrollPane scroll) {
        Node v = scroll.lookup(".viewport");
        return v.localToScene(v.getLayoutBounds());
    }

    /** The text a label draws (its own, or cut with an ellipsis). */
    private static String drawn(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }
}
