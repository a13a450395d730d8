package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.app.ui.compose.Templates;
import org.nlwb.decoder.encode.Request;

/**
 * Opens the window in a real X display with a composer holding an ethtool linkmodes-set the running
 * kernel's policy refuses twice (header.flags outside its mask, lanes outside 1..8), runs Check (a
 * read-only policy dump: nothing is sent) and grabs the screen into a PNG once the rows are marked:
 * the picture of Check in docs/WINDOW.md. Arguments: output PNG, light|dark.
 */
public final class ComposerCheckScreenshotMain {
    private static final String REQUEST = "{\"header\": {\"dev-name\": \"v0\", \"flags\": 4}, \"autoneg\": 1, \"lanes\": 9}";

    private ComposerCheckScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args[0]);
        Settings settings = ScreenGrab.settings(args.length > 1 && args[1].equals("dark"));
        CompletableFuture<ComposerTab> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            Workbench w = ScreenGrab.window(settings, List.of(), false, 0, 0);
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) w.scene().lookup(".menu-bar");
            javafx.scene.control.Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose"))
                    .findFirst().orElseThrow();
            javafx.scene.control.Menu templates = (javafx.scene.control.Menu) compose.getItems().stream()
                    .filter(i -> "_Templates".equals(i.getText())).findFirst().orElseThrow();
            String first = Templates.all().get(0).name();
            templates.getItems().stream().filter(i -> i.getText().equals(first)).findFirst().orElseThrow().fire();
            ComposerTab tab = (ComposerTab) w.tabs().getSelectionModel().getSelectedItem();
            try {
                tab.load(List.of(Request.of("ethtool", "linkmodes-set", false,
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(REQUEST))));
            } catch (java.io.IOException e) {
                opened.completeExceptionally(e);
                return;
            }
            tab.policyCheck().check();
            opened.complete(tab);
        });
        ComposerTab tab = opened.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < 600 && tab.policyCheck().results() == null; i++) {
            Thread.sleep(100);
        }
        System.out.println("check: " + (tab.policyCheck().results() == null ? "no result" : "done"));
        Thread.sleep(4000); // a loaded machine draws late
        ScreenGrab.toPng(png);
        Platform.runLater(() -> {
            tab.sessions().close();
            settings.clear();
            Platform.exit();
        });
        System.exit(0);
    }
}
