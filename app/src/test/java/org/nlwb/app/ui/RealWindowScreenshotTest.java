package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The window in a real X server (Xvfb), not Monocle: starts it on a capture in its own JVM and
 * writes {@code app/target/screenshot-light.png} (and {@code screenshot-dark.png} with
 * {@code -Dnlwb.screenshots=all}) to look at.
 * Skipped, saying why, where Xvfb, xwd, convert or GTK 3 are missing.
 */
class RealWindowScreenshotTest {

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theWindowRendersInARealXServer() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String t : List.of("Xvfb", "xwd", "convert")) {
            if (!onPath(t)) {
                missing.add(t);
            }
        }
        boolean gtk = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/lib/aarch64-linux-gnu")
                .stream().anyMatch(d -> Files.exists(Path.of(d, "libgtk-3.so.0")));
        if (!gtk) {
            missing.add("libgtk-3-0");
        }
        assumeTrue(missing.isEmpty(), "skipped: no real X server can be had here; missing " + missing
                + " (apt-get install xvfb x11-apps imagemagick libgtk-3-0)");
        int display = 90 + (int) (ProcessHandle.current().pid() % 9);
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(700);
            assumeTrue(xvfb.isAlive(), "skipped: Xvfb :" + display + " did not start");
            Path target = Path.of("target").toAbsolutePath();
            // The project's own sample: ip monitor beside ip link add ... type veth (requests, ACKs, notifications).
            Path sample = Path.of("..", "samples", "ip-monitor-link-add.strace.txt").toAbsolutePath().normalize();
            // The dark theme too with -Dnlwb.screenshots=all (it doubles the time of this test).
            List<String> themes = "all".equals(System.getProperty("nlwb.screenshots")) ? List.of("light", "dark")
                    : List.of("light");
            for (String theme : themes) {
                Path png = target.resolve("screenshot-" + theme + ".png");
                Files.deleteIfExists(png);
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ScreenshotMain.class.getName(),
                        // built-in families only: the window as a user sees it after ./nlwb
                        sample.toString(), "7", "IFLA_INFO_KIND", png.toString(), theme);
                pb.environment().put("DISPLAY", ":" + display);
                pb.environment().remove("WAYLAND_DISPLAY");
                pb.inheritIO();
                Process app = pb.start();
                assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the window did not finish within 60 s");
                assertEquals(0, app.exitValue(), "the window process failed");
                assertTrue(Files.size(png) > 20_000, "screenshot " + png + " is too small to show a window");
            }
        } finally {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
