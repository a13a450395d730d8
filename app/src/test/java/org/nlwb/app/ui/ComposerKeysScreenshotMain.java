package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import org.nlwb.app.ui.compose.ComposerTab;

/**
 * Opens the window in a real X display on a capture, "Replay"s message {@code index} into a
 * composer as a person does (the list's context menu), turns "Raw hex" off so the typed editors
 * show the request, scrolls to the attribute {@code attr} if given, and grabs the screen into a PNG.
 * A capture file given as {@code template:NAME} opens that template from the Compose menu instead
 * (the index is then unused); an attribute given as {@code raw} leaves "Raw hex" on, as the replay
 * opens. Nothing is sent. Arguments: capture file, message index (0-based), output PNG,
 * light|dark, [attribute].
 */
public final class ComposerKeysScreenshotMain {
    private ComposerKeysScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        String template = args[0].startsWith("template:") ? args[0].substring("template:".length()) : null;
        Path file = template == null ? Path.of(args[0]) : null;
        int index = Integer.parseInt(args[1]);
        Path png = Path.of(args[2]);
        boolean dark = args.length > 3 && args[3].equals("dark");
        String attr = args.length > 4 ? args[4] : null;
        Settings settings = ScreenGrab.settings(dark);
        CompletableFuture<Workbench> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Workbench w = ScreenGrab.window(settings, List.of(), true, 0, 0);
            if (file != null) {
                w.open(file, null);
            }
            started.complete(w);
        });
        Workbench w = started.get(120, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            if (onFx(() -> (template != null || w.currentTab() != null) && w.tasks().running() == 0)) {
                break;
            }
        }
        if (template != null) {
            onFx(() -> {
                javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) w.scene().lookup(".menu-bar");
                javafx.scene.control.Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose"))
                        .findFirst().orElseThrow();
                javafx.scene.control.Menu templates = (javafx.scene.control.Menu) compose.getItems().stream()
                        .filter(i -> "_Templates".equals(i.getText())).findFirst().orElseThrow();
                templates.getItems().stream().filter(i -> i.getText().equals(template)).findFirst().orElseThrow().fire();
                return true;
            });
        } else {
            onFx(() -> {
                CaptureTab tab = w.currentTab();
                tab.selectMessage(index);
                MenuItem replay = tab.table().getContextMenu().getItems().stream().filter(i -> "Replay".equals(i.getText()))
                        .findFirst().orElseThrow();
                replay.fire();
                return true;
            });
            for (int i = 0; i < 300 && !onFx(() -> w.tabs().getSelectionModel().getSelectedItem() instanceof ComposerTab); i++) {
                Thread.sleep(200); // the replay is read on a worker: a loaded machine opens it late
            }
            onFx(() -> {
                ComposerTab c = (ComposerTab) w.tabs().getSelectionModel().getSelectedItem();
                ((ToggleButton) c.getContent().lookup("#compose-raw-toggle")).setSelected("raw".equals(attr));
                return true;
            });
        }
        Thread.sleep(1500);
        if (attr != null) {
            onFx(() -> {
                ComposerTab c = (ComposerTab) w.tabs().getSelectionModel().getSelectedItem();
                javafx.scene.Node row = c.getContent().lookupAll(".compose-attr").stream()
                        .filter(n -> ("attr-" + attr).equals(n.getId())).findFirst().orElse(null);
                javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) c.getContent().lookup(".scroll-pane");
                if (row != null && scroll != null) {
                    double y = row.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
                    double h = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / h)));
                }
                return true;
            });
        }
        Thread.sleep(5000); // a loaded machine draws late
        ScreenGrab.toPng(png);
        settings.clear();
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
