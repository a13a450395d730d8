package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compose.ComposerTab;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Edit and resend" of a captured request whose tree was decoded by a spec other than the
 * composer's (the window's registry reads the reference specs, the composer the built-in path):
 * the request is described with the family that decoded it, so its struct fits.
 */
class ComposerEditAndResendTest extends WindowTest {
    @Override
    protected void beforeDispose() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fx.workbench.tabs().getTabs().clear()).get();
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
