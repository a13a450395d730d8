package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.Callable;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
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

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void theNewlinkOfTheDummyCaptureOpensInTheTypedEditors() throws Exception {
        CaptureTab capture = fx.open(WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.strace.txt"));
        int request = onFx(() -> {
            for (MessageRef r : capture.list().rows()) {
                if (r.record().direction() == Direction.TO_KERNEL
                        && capture.document().decoded(r.index()).typeName().equals("RTM_NEWLINK")) {
                    return r.index();
                }
            }
            throw new AssertionError("no RTM_NEWLINK request in the sample");
        });
        onFx(() -> {
            capture.selectMessage(request);
            MenuItem edit = capture.table().getContextMenu().getItems().stream()
                    .filter(i -> "Edit and resend".equals(i.getText())).findFirst().orElseThrow();
            edit.fire();
            return null;
        });
        fx.settle();
        String status = onFx(() -> ((javafx.scene.control.Label) fx.workbench.scene().lookup("#status-line")).getText());
        ComposerTab tab = onFx(() -> fx.workbench.tabs().getSelectionModel().getSelectedItem() instanceof ComposerTab c ? c : null);
        assertNotNull(tab, status);
        assertEquals("Edit: RTM_NEWLINK", onFx(tab::getText));
        assertEquals("rt-link", onFx(() -> tab.composition().first().family()));
    }
}
