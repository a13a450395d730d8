package org.nlwb.decoder.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.ynl.SpecProblem;

/**
 * The built-in specs' {@link SpecFacts}, one line per spec file in {@code INDEX} order, as the
 * class-path resource {@value #RESOURCE}: what lets the registry dispatch to a built-in family
 * without parsing its spec. Written at build time, after the resources are copied and the classes
 * compiled, by {@link #main} (the decoder's {@code process-classes} step), so it always fits the
 * specs of the same build; it is not kept in the sources.
 *
 * <pre>
 * # comment lines
 * FILE TAB NAME TAB SCHEMA TAB PROTONUM|- TAB REQUEST_IDS|- TAB REPLY_IDS|-
 * </pre>
 *
 * When the resource is missing or lists other files than {@code INDEX} (a build that skipped the
 * step), {@link BuiltinSpecs} parses every built-in spec at load instead, as before the index
 * existed: slower, never wrong.
 */
public final class BuiltinIndex {
    /** Where the facts are: beside {@code INDEX}. */
    public static final String RESOURCE = SpecLibrary.BUILTIN_DIR + "FACTS";

    private BuiltinIndex() {
    }

    /**
     * The facts of every file, by file name, in the order written.
     *
     * @throws IllegalArgumentException naming the line that is not one {@link #render} writes
     */
    public static Map<String, SpecFacts> parse(String text) {
        Map<String, SpecFacts> facts = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": no file name");
            }
            try {
                facts.put(line.substring(0, tab), SpecFacts.parse(line.substring(tab + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return facts;
    }

    /** The resource's text for {@code facts} (by file name, in {@code INDEX} order). */
    public static String render(Map<String, SpecFacts> facts) {
        StringBuilder b = new StringBuilder();
        b.append("# Dispatch facts of the built-in specs (name, schema, protocol, message ids), one line per file of\n")
                .append("# INDEX, written at build time by ").append(BuiltinIndex.class.getName())
                .append(" from the specs themselves: do not edit.\n")
                .append("# FILE\tNAME\tSCHEMA\tPROTONUM\tREQUEST_IDS\tREPLY_IDS\n");
        facts.forEach((file, f) -> b.append(file).append('\t').append(f.line()).append('\n'));
        return b.toString();
    }

    /**
     * Parses every spec of {@code specDir} its {@code INDEX} lists and returns their facts; YNL schema
     * files are left out, as the search path leaves them out.
     *
     * @throws SpecException with every problem of every spec that does not parse
     */
    public static Map<String, SpecFacts> compute(Path specDir) throws IOException, SpecException {
        Map<String, SpecFacts> facts = new LinkedHashMap<>();
        List<SpecProblem> problems = new ArrayList<>();
        String index = Files.readString(specDir.resolve("INDEX"), StandardCharsets.UTF_8);
        for (String name : BuiltinSpecs.names(index)) {
            try {
                Family f = SpecLibrary.parse("builtin:" + name, Files.readAllBytes(specDir.resolve(name)));
                if (f != null) {
                    facts.put(name, SpecFacts.of(f));
                }
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return facts;
    }

    /**
     * The build step: {@code BuiltinIndex CLASSES_DIR} writes {@value #RESOURCE} under CLASSES_DIR
     * from the specs there. When a spec does not parse it removes the resource instead (the run
     * then parses every spec at load and reports the problem where it always did) and says so on
     * stderr; it fails (exit 1) only when the directory cannot be read or written.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BuiltinIndex CLASSES_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve(SpecLibrary.BUILTIN_DIR);
        Path out = Path.of(args[0]).resolve(RESOURCE);
        try {
            String text = render(compute(dir));
            Path tmp = Files.createTempFile(out.getParent(), "FACTS", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SpecException e) {
            Files.deleteIfExists(out);
            System.err.println("warning: " + RESOURCE + " not written (every built-in spec will be parsed at load):");
            e.problems().forEach(p -> System.err.println("  " + p));
        }
    }
}
