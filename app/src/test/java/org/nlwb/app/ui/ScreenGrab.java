package org.nlwb.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The whole X screen as a PNG, as a person's screenshot is taken here: {@code xwd -root} into a
 * file beside the PNG, {@code convert} (ImageMagick) to PNG, the dump removed. The screenshot mains
 * share it; each fails with the command that failed.
 */
final class ScreenGrab {
    private ScreenGrab() {
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
