package org.nlwb.app.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nlwb.app.build.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nlwb} command and its subcommands; each subcommand is a class of its own, listed in
 * {@link #SUBCOMMANDS} (not in the annotation, so that a run builds the model of the one it runs).
 */
@Command(name = "nlwb", mixinStandardHelpOptions = true, versionProvider = NlwbCommand.Version.class,
        description = "Netlink Workbench: decode, watch, trace and send netlink messages.")
public final class NlwbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The subcommands by name, in the order help lists them. Each name is the one its class's
     * {@code @Command} gives (a test holds them to it).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("decode", DecodeCommand.class);
        m.put("gui", GuiCommand.class);
        m.put("monitor", MonitorCommand.class);
        m.put("trace", TraceCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("spec", SpecCommand.class);
        m.put("send", SendCommand.class);
        m.put("policy", PolicyCommand.class);
        m.put("convert", ConvertCommand.class);
        m.put("diff", DiffCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * A command line with nlwb's error handling: bad arguments print usage and exit 2, an exception
     * that escapes a command is one line in words and exit 1 ({@link Failures}). picocli's
     * @-files are off: {@code send --json @FILE} reads FILE itself, as JSON, which picocli would
     * first split into arguments. Every subcommand is there (help, man pages, completion).
     */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for running {@code args}: when the first argument names a subcommand, only
     * that subcommand is built (picocli reads every option of every command by reflection when it
     * builds the model, about a third of a second of a short run's start); otherwise all of them, as
     * {@link #commandLine()}. What the run prints and does is the same either way.
     */
    public static CommandLine commandLineFor(String[] args) {
        return args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? commandLine(Set.of(args[0])) : commandLine();
    }

    private static CommandLine commandLine(Set<String> names) {
        CommandLine cli = new CommandLine(new NlwbCommand());
        SUBCOMMANDS.forEach((name, cls) -> {
            if (names.contains(name)) {
                cli.addSubcommand(name, cls);
            }
        });
        // after the subcommands: these settings reach the subcommands added before them
        return cli.setCaseInsensitiveEnumValuesAllowed(true).setExpandAtFiles(false)
                .setExecutionExceptionHandler(new Failures());
    }

    /**
     * {@code nlwb --version}: the build's version, then the Java runtime it runs on (which tells an
     * installed app image's own runtime from a JDK on the PATH).
     */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nlwb " + BuildInfo.version(),
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                        + "), runtime " + System.getProperty("java.home")};
        }
    }
}
