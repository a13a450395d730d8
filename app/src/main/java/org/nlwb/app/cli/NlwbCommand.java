package org.nlwb.app.cli;

import org.nlwb.app.build.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nlwb} command and its subcommands; each subcommand is a class of its own. */
@Command(name = "nlwb", mixinStandardHelpOptions = true, versionProvider = NlwbCommand.Version.class,
        description = "Netlink Workbench: decode, watch, trace and send netlink messages.",
        subcommands = {
            DecodeCommand.class,
            GuiCommand.class,
            MonitorCommand.class,
            TraceCommand.class,
            BenchCommand.class,
            SpecCommand.class,
            SendCommand.class,
            PolicyCommand.class,
            ConvertCommand.class,
            DiffCommand.class,
        })
public final class NlwbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A command line with nlwb's error handling: bad arguments print usage and exit 2, an exception
     * that escapes a command is one line in words and exit 1 ({@link Failures}). picocli's
     * @-files are off: {@code send --json @FILE} reads FILE itself, as JSON, which picocli would
     * first split into arguments.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new NlwbCommand()).setCaseInsensitiveEnumValuesAllowed(true).setExpandAtFiles(false)
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
