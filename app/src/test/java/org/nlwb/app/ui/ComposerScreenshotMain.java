package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.app.ui.compose.Templates;

/**
 * Opens the window in a real X display with a composer whose request the kernel refuses (an
 * IFLA_MTU of 2 bytes), sends it in a throwaway namespace, and grabs the screen with {@code xwd}
 * into a PNG once the answer is shown: the composer beside the kernel's answer. Needs root.
 * Arguments: output PNG.
 */
public final class ComposerScreenshotMain {
    private ComposerScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args[0]);
        Settings settings = ScreenGrab.settings(false);
        CompletableFuture<ComposerTab> sent = new CompletableFuture<>();
        Platform.startup(() -> {
            Workbench w = ScreenGrab.window(settings, List.of(), false, 0, 0);
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) w.scene().lookup(".menu-bar");
            javafx.scene.control.Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose"))
                    .findFirst().orElseThrow();
            javafx.scene.control.Menu templates = (javafx.scene.control.Menu) compose.getItems().get(1);
            templates.getItems().stream().filter(i -> i.getText().equals(Templates.named("Set a link up").name()))
                    .findFirst().orElseThrow().fire();
            ComposerTab tab = (ComposerTab) w.tabs().getSelectionModel().getSelectedItem();
            try {
                var r = tab.composition().first().request();
                var values = ((com.fasterxml.jackson.databind.node.ObjectNode) r.values()).deepCopy();
                values.set("mtu", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"$hex\": \"dc05\"}"));
                tab.load(List.of(org.nlwb.decoder.encode.Request.of(r.family(), r.op(), r.dump(), values)
                        .withFlags(r.flags())));
            } catch (Exception e) {
                sent.completeExceptionally(e);
                return;
            }
            tab.send();
            sent.complete(tab);
        });
        ComposerTab tab = sent.get();
        for (int i = 0; i < 600 && tab.conversation().answer() == null; i++) {
            Thread.sleep(100);
        }
        System.out.println("answer: " + (tab.conversation().answer() == null ? "none" : tab.conversation().answer().summary()));
        Thread.sleep(4000); // let the views lay out and the tree scroll to the selected attribute
        Process p = new ProcessBuilder("sh", "-c", "xwd -root -silent | /usr/local/bin/convert xwd:- '" + png + "'")
                .inheritIO().start();
        int rc = p.waitFor();
        Platform.runLater(() -> {
            tab.sessions().close();
            settings.clear();
            Platform.exit();
        });
        System.exit(rc);
    }
}
