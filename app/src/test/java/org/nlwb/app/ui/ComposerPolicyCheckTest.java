package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.decoder.encode.Request;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer's Check against the running kernel's ethtool policy (a read-only dump in the host
 * namespace; nothing is sent): the row of the attribute out of range is marked, an edit back into
 * range clears it, and the policy view lists the operation's attributes.
 */
class ComposerPolicyCheckTest extends WindowTest {
    @Override
    protected void beforeDispose() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            fx.workbench.tabs().getTabs().clear();
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                    && s.getTitle().contains("kernel policy")).forEach(Window::hide);
        }).get();
    }

    private ComposerTab composer(String json) throws Exception {
        onFx(() -> {
            MenuBar bar = (MenuBar) fx.workbench.scene().lookup(".menu-bar");
            Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose")).findFirst().orElseThrow();
            Menu templates = (Menu) compose.getItems().stream().filter(i -> i.getText().equals("_Templates")).findFirst().orElseThrow();
            templates.getItems().get(0).fire();
            return null;
        });
        fx.settle();
        ComposerTab tab = onFx(() -> (ComposerTab) fx.workbench.tabs().getSelectionModel().getSelectedItem());
        onFx(() -> {
            tab.load(List.of(Request.of("ethtool", "linkmodes-set", false, new ObjectMapper().readTree(json))));
            return null;
        });
        return tab;
    }

    private void check(ComposerTab tab) throws Exception {
        onFx(() -> {
            tab.policyCheck().check();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tab.policyCheck().results() != null);
        fx.settle();
    }

    private static List<String> marked(ComposerTab tab) throws Exception {
        return onFx(() -> tab.getContent().lookupAll(".compose-policy-problem").stream().map(Node::getId).toList());
    }

    @Test
    void lanesOutOfRangeIsMarkedOnItsRowAndAnEditBackIntoRangeClearsIt() throws Exception {
        ComposerTab tab = composer("{\"header\": {\"dev-name\": \"nv0\"}, \"lanes\": 9}");
        check(tab);
        assertEquals("✗ 1 policy problem: ETHTOOL_A_LINKMODES_LANES: value 9 is outside 1..8",
                onFx(() -> tab.policyCheck().indicator().getText()));
        assertEquals(List.of("attr-lanes"), marked(tab));
        assertTrue(onFx(() -> tab.policyCheck().indicator().getTooltip().getText())
                .contains("ETHTOOL_A_LINKMODES_LANES: value 9 is outside 1..8"));
        onFx(() -> {
            tab.composition().first().put("lanes", IntNode.valueOf(2));
            return null;
        });
        fx.settle();
        assertEquals("✓ within the kernel's policy", onFx(() -> tab.policyCheck().indicator().getText()));
        assertEquals(List.of(), marked(tab));
    }

    @Test
    void aHeaderFlagOutsideItsMaskMarksTheRowInsideTheNest() throws Exception {
        ComposerTab tab = composer("{\"header\": {\"dev-name\": \"nv0\", \"flags\": 4}}");
        check(tab);
        assertEquals(List.of("attr-header.flags"), marked(tab), onFx(() -> tab.policyCheck().indicator().getTooltip().getText()
                + " values " + tab.composition().first().values() + " rows " + tab.getContent().lookupAll(".compose-attr").stream().map(Node::getId).toList()));
    }

    @Test
    void thePolicyViewListsTheOperationsAttributesByName() throws Exception {
        ComposerTab tab = composer("{\"header\": {\"dev-name\": \"nv0\"}}");
        onFx(() -> {
            ((javafx.scene.control.Button) tab.getContent().lookup("#compose-policy")).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> policyWindow() != null);
        fx.settle();
        List<String> names = onFx(() -> {
            TableView<?> t = (TableView<?>) policyWindow().getScene().lookup("#policy-table");
            return t.getItems().stream().map(r -> ((org.nlwb.decoder.policy.PolicyRows.Row) r).path()).toList();
        });
        assertTrue(names.contains("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_FLAGS"), names.toString());
        assertTrue(names.contains("ETHTOOL_A_LINKMODES_LANES"), names.toString());
        assertFalse(onFx(() -> policyWindow().getTitle()).isEmpty());
    }

    private static Stage policyWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("kernel policy")).map(w -> (Stage) w).findFirst().orElse(null);
    }
}
