package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The filter bar on a real capture: typos say the name meant, and the list never shows another filter than it says. */
class FilterBarTest extends WindowTest {
    /** {@code ip link add dummy0 type dummy} in a netns: two requests, -ENODEV, -EOPNOTSUPP with ext-ACK text. */
    private static final String DUMMY_FAIL = "netns-ip-link-add-dummy-fail.pcap";
    private FilterBar bar() {
        return fx.workbench.filterBar();
    }

    private List<Integer> shown(CaptureTab tab) throws Exception {
        return onFx(() -> tab.list().rows().stream().map(r -> r.index()).toList());
    }

    @Test
    void aMistypedFieldSaysTheNameMeantAndOneClickUsesIt() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        FxRobot robot = new FxRobot();
        robot.clickOn("#filter-field").write("IFLA_IFNAM == \"dummy0\"");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("column 1: unknown field IFLA_IFNAM (did you mean IFLA_IFNAME?)",
                onFx(() -> bar().errorLabel().getText()));
        assertTrue(onFx(() -> bar().fixButton().isVisible()));
        assertEquals("Use IFLA_IFNAME", onFx(() -> bar().fixButton().getText()));
        robot.clickOn("#filter-fix");
        fx.settle();
        assertEquals("IFLA_IFNAME == \"dummy0\"", onFx(() -> bar().field().getText()));
        assertEquals("", onFx(() -> bar().errorLabel().getText()));
        assertEquals("IFLA_IFNAME == \"dummy0\"", onFx(() -> tab.list().filterProperty().get().text()));
        assertEquals(List.of(2, 3), shown(tab)); // the request, and the error that quotes it
        assertFalse(onFx(() -> bar().inForceLabel().isVisible()));
    }

    @Test
    void aMistypedTypeNameIsRefusedAndTheListSaysWhichFilterItStillShows() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        FxRobot robot = new FxRobot();
        robot.clickOn("#filter-field").write("error != 0").type(KeyCode.ENTER);
        fx.settle();
        assertEquals(List.of(1, 3), shown(tab));
        robot.clickOn("#filter-field").push(KeyCode.SHORTCUT, KeyCode.A).write("type == RTM_NEWLNK").type(KeyCode.ENTER);
        fx.settle();
        assertEquals("column 9: unknown type name RTM_NEWLNK (did you mean RTM_NEWLINK?)",
                onFx(() -> bar().errorLabel().getText()));
        // not applied: the list keeps "error != 0" and says so beside the field
        assertEquals("error != 0", onFx(() -> tab.list().filterProperty().get().text()));
        assertEquals(List.of(1, 3), shown(tab));
        assertTrue(onFx(() -> bar().inForceLabel().isVisible()));
        assertEquals("Showing: error != 0", onFx(() -> bar().inForceLabel().getText()));
        robot.clickOn("#filter-fix");
        fx.settle();
        assertEquals("type == RTM_NEWLINK", onFx(() -> tab.list().filterProperty().get().text()));
        assertEquals(List.of(0, 2), shown(tab));
        assertFalse(onFx(() -> bar().inForceLabel().isVisible()));
    }

    @Test
    void aNameNoClassKnowsIsAWarningAndStillApplies() throws Exception {
        CaptureTab tab = fx.open(WorkbenchFixture.captured(DUMMY_FAIL));
        new FxRobot().clickOn("#filter-field").write("MY_PLUGIN_FIELD").type(KeyCode.ENTER);
        fx.settle();
        String warning = onFx(() -> bar().errorLabel().getText());
        assertTrue(warning.startsWith("column 1: no message class is known to have a field MY_PLUGIN_FIELD"), warning);
        assertTrue(onFx(() -> bar().errorLabel().getStyleClass().contains("filter-warning-text")));
        assertFalse(onFx(() -> bar().fixButton().isVisible()));
        assertEquals("MY_PLUGIN_FIELD", onFx(() -> tab.list().filterProperty().get().text()));
        assertEquals(List.of(), shown(tab));
    }
}
