package org.nlwb.app;

import org.nlwb.app.cli.NlwbCommand;
import picocli.CommandLine;

/**
 * Entry point for {@code java -jar} and the {@code ./nlwb} launcher. Not an {@code Application}
 * subclass, so JavaFX on the plain class path starts. A first argument naming a subcommand
 * ({@code decode}, {@code monitor}, ...) or an option runs the command line; anything else
 * (nothing, or files) opens the window.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = NlwbCommand.commandLine();
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0]) || args[0].startsWith("-"))) {
            System.exit(cli.execute(args));
        }
        System.exit(cli.execute(prepend("gui", args)));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
