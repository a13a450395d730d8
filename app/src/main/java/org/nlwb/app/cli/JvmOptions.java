package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options nlwb runs with, from the one list the {@code ./nlwb} launcher also reads
 * ({@value #RESOURCE} beside this class, in the sources under {@code app/src/main/resources}), plus,
 * when {@code NLWB_CDS=1} asks for it as it does of the launcher, the class data sharing archive
 * {@value #ARCHIVE} beside the jar (the build makes it: {@link CdsTraining}; not the default: a
 * long decode measured 1.5 times the CPU with it). The benchmarks run nlwb with these, so their
 * figures are a user's.
 */
final class JvmOptions {
    static final String RESOURCE = "jvm.options";
    /** The AppCDS archive beside the jar ({@code app/target}). */
    static final String ARCHIVE = "nlwb.jsa";

    private JvmOptions() {
    }

    /** The options of the list: lines that are neither blank nor {@code #} comments. */
    static List<String> fixed() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
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
     * The options for a run on {@code classPath}: {@link #fixed()}, then, with {@code NLWB_CDS=1}, the
     * archive when there is one beside the first entry (the jar), as the launcher adds it.
     */
    static List<String> forClassPath(String classPath) {
        List<String> options = new ArrayList<>(fixed());
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
     * This very program as a user's launcher starts it: the same Java and class path, the launcher's
     * options, then {@code org.nlwb.app.Main}; {@code heap} (say {@code -Xmx512m}) goes after the
     * options when not null.
     */
    static List<String> nlwbCommand(String heap) {
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(forClassPath(cp));
        if (heap != null) {
            cmd.add(heap);
        }
        cmd.addAll(List.of("-cp", cp, "org.nlwb.app.Main"));
        return cmd;
    }
}
