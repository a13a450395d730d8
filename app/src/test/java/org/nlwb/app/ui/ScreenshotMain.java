package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.nlwb.decoder.tree.Node;

/**
 * Opens the window in a real X display on a capture, selects message {@code index} and the
 * deepest node with the most interesting name, and grabs the screen with {@code xwd} into a PNG.
 * Run by {@link RealWindowScreenshotTest} in its own JVM (the test JVM uses Monocle).
 *
 * <p>Arguments: capture file, message index (0-based), node name to select, output PNG, light|dark,
 * [a spec directory to add to the search path].
 */
public final class ScreenshotMain {
    private ScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int index = Integer.parseInt(args[1]);
        String nodeName = args[2];
        Path png = Path.of(args[3]);
        boolean dark = args.length > 4 && args[4].equals("dark");
        List<Path> specDirs = args.length > 5 ? List.of(Path.of(args[5])) : List.of();
        Settings settings = ScreenGrab.settings(dark);
        CompletableFuture<Workbench> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Workbench w = ScreenGrab.window(settings, specDirs, true, 0, 0);
            w.open(file, null);
            started.complete(w);
        });
        Workbench w = started.get(120, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            if (onFx(() -> w.currentTab() != null && w.tasks().running() == 0)) {
                break;
            }
        }
        onFx(() -> w.currentTab().selectMessage(index));
        // the panes take the selected message once it is decoded off the FX thread
        while (System.currentTimeMillis() < deadline && !onFx(() -> w.currentTab().panesSettled())) {
            Thread.sleep(50);
        }
        onFx(() -> {
            CaptureTab tab = w.currentTab();
            List<Node> found = tab.main().model().message().tree().findAll(nodeName);
            if (!found.isEmpty()) {
                tab.main().model().selectNode(found.get(0));
            }
            return true;
        });
        Thread.sleep(6000); // a loaded machine draws late: the grab must see the selection
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
