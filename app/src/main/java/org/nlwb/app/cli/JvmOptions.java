package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM options nlwb runs with, from the lists the {@code ./nlwb} launcher and the installed one
 * also read (beside this class, in the sources under {@code app/src/main/resources}): {@value #RESOURCE},
 * the options of every run, then the list of the run's {@link Use}, {@code jvm-batch.options} or
 * {@code jvm-window.options}. Each file holds one option a line, none with a space in it; blank
 * lines and lines starting with {@code #} are skipped (so each file is also a {@code java @file}).
 * With {@code NLWB_CDS=1}, as of the launcher, the class data sharing archive {@value #ARCHIVE}
 * beside the jar comes last (the build makes it: {@link CdsTraining}; not the default: a long
 * decode measured 1.5 times the CPU with it). The benchmarks run nlwb with these, so their figures
 * are a user's.
 *
 * <p>Pitfall: the launchers choose the use from the command line with a rule of their own (a shell
 * function, {@code jvm_use}); {@code LauncherJvmUseTest} holds it to what {@code Main} runs.
 */
final class JvmOptions {
    static final String RESOURCE = "jvm.options";
    /** The AppCDS archive beside the jar ({@code app/target}). */
    static final String ARCHIVE = "nlwb.jsa";

    /**
     * Which list a run gets after the common one: the window keeps a collector with short pauses, a
     * command that runs to its end gets the one with the least CPU.
     */
    enum Use {
        /** Commands that run to their end: decode, convert, diff, bench's children, ... */
        BATCH,
        /** The window ({@code nlwb}, {@code nlwb FILE}, {@code gui}, {@code bench --window}). */
        WINDOW;

        /** The list's resource name beside this class: {@code jvm-batch.options}, {@code jvm-window.options}. */
        String resource() {
            return "jvm-" + name().toLowerCase(Locale.ROOT) + ".options";
        }
    }

    private JvmOptions() {
    }

    /** The options of every run, then those of {@code use}. */
    static List<String> of(Use use) {
        List<String> options = new ArrayList<>(lines(RESOURCE));
        options.addAll(lines(use.resource()));
        return options;
    }

    /** The options of one list: its lines that are neither blank nor {@code #} comments; none for a missing list. */
    static List<String> lines(String resource) {
        try (InputStream in = JvmOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    options.add(t);
                }
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The options for a run of {@code use} on {@code classPath}: {@link #of}, then, with {@code NLWB_CDS=1},
     * the archive when there is one beside the first entry (the jar), as the launcher adds it.
     */
    static List<String> forClassPath(String classPath, Use use) {
        List<String> options = of(use);
        if (!"1".equals(System.getenv("NLWB_CDS"))) {
            return options;
        }
        String first = classPath.split(java.io.File.pathSeparator, 2)[0];
        Path dir = Path.of(first).toAbsolutePath().getParent();
        if (dir != null && Files.isRegularFile(dir.resolve(ARCHIVE))) {
            options.add("-XX:SharedArchiveFile=" + dir.resolve(ARCHIVE));
        }
        return options;
    }

    /**
     * This very program as a user's launcher starts a batch command (the benchmarks' children are
     * all decodes or monitors): the same Java and class path, the launcher's options, then
     * {@code org.nlwb.app.Main}; {@code heap} (say {@code -Xmx512m}) goes after the options when not null.
     */
    static List<String> nlwbCommand(String heap) {
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(forClassPath(cp, Use.BATCH));
        if (heap != null) {
            cmd.add(heap);
        }
        cmd.addAll(List.of("-cp", cp, "org.nlwb.app.Main"));
        return cmd;
    }
}
