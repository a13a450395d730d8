package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nlwb.app.ui.ComposerDriver.onFx;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.compose.ComposerTab;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Edit and resend" of a captured request whose tree was decoded by a spec other than the
 * composer's (the window's registry reads the reference specs, the composer the built-in path):
 * the request is described with the family that decoded it, so its struct fits.
 */
@ExtendWith(ApplicationExtension.class)
class ComposerEditAndResendTest {
    private final WorkbenchFixture fx = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    @AfterEach
    void dispose() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fx.workbench.tabs().getTabs().clear()).get();
        fx.dispose();
    }

    @Test
    void theNewlinkOfTheDummyCaptureOpensInTheTypedEditors() throws Exception {
        CaptureTab capture = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.strace.txt"));
        int request = ComposerDriver.firstRequest(capture, "RTM_NEWLINK");
        ComposerTab tab = new ComposerDriver(fx).fromContextMenu(capture, request, "Edit and resend");
        assertEquals("Edit: RTM_NEWLINK", onFx(tab::getText));
        assertEquals("rt-link", onFx(() -> tab.composition().first().family()));
    }
}
