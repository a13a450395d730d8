package org.nlwb.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.nlwb.app.ui.compare.CompareActions;
import org.nlwb.app.ui.compare.CompareTab;

/**
 * Opens the window in a real X display on two captures, compares them (Compare Tabs) and grabs
 * the screen with {@code xwd} into a PNG: how {@code docs/compare.png} was made (Xvfb 1400x900,
 * xcompmgr). Arguments: left capture, right capture, output PNG, and {@code dark} for the dark theme.
 */
public final class CompareScreenshotMain {
    private CompareScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path left = Path.of(args[0]);
        Path right = Path.of(args[1]);
        Path png = Path.of(args[2]);
        Settings settings = ScreenGrab.settings(args.length > 3 && args[3].equals("dark"));
        CompletableFuture<Workbench> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Workbench w = ScreenGrab.window(settings, List.of(), false, 1400, 900);
            w.open(left, null);
            started.complete(w);
        });
        Workbench w = started.get(20, TimeUnit.SECONDS);
        waitIdle(w, () -> w.currentTab() != null);
        onFx(() -> {
            w.open(right, null);
            return true;
        });
        waitIdle(w, () -> w.tabs().getTabs().size() == 2);
        onFx(() -> {
            w.tabs().getSelectionModel().select(0);
            new CompareActions(new CompareWindow(w)).compareTabs();
            return true;
        });
        waitIdle(w, () -> w.tabs().getSelectionModel().getSelectedItem() instanceof CompareTab);
        Thread.sleep(1500);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Process p = new ProcessBuilder("sh", "-c", "xwd -root -silent | convert xwd:- '" + png + "'").inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xwd | convert failed");
        }
        settings.clear();
        Platform.exit();
        System.exit(0);
    }

    private static void waitIdle(Workbench w, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            if (onFx(() -> done.call() && w.tasks().running() == 0)) {
                return;
            }
        }
        throw new IllegalStateException("the window did not get there within 30 s");
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
        return f.get(20, TimeUnit.SECONDS);
    }
}
