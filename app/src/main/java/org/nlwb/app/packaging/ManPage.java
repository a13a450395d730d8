package org.nlwb.app.packaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A section-1 man page (roff, man macros) for one command of a picocli model, made from the same
 * model {@code --help} prints, so the two cannot drift: NAME and DESCRIPTION from the command's
 * description, SYNOPSIS as picocli's usage line, ARGUMENTS and OPTIONS with picocli's own
 * parameter labels and option order, COMMANDS, and SEE ALSO naming the parent's and subcommands'
 * pages. A subcommand's page is named like git's: {@code nlwb spec list} is {@code nlwb-spec-list(1)}.
 * Hidden commands get no page and hidden options no entry.
 *
 * @param name the page name ({@code nlwb-decode})
 * @param roff the page's source
 */
public record ManPage(String name, String roff) {

    /** The file name in {@code man1/}, before compression. */
    public String fileName() {
        return name + ".1";
    }

    /**
     * The pages of {@code root} and of every visible command under it, root first, then depth first
     * in declaration order.
     *
     * @param version shown in every page's footer
     * @param rootSections roff appended to the root page before SEE ALSO (FILES, ENVIRONMENT), or ""
     */
    public static List<ManPage> all(CommandLine root, String version, LocalDate date, String rootSections) {
        List<ManPage> pages = new ArrayList<>();
        collect(root.getCommandSpec(), version, date, rootSections, pages);
        return pages;
    }

    private static void collect(CommandSpec spec, String version, LocalDate date, String extra, List<ManPage> pages) {
        pages.add(of(spec, version, date, extra));
        for (CommandSpec sub : visibleSubcommands(spec)) {
            collect(sub, version, date, "", pages);
        }
    }

    /** The page name of a command: its qualified name with hyphens ({@code nlwb-spec-list}). */
    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static ManPage of(CommandSpec spec, String version, LocalDate date, String extra) {
        Help help = new Help(spec, Help.defaultColorScheme(Ansi.OFF));
        IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        StringBuilder r = new StringBuilder();
        String name = pageName(spec);
        r.append(".\\\" Generated from nlwb's command line model (picocli) at build time; edit the @Command, not this.\n");
        r.append(".TH ").append(Roff.quoted(name.toUpperCase(Locale.ROOT))).append(" 1 ")
                .append(Roff.quoted(date.toString())).append(' ').append(Roff.quoted("nlwb " + version))
                .append(' ').append(Roff.quoted("Netlink Workbench")).append('\n');
        r.append(".nh\n.ad l\n");
        List<String> description = lines(spec.usageMessage().description());
        r.append(".SH NAME\n").append(Roff.text(name)).append(" \\- ")
                .append(Roff.text(description.isEmpty() ? spec.name() : description.get(0))).append('\n');
        r.append(".SH SYNOPSIS\n").append(synopsis(spec, help)).append('\n');
        if (!description.isEmpty()) {
            r.append(".SH DESCRIPTION\n").append(paragraphs(description));
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            r.append(".SH ARGUMENTS\n");
            positionals.forEach(p -> entry(r, Roff.italic(label(p, labels)), p));
        }
        List<OptionSpec> options = options(spec, help);
        if (!options.isEmpty()) {
            r.append(".SH OPTIONS\n");
            options.forEach(o -> entry(r, optionTerm(o, labels), o));
        }
        List<CommandSpec> subs = visibleSubcommands(spec);
        commands(r, subs);
        if (!spec.usageMessage().exitCodeList().isEmpty()) {
            r.append(".SH EXIT STATUS\n");
            spec.usageMessage().exitCodeList().forEach((code, what) ->
                    r.append(".TP\n").append(Roff.bold(code.strip())).append('\n').append(Roff.text(what)).append('\n'));
        }
        r.append(extra);
        seeAlso(r, spec, subs);
        return new ManPage(name, r.toString());
    }

    /** COMMANDS: each subcommand with the first line of its description and the page that says more. */
    private static void commands(StringBuilder r, List<CommandSpec> subs) {
        if (subs.isEmpty()) {
            return;
        }
        r.append(".SH COMMANDS\n");
        for (CommandSpec sub : subs) {
            List<String> d = lines(sub.usageMessage().description());
            r.append(".TP\n").append(Roff.bold(sub.name())).append('\n')
                    .append(d.isEmpty() ? "" : Roff.text(d.get(0)) + "\n")
                    .append("See ").append(Roff.bold(pageName(sub))).append("(1).\n");
        }
    }

    /** SEE ALSO: the parent's page and the subcommands' pages. */
    private static void seeAlso(StringBuilder r, CommandSpec spec, List<CommandSpec> subs) {
        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add(Roff.bold(pageName(spec.parent())) + "(1)");
        }
        subs.forEach(s -> related.add(Roff.bold(pageName(s)) + "(1)"));
        if (!related.isEmpty()) {
            r.append(".SH SEE ALSO\n").append(String.join(",\n", related)).append('\n');
        }
    }

    /** picocli's usage line on one line, the command name bold (picocli wraps it for the terminal; roff fills). */
    private static String synopsis(CommandSpec spec, Help help) {
        String usage = help.synopsis(0).strip().replaceAll("\\s+", " ");
        String command = spec.qualifiedName();
        String rest = usage.startsWith(command) ? usage.substring(command.length()).strip() : usage;
        return Roff.bold(command) + (rest.isEmpty() ? "" : " " + Roff.text(rest));
    }

    /** Options in the order --help lists them (picocli's own sort, or declaration order where the command turns it off). */
    private static List<OptionSpec> options(CommandSpec spec, Help help) {
        List<OptionSpec> options = new ArrayList<>(spec.options().stream().filter(o -> !o.hidden()).toList());
        Comparator<OptionSpec> sort = help.createDefaultOptionSort();
        if (sort != null) {
            options.sort(sort);
        }
        return options;
    }

    /** {@code -f, --format=FMT} with the names bold and the parameter label italic, as --help labels it. */
    private static String optionTerm(OptionSpec o, IParamLabelRenderer labels) {
        List<String> names = new ArrayList<>(List.of(o.names()));
        names.sort(Comparator.comparingInt(String::length));
        StringBuilder term = new StringBuilder();
        for (String n : names) {
            term.append(term.length() > 0 ? ", " : "").append(Roff.bold(n));
        }
        String label = label(o, labels);
        if (!label.isEmpty()) {
            char sep = label.charAt(0);
            boolean separated = sep == '=' || sep == ' ';
            term.append(separated ? Roff.text(String.valueOf(sep)) : "")
                    .append(Roff.italic(separated ? label.substring(1) : label));
        }
        return term.toString();
    }

    private static String label(ArgSpec arg, IParamLabelRenderer labels) {
        return labels.renderParameterLabel(arg, Ansi.OFF, Collections.emptyList()).plainString();
    }

    private static void entry(StringBuilder r, String term, ArgSpec arg) {
        r.append(".TP\n").append(term).append('\n');
        List<String> d = lines(arg.description());
        r.append(d.isEmpty() ? "" : String.join("\n.br\n", d.stream().map(Roff::text).toList()) + "\n");
    }

    private static String paragraphs(List<String> lines) {
        StringBuilder r = new StringBuilder();
        for (String l : lines) {
            r.append(r.length() > 0 ? ".PP\n" : "").append(Roff.text(l)).append('\n');
        }
        return r.toString();
    }

    /** Description lines as --help shows them: picocli's %n line breaks applied, markup dropped. */
    private static List<String> lines(String[] description) {
        List<String> out = new ArrayList<>();
        for (String d : description) {
            String plain = Ansi.OFF.string(d.replace("%n", "\n").replace("%%", "%"));
            for (String l : plain.split("\n")) {
                if (!l.isBlank()) {
                    out.add(l.strip());
                }
            }
        }
        return out;
    }

    private static List<CommandSpec> visibleSubcommands(CommandSpec spec) {
        Set<CommandSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<CommandSpec> subs = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && seen.add(s)) {
                subs.add(s);
            }
        }
        return subs;
    }
}
