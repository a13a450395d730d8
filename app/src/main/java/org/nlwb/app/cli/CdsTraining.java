package org.nlwb.app.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run the build makes the class data sharing archive with ({@code java
 * -XX:ArchiveClassesAtExit=target/nlwb.jsa ... CdsTraining SAMPLE...}): it runs the commands a
 * short run most often is, in one JVM, output thrown away, so that the classes they load are in
 * the archive ({@code decode --json}, the text tree, {@code spec list}). A class it never loads
 * just loads from its jar as usual. Never fails: a missing sample or a failing command costs the
 * archive some classes, nothing else.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (Files.isRegularFile(Path.of(a))) {
                files.add(a);
            }
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> runs = new ArrayList<>();
        if (!files.isEmpty()) {
            runs.add(concat(List.of("decode", "--json"), files));
            runs.add(concat(List.of("decode", "--json", "--pretty", "--omit-empty"), files));
            runs.add(concat(List.of("decode"), files));
        }
        runs.add(List.of("spec", "list"));
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            for (List<String> run : runs) {
                String[] a = run.toArray(String[]::new);
                try {
                    NlwbCommand.commandLineFor(a).setOut(new PrintWriter(nowhere)).setErr(new PrintWriter(nowhere)).execute(a);
                } catch (RuntimeException e) {
                    err.println("nlwb CDS training: " + String.join(" ", run) + ": " + e);
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        out.println("nlwb CDS training: ran " + runs.size() + " commands on " + files.size() + " samples");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
