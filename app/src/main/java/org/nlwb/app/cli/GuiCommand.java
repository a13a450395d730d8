package org.nlwb.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.application.Application;
import org.nlwb.app.ui.WorkbenchApp;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb gui [FILE...]}: opens the workbench window (the default when no subcommand is named,
 * so {@code ./nlwb --genl-family 0x1c=ethtool FILE} opens the window too). {@code --genl-family}
 * and {@code --kernel-families} mean what they mean for {@code decode}, for every capture the
 * window opens, from the command line or later.
 */
@Command(name = "gui", description = "Open the workbench window on FILEs (a bundled sample when none).")
public final class GuiCommand implements Callable<Integer> {
    /** Exit status when the window cannot be shown here (no display, no GTK). */
    public static final int NO_WINDOW = 3;

    /** Directories where Debian/Ubuntu/Fedora put libgtk-3.so.0. */
    private static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64", "/lib");

    /** Held so the filter set on it stays (loggers are weakly referenced). */
    private static final java.util.logging.Logger QUIET =
            java.util.logging.Logger.getLogger("javafx");

    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<Path> files = List.of();

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = List.of();

    @Mixin
    GenlOptions genl = new GenlOptions();

    @Override
    public Integer call() {
        org.nlwb.app.ui.StartupSteps steps = org.nlwb.app.ui.StartupSteps.sinceJvmStart();
        steps.mark("command line: parsed");
        ConversationPolicy policy;
        try {
            policy = genl.policy();
        } catch (IllegalArgumentException e) {
            System.err.println("nlwb: --genl-family: " + e.getMessage());
            return 2;
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                System.err.println("nlwb: " + f + ": no such file, or not readable");
                return 2;
            }
        }
        String problem = windowProblem(System::getenv, System.getProperty("os.name", ""), LIB_DIRS);
        if (problem != null) {
            System.err.print(problem);
            return NO_WINDOW;
        }
        // JavaFX warns that it runs from the class path, which is how nlwb ships; drop that one line.
        QUIET.setFilter(r -> !String.valueOf(r.getMessage()).startsWith("Unsupported JavaFX configuration"));
        try {
            WorkbenchApp.setSpecDirs(specDirs);
            WorkbenchApp.setConversationPolicy(policy);
            WorkbenchApp.setStartupSteps(steps);
            // specs and files are read while the toolkit starts, not after
            WorkbenchApp.setPrepared(org.nlwb.app.ui.WindowStart.begin(specDirs, files,
                    org.nlwb.decoder.read.Loader.standard(), policy, steps));
            Application.launch(WorkbenchApp.class, files.stream().map(Path::toString).toArray(String[]::new));
            return 0;
        } catch (RuntimeException | Error e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            PrintStream err = System.err;
            err.println("nlwb: the window failed to start: " + root.getMessage()
                    + (String.valueOf(root.getMessage()).contains("DISPLAY")
                    ? " (DISPLAY=" + System.getenv("DISPLAY") + " cannot be reached)" : ""));
            err.println("  without a screen:          xvfb-run ./nlwb FILE...   (apt-get install xvfb libgtk-3-0)");
            err.println("  decode without a window:   ./nlwb decode FILE");
            return NO_WINDOW;
        }
    }

    /**
     * Why no window can open here, as the text to print (naming what to install), or null when
     * one can. Only Linux is checked; elsewhere JavaFX reports for itself.
     */
    static String windowProblem(Function<String, String> env, String osName, List<String> libDirs) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        String display = env.apply("DISPLAY");
        String wayland = env.apply("WAYLAND_DISPLAY");
        boolean hasDisplay = (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
        boolean hasGtk = libDirs.stream().anyMatch(d -> Files.exists(Path.of(d, "libgtk-3.so.0")));
        if (hasDisplay && hasGtk) {
            return null;
        }
        StringBuilder sb = new StringBuilder("nlwb: cannot open the window:");
        if (!hasDisplay) {
            sb.append(" no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }
        if (!hasGtk) {
            sb.append(hasDisplay ? "" : ";").append(" GTK 3 is not installed (libgtk-3.so.0 not found)");
        }
        sb.append(".\n");
        if (!hasGtk) {
            sb.append("  install it:                    apt-get install libgtk-3-0\n");
        }
        if (!hasDisplay) {
            sb.append("  without a screen, install and use a virtual one:\n")
              .append("                                 apt-get install libgtk-3-0 xvfb\n")
              .append("                                 xvfb-run ./nlwb FILE...\n");
        }
        sb.append("  or decode without a window:    ./nlwb decode FILE\n");
        return sb.toString();
    }
}
