package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.ynl.SpecProblem;
import org.nlwb.decoder.spec.SpecText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb spec list | check FILE... | show FAMILY}: what specs are loaded and from where, whether
 * spec files are valid (problems located to file, line and column), and what a family's messages
 * and attributes are called and numbered.
 */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "YNL spec files: list the loaded families, check files, show a family.",
        subcommands = {SpecCommand.ListSpecs.class, SpecCommand.Check.class, SpecCommand.Show.class})
public final class SpecCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The search path options shared by list and show (a picocli mixin). */
    static final class PathOptions {
        @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable; later wins).")
        List<Path> specDirs = new ArrayList<>();

        @Option(names = "--kernel-src", paramLabel = "DIR",
                description = "A kernel source tree whose Documentation/netlink/specs to use (else $NLWB_KERNEL_SRC).")
        Path kernelSrc;

        SpecLibrary library() {
            List<Path> dirs = new ArrayList<>();
            if (kernelSrc != null) {
                dirs.add(SpecLibrary.kernelSpecs(kernelSrc));
            }
            dirs.addAll(specDirs);
            return SpecLibrary.standard(dirs);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the loaded families and where each came from.")
    static final class ListSpecs implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        PathOptions path;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SpecLibrary lib = path.library();
            SpecCatalog cat = lib.load();
            out.println("search path (later entries override earlier ones):");
            out.println("  builtin (class path " + SpecLibrary.BUILTIN_DIR + "INDEX)");
            for (Path d : lib.directories()) {
                out.println("  " + d + (Files.isDirectory(d) ? "" : "  (missing)"));
            }
            out.println();
            out.printf("%-18s %-20s %-17s %s%n", "FAMILY", "PROTOCOL", "SCHEMA", "FROM");
            for (SpecCatalog.Entry e : cat.entries()) {
                var f = e.facts(); // name, protocol and level need no parsing of the spec
                out.printf("%-18s %-20s %-17s %s%s%n", f.name(), Protocol.name(f.protocol()), f.schema().label(), e.origin(),
                        e.overridden().isEmpty() ? "" : "  (overrides " + String.join(", ", e.overridden()) + ")");
            }
            for (SpecProblem p : cat.problems()) {
                err.println("nlwb spec: " + p + " (file skipped)");
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate spec files (or every *.yaml in a directory).",
                "Exits 1 when any file has a problem; each problem names file, line, column and key."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            List<Path> all = new ArrayList<>();
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    List<Path> specs;
                    try (Stream<Path> s = Files.list(f)) {
                        specs = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                                .toList();
                    } catch (IOException e) {
                        err.println(Plain.escaped(f.toString()) + ": " + Plain.reason(e));
                        bad++;
                        continue;
                    }
                    if (specs.isEmpty()) {
                        out.println(Plain.escaped(f.toString()) + ": no .yaml or .yml files (nothing to check)");
                    }
                    all.addAll(specs);
                } else {
                    all.add(f);
                }
            }
            for (Path f : all) {
                String n = f.getFileName() == null ? "" : f.getFileName().toString();
                if (!n.endsWith(".yaml") && !n.endsWith(".yml") && Files.isRegularFile(f)) {
                    // the search path only ever reads *.yaml / *.yml, so nothing else can be a spec
                    out.println(f + ": not a .yaml file (skipped: specs are read from *.yaml and *.yml only)");
                    continue;
                }
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (IOException e) {
                    err.println(Plain.escaped(f.toString()) + ": " + Plain.reason(e));
                    bad++;
                    continue;
                }
                try {
                    Family fam = SpecLibrary.parse(f.toString(), content);
                    if (fam == null) {
                        out.println(f + ": a YNL schema, not a family spec (skipped)");
                    } else {
                        out.println(f + ": ok: " + fam.name() + " (" + fam.schema().label() + ", "
                                + Protocol.name(fam.protocol()) + ", " + Plain.count(fam.operations().size(), "message") + ", "
                                + Plain.count(fam.attributeSets().size(), "attribute set") + ")");
                    }
                } catch (SpecException e) {
                    bad++;
                    for (SpecProblem p : e.problems()) {
                        err.println(p);
                    }
                }
            }
            out.flush();
            err.flush();
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a family's messages, attributes, structs and enums with kernel names and numbers.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FAMILY", description = "A loaded family's name, or a spec file.")
        String family;

        @CommandLine.Mixin
        PathOptions path;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path asFile = Path.of(family);
            if (family.endsWith(".yaml") || family.endsWith(".yml") || Files.isRegularFile(asFile)) {
                try {
                    Family f = SpecLibrary.parse(asFile.toString(), Files.readAllBytes(asFile));
                    if (f == null) {
                        err.println("nlwb spec show: " + asFile + " is a YNL schema, not a family spec");
                        return 1;
                    }
                    SpecText.describe(f, asFile.toString(), List.of(), out);
                    return 0;
                } catch (IOException e) {
                    err.println("nlwb spec show: " + Plain.escaped(asFile.toString()) + ": " + Plain.reason(e));
                    return 1;
                } catch (SpecException e) {
                    e.problems().forEach(err::println);
                    return 1;
                }
            }
            SpecCatalog cat = path.library().load();
            var entry = cat.entry(family);
            if (entry.isEmpty()) {
                List<String> names = cat.entries().stream().map(e -> e.name()).sorted().toList();
                err.println("nlwb spec show: no family " + Plain.escaped(family)
                        + org.nlwb.decoder.codec.Suggestions.suggestion(family, names) + "; loaded: "
                        + String.join(", ", names));
                return 2;
            }
            SpecText.describe(entry.get().family(), entry.get().origin(), entry.get().overridden(), out);
            return 0;
        }
    }
}
