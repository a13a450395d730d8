package org.nlwb.app.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nlwb.app.cli.NlwbCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages come from the same model as --help: every command has one, every option an entry. */
class ManPageTest {
    private static final List<ManPage> PAGES =
            ManPage.all(NlwbCommand.commandLine(), "v9.9", LocalDate.of(2026, 1, 2), ".SH FILES\nx\n");

    private static List<CommandSpec> commands(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>(List.of(spec));
        for (CommandLine sub : spec.subcommands().values()) {
            all.addAll(commands(sub.getCommandSpec()));
        }
        return all;
    }

    private static ManPage page(String name) {
        return PAGES.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyCommandHasAPageNamedLikeGitsSubcommandPages() {
        List<String> expected = commands(NlwbCommand.commandLine().getCommandSpec()).stream()
                .map(s -> s.qualifiedName("-")).toList();
        assertEquals(expected, PAGES.stream().map(ManPage::name).toList());
        assertTrue(expected.containsAll(List.of("nlwb", "nlwb-decode", "nlwb-spec-list", "nlwb-send")), expected.toString());
        assertEquals("nlwb-spec-list.1", page("nlwb-spec-list").fileName());
    }

    @Test
    void everyOptionOfEveryCommandIsOnItsPageAsTyped() {
        for (CommandSpec spec : commands(NlwbCommand.commandLine().getCommandSpec())) {
            String roff = page(spec.qualifiedName("-")).roff();
            for (OptionSpec o : spec.options()) {
                for (String name : o.names()) {
                    assertTrue(roff.contains("\\fB" + name.replace("-", "\\-") + "\\fR"), spec.qualifiedName() + " " + name);
                }
            }
        }
    }

    @Test
    void thePageCarriesTitleNameSynopsisAndDescriptionFromTheModel() {
        String roff = page("nlwb-decode").roff();
        assertTrue(roff.contains(".TH \"NLWB\\-DECODE\" 1 \"2026\\-01\\-02\" \"nlwb v9.9\" \"Netlink Workbench\"\n"), roff);
        assertTrue(roff.contains(".SH NAME\nnlwb\\-decode \\- Decode netlink dump files"), roff);
        assertTrue(roff.contains(".SH SYNOPSIS\n\\fBnlwb decode\\fR [\\-hV]"), roff);
        assertTrue(roff.contains("\\fB\\-\\-format\\fR=\\fIauto|pyroute2|strace|pcap|hex\\fR\n"), roff);
        assertTrue(roff.contains(".SH ARGUMENTS\n.TP\n\\fIFILE...\\fR\nFiles to decode.\n"), roff);
        assertTrue(roff.contains(".SH SEE ALSO\n\\fBnlwb\\fR(1)\n"), roff);
    }

    @Test
    void theRootPageListsTheCommandsAndCarriesTheExtraSections() {
        String roff = page("nlwb").roff();
        assertTrue(roff.contains(".TP\n\\fBdecode\\fR\nDecode netlink dump files"), roff);
        assertTrue(roff.contains("See \\fBnlwb\\-decode\\fR(1)."), roff);
        assertTrue(roff.indexOf(".SH FILES\nx\n") < roff.indexOf(".SH SEE ALSO"), roff);
        assertTrue(page("nlwb-decode").roff().indexOf(".SH FILES") < 0);
    }

    @Test
    void noTextLineCanBeTakenForARoffRequest() {
        Set<String> requests = Set.of(".TH", ".SH", ".TP", ".PP", ".br", ".nh", ".ad", ".\\\"");
        for (ManPage p : PAGES) {
            for (String line : p.roff().split("\n")) {
                if (line.startsWith(".") || line.startsWith("'")) {
                    assertTrue(requests.contains(line.split(" ", 2)[0]), p.name() + ": " + line);
                }
            }
        }
    }

    @Test
    void roffEscapesMinusBackslashAndLeadingDots() {
        assertEquals("\\-\\-json \\e n", Roff.text("--json \\ n"));
        assertEquals("\\&.config\n\\&'quoted'", Roff.text(" .config\n'quoted'"));
        assertEquals("\"say \\(dqhi\\(dq\"", Roff.quoted("say \"hi\""));
    }
}
