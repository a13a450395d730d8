package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * Changing the selection never has the FX thread decode: the selected message, its partner and
 * the rows drawn are decoded on workers, and the panes take the selected message's models when
 * they come. Every rtnetlink message of the sample is decoded by a class here that counts on
 * which thread it runs.
 */
class SelectionOffTheFxThreadTest extends WindowTest {
    private static final Path SAMPLE = Path.of("..", "samples", "ip-monitor-link-add.strace.txt");
    private final AtomicInteger onFxThread = new AtomicInteger();
    private final AtomicInteger elsewhere = new AtomicInteger();
    private Registry registry;

    /** Decodes nothing past the header; counts where it was asked to. */
    private final class Counting implements MessageClass {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String typeName(MessageContext msg) {
            return "COUNTED";
        }

        @Override
        public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
            (Platform.isFxApplicationThread() ? onFxThread : elsewhere).incrementAndGet();
            return List.of();
        }
    }

    @Override
    public void start(Stage stage) {
        Registry.Builder b = Registry.builder();
        Counting c = new Counting();
        for (int type = 16; type < 100; type++) {
            b.bind(0, type, c); // NETLINK_ROUTE
        }
        registry = b.build();
        fx.start(stage, () -> registry);
    }

    /** The tab with nothing decoded yet: the document's cache and the rows' decodes dropped. */
    private CaptureTab freshlyDecoding() throws Exception {
        CaptureTab tab = fx.open(SAMPLE);
        onFx(() -> {
            tab.document().redecodeWith(registry, null);
            tab.redisplay();
        });
        onFx(() -> tab.document().redecodeWith(registry, null)); // the rows keep theirs: a selection decodes again
        onFxThread.set(0);
        elsewhere.set(0);
        return tab;
    }

    @Test
    void theFxThreadDecodesNothingWhenTheRowsAreDrawnAgain() throws Exception {
        CaptureTab tab = fx.open(SAMPLE);
        onFxThread.set(0);
        elsewhere.set(0);
        onFx(() -> {
            tab.document().redecodeWith(registry, null);
            tab.redisplay();
        });
        assertTrue(elsewhere.get() > 0, "the rows drawn were decoded again (on a worker)");
        assertEquals(0, onFxThread.get(), "decodes on the FX thread");
        assertEquals("COUNTED", onFx(() -> ((javafx.scene.control.Labeled) tab.table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && "COUNTED".equals(l.getText()))
                .findFirst().orElseThrow()).getText()), "a row shows its type once its message has come");
    }

    @Test
    void theFxThreadDecodesNothingWhenRowsAreSelected() throws Exception {
        CaptureTab tab = freshlyDecoding();
        int rows = onFx(() -> tab.list().rows().size());
        for (int row = 0; row < rows; row += 3) {
            int r = row;
            onFx(() -> tab.table().getSelectionModel().clearAndSelect(r));
            assertEquals(tab.list().rows().get(r).index(), onFx(() -> tab.main().model().message().ref().index()));
        }
        assertTrue(elsewhere.get() > 0, "the selected messages were decoded (on workers)");
        assertEquals(0, onFxThread.get(), "decodes on the FX thread");
    }

    @Test
    void thePanesShowTheSelectedMessageOnlyOnceItsModelsHaveCome() throws Exception {
        CaptureTab tab = freshlyDecoding();
        onFx(() -> tab.selectMessage(1));
        int[] seen = onFx(() -> {
            tab.selectMessage(5);
            DecodedMessage m = tab.main().model().message();
            return new int[] {m.ref().index(), tab.table().getSelectionModel().getSelectedItem().index()};
        });
        assertEquals(5, seen[1], "the list selects at once");
        assertEquals(1, seen[0], "the panes keep the message shown before while the new one is decoded");
        DecodedMessage shown = onFx(() -> tab.main().model().message());
        assertEquals(5, shown.ref().index(), "once its models have come, the panes show the selected message");
        assertEquals(shown, onFx(() -> tab.main().tree().table().getRoot().getValue() == shown.tree() ? shown : null),
                "the tree pane shows its tree");
    }
}
