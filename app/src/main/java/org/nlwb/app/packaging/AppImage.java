package org.nlwb.app.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The self-contained app image, made by jpackage: {@code bin/nlwb}, the jars in {@code lib/app} and
 * a runtime of its own in {@code lib/runtime} (jlink of {@link #MODULES}), so no JDK is needed to run it.
 * It runs on the class path as ./nlwb does (no JPMS): {@code org.nlwb.app.Main} with every jar of
 * lib/app.
 *
 * <p>{@code bin/nlwb} is a shell launcher ({@code launcher.sh} of the packaging resources), not
 * jpackage's native one: the native launcher's .cfg names its class path with no way to say
 * {@code $HOME} or an environment variable (JDK 17), so it could not add
 * {@code ~/.config/nlwb/plugins/*} and {@code $NLWB_PLUGINS} as ./nlwb does. The runtime therefore
 * keeps {@code bin/java} (jpackage's default jlink options strip it), and the native launcher's
 * files are removed.
 *
 * <p>The JVM options the source tree's launcher reads ({@link #JVM_OPTIONS} of the app jar: those of
 * every run, then the batch commands' collector and inlining or the window's) are copied to
 * {@code lib/}, which {@code bin/nlwb} reads the same way, so an installed nlwb runs as the measured
 * one does.
 */
final class AppImage {
    /**
     * The modules the app and its jars use ({@code jdeps --print-module-deps} over lib/ and the app
     * jar: java.desktop for JavaFX's java.beans adapters and AWT fonts, java.sql for Jackson, jdk.jfr
     * for JavaFX's pulse logger), plus java.logging and jdk.zipfs, which plugins commonly reach for.
     * A plugin needing any other module fails with NoClassDefFoundError under this runtime.
     */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "java.prefs",
            "java.sql", "java.xml", "jdk.jfr", "jdk.unsupported", "jdk.zipfs");

    /** jpackage's defaults less --strip-native-commands (the launcher runs bin/java), compressed: half the size, no slower start. */
    private static final String JLINK_OPTIONS = "--strip-debug --no-man-pages --no-header-files --compress=2";

    /**
     * The lists of JVM options, resources of the app jar (read by ./nlwb and the benchmarks too): those
     * of every run, then those of a batch command or of the window.
     */
    static final List<String> JVM_OPTIONS = List.of("/org/nlwb/app/cli/jvm.options",
            "/org/nlwb/app/cli/jvm-batch.options", "/org/nlwb/app/cli/jvm-window.options");

    private AppImage() {
    }

    /**
     * Builds {@code dest/nlwb} from the jars in {@code input} (replacing an earlier image there).
     *
     * @param mainJar the file name, in {@code input}, of the jar holding org.nlwb.app.Main
     * @param resources the packaging resources (icon, launcher)
     * @param appVersion dotted numbers only, as jpackage requires
     */
    static Path build(Path input, String mainJar, Path resources, String appVersion, Path dest, PrintStream log)
            throws IOException {
        ToolProvider jpackage = ToolProvider.findFirst("jpackage").orElseThrow(() -> new IllegalStateException(
                "jpackage is not in this Java runtime (" + System.getProperty("java.home") + "): build with a full JDK 17+"));
        Path image = dest.resolve("nlwb");
        Tree.delete(image);
        Files.createDirectories(dest);
        List<String> args = List.of("--type", "app-image", "--name", "nlwb", "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", mainJar, "--main-class", "org.nlwb.app.Main",
                "--app-version", appVersion, "--icon", resources.resolve("nlwb.png").toString(),
                "--vendor", "Netlink Workbench", "--description", "A workbench for the Linux netlink protocol",
                "--add-modules", String.join(",", MODULES), "--jlink-options", JLINK_OPTIONS);
        PrintWriter out = new PrintWriter(log, true);
        int status = jpackage.run(out, out, args.toArray(String[]::new));
        if (status != 0) {
            throw new IOException("jpackage failed (exit " + status + ") for: jpackage " + String.join(" ", args));
        }
        Files.delete(image.resolve("lib/libapplauncher.so"));
        Files.delete(image.resolve("lib/app/nlwb.cfg"));
        Files.deleteIfExists(image.resolve("lib/app/.jpackage.xml"));
        Path launcher = image.resolve("bin/nlwb");
        Files.copy(resources.resolve("launcher.sh"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String options : JVM_OPTIONS) {
            copyJvmOptions(options, image.resolve("lib").resolve(options.substring(options.lastIndexOf('/') + 1)));
        }
        return image;
    }

    private static void copyJvmOptions(String resource, Path to) throws IOException {
        try (InputStream in = AppImage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path: build the app module first");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
