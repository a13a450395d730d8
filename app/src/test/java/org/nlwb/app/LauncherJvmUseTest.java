package org.nlwb.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlwb.app.cli.NlwbCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Both launchers ({@code ./nlwb} and the app image's {@code bin/nlwb}) pick the window's JVM options
 * for exactly the command lines {@link Main} opens the window for (and for {@code bench --window},
 * which opens it in the same JVM), the batch options for every other subcommand: their shell
 * function {@code jvm_use} is run here with {@code sh} on every subcommand, every option of the
 * window and of {@code nlwb} itself.
 */
class LauncherJvmUseTest {
    /** The launcher's {@code jvm_use() { ... }}, as it is written there. */
    private static String function(Path launcher) throws IOException {
        String text = Files.readString(launcher);
        int from = text.indexOf("jvm_use() {");
        int to = text.indexOf("\n}\n", from);
        assertTrue(from >= 0 && to > from, launcher + " defines jvm_use");
        return text.substring(from, to + 3);
    }

    private static String use(Path launcher, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", function(launcher) + "jvm_use \"$@\"", "sh"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    /** What Main runs for {@code args}: the window ("window") or a command line ("batch"). */
    private static String expected(List<String> args) {
        String[] a = args.toArray(String[]::new);
        boolean window = Main.arguments(NlwbCommand.commandLineFor(a), a)[0].equals("gui")
                || args.get(0).equals("bench") && args.contains("--window");
        return window ? "window" : "batch";
    }

    private static List<List<String>> commandLines() {
        CommandLine all = NlwbCommand.commandLine();
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of());
        lines.add(List.of("capture.pcap"));
        lines.add(List.of("bench", "--window", "capture.pcap"));
        lines.add(List.of("bench", "--compare"));
        all.getSubcommands().keySet().forEach(name -> lines.add(List.of(name, "x")));
        for (CommandLine c : List.of(all, all.getSubcommands().get("gui"))) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                for (String name : o.names()) {
                    lines.add(List.of(name, "x"));
                }
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../nlwb", "src/packaging/launcher.sh"})
    void theWindowsListGoesToTheRunsThatOpenTheWindowAndTheBatchListToTheRest(String launcher) throws Exception {
        for (List<String> args : commandLines()) {
            String want = args.isEmpty() ? "window" : expected(args);
            assertEquals(want, use(Path.of(launcher), args), launcher + " for " + args);
        }
    }
}
