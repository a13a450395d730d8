package org.nlwb.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;

/**
 * What the screenshot mains share: a window on throwaway settings at the screen's corner, and the
 * whole X screen as a PNG, as a person's screenshot is taken here ({@code xwd -root} into a file
 * beside the PNG, {@code convert} (ImageMagick) to PNG, the dump removed; a failing command is
 * named).
 */
final class ScreenGrab {
    private ScreenGrab() {
    }

    /** Settings on a preferences node of their own (the caller clears them), light or dark. */
    static Settings settings(boolean dark) {
        Settings settings = new Settings(Preferences.userRoot().node("org/nlwb/app-shot-" + UUID.randomUUID()));
        settings.setDarkTheme(dark);
        return settings;
    }

    /**
     * A window (FX thread) on {@code settings} and the standard specs plus {@code specDirs}, with the
     * window's tools when {@code tools}, at the screen's top left corner and shown; at its remembered
     * (or default) size, or {@code width} × {@code height} when both are positive.
     */
    static Workbench window(Settings settings, List<Path> specDirs, boolean tools, double width, double height) {
        Stage stage = new Stage();
        Workbench w = new Workbench(stage, new WorkbenchContext(Loader.standard(),
                () -> RegistryFactory.standard(specDirs), settings));
        if (tools) {
            WorkbenchApp.installTools(w);
        }
        stage.setX(0);
        stage.setY(0);
        if (width > 0 && height > 0) {
            stage.setWidth(width);
            stage.setHeight(height);
        }
        stage.show();
        return w;
    }

    static void toPng(Path png) throws IOException, InterruptedException {
        Path xwd = png.resolveSibling(png.getFileName() + ".xwd");
        Files.createDirectories(png.toAbsolutePath().getParent());
        run("xwd", "-root", "-silent", "-out", xwd.toString());
        run("convert", xwd.toString(), png.toString());
        Files.deleteIfExists(xwd);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
