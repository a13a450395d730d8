package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The subcommand list, and a run that builds only the subcommand it runs. */
class NlwbCommandTest {

    @Test
    void eachSubcommandIsListedUnderTheNameItsCommandAnnotationGives() {
        for (Map.Entry<String, Class<?>> e : NlwbCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name(), e.getValue().getName());
        }
        assertEquals(List.copyOf(NlwbCommand.SUBCOMMANDS.keySet()),
                List.copyOf(NlwbCommand.commandLine().getSubcommands().keySet()));
    }

    @Test
    void aRunOfOneSubcommandBuildsThatOneAndAnythingElseBuildsAll() {
        assertEquals(List.of("spec"), List.copyOf(NlwbCommand.commandLineFor(new String[] {"spec", "list"})
                .getSubcommands().keySet()));
        assertEquals(NlwbCommand.SUBCOMMANDS.keySet(), NlwbCommand.commandLineFor(new String[] {"--help"})
                .getSubcommands().keySet());
        assertEquals(NlwbCommand.SUBCOMMANDS.keySet(), NlwbCommand.commandLineFor(new String[] {"capture.pcap"})
                .getSubcommands().keySet());
        assertEquals(NlwbCommand.SUBCOMMANDS.keySet(), NlwbCommand.commandLineFor(new String[0]).getSubcommands().keySet());
    }

    @Test
    void aSubcommandBuiltAloneHasTheSettingsAndUsageOfTheFullCommandLine() {
        CommandLine alone = NlwbCommand.commandLineFor(new String[] {"decode"}).getSubcommands().get("decode");
        CommandLine full = NlwbCommand.commandLine().getSubcommands().get("decode");
        assertEquals(full.getUsageMessage(), alone.getUsageMessage());
        assertEquals(full.isExpandAtFiles(), alone.isExpandAtFiles());
        assertEquals(full.isCaseInsensitiveEnumValuesAllowed(), alone.isCaseInsensitiveEnumValuesAllowed());
        assertEquals(full.getExecutionExceptionHandler().getClass(), alone.getExecutionExceptionHandler().getClass());
        StringWriter err = new StringWriter();
        int exit = NlwbCommand.commandLineFor(new String[] {"decode"}).setErr(new PrintWriter(err))
                .execute("decode", "--bogus", "f.pcap");
        assertEquals(2, exit);
        assertEquals(true, err.toString().startsWith("Unknown option: '--bogus'"), err.toString());
    }
}
