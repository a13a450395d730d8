package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.testing.NeedsRoot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer's "Subscribe" field: the groups named there are listened to while sending (in the
 * tab's throwaway namespace, removed with the tab), a name nlwb does not know sends nothing.
 */
@NeedsRoot
class ComposerSubscribeTest extends WindowTest {
    private final ComposerDriver composer = new ComposerDriver(fx);

    @Override
    protected void beforeDispose() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fx.workbench.tabs().getTabs().clear()).get(); // closes the sessions
    }

    private static String answerText(ComposerTab tab) throws Exception {
        return onFx(() -> ((Label) tab.getContent().lookup("#compose-answer")).getText());
    }

    @Test
    void aVethPairSentWithLinkSubscribedShowsItsNewlinkNotifications() throws Exception {
        ComposerTab tab = composer.template("Create a veth pair");
        onFx(() -> {
            tab.subscribe().setText("link");
            tab.send();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tab.conversation().answer() != null);
        fx.settle();
        assertEquals("ACK", tab.conversation().answer().summary());
        List<String> notifications = onFx(() -> {
            CaptureDocument doc = tab.conversation().document();
            return tab.conversation().table().getItems().stream()
                    .filter(r -> RowCategory.of(r, doc.decoded(r.index())) == RowCategory.NOTIFICATION)
                    .map((MessageRef r) -> doc.decoded(r.index()).typeName()).toList();
        });
        assertTrue(notifications.contains("RTM_NEWLINK"), notifications.toString());
    }

    @Test
    void anUnknownGroupNameSaysWhyInTheAnswerAndSendsNothing() throws Exception {
        ComposerTab tab = composer.template("Create a veth pair");
        onFx(() -> {
            tab.subscribe().setText("link, no-such-group");
            tab.send();
            return null;
        });
        fx.settle();
        String said = answerText(tab);
        assertTrue(said.startsWith("Subscribe: ") && said.contains("no-such-group"), said);
        assertFalse(onFx(() -> tab.sessions().current().isPresent()), "no namespace made, nothing sent");
        assertEquals(null, tab.conversation().answer());
    }
}
