package org.nlwb.app;

import org.nlwb.app.cli.NlwbCommand;
import picocli.CommandLine;

/**
 * Entry point for {@code java -jar} and the {@code ./nlwb} launcher. Not an {@code Application}
 * subclass, so JavaFX on the plain class path starts. A first argument naming a subcommand
 * ({@code decode}, {@code monitor}, ...) or an option runs the command line; anything else
 * (nothing, files, or an option of the window such as {@code --genl-family 0x1c=ethtool}) opens
 * the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = NlwbCommand.commandLineFor(args);
        System.exit(cli.execute(arguments(cli, args)));
    }

    /** The arguments {@code cli} runs: {@code args} as given, or after {@code gui} when they open the window. */
    static String[] arguments(CommandLine cli, String[] args) {
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0])
                || args[0].startsWith("-") && !isWindowOption(cli, args[0]))) {
            return args;
        }
        return prepend("gui", args);
    }

    /** Whether {@code arg} ({@code --genl-family} or {@code --genl-family=0x1c=ethtool}) is an option of the window. */
    private static boolean isWindowOption(CommandLine cli, String arg) {
        int eq = arg.indexOf('=');
        String name = eq > 0 ? arg.substring(0, eq) : arg;
        return cli.getSubcommands().get("gui").getCommandSpec().findOption(name) != null;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
