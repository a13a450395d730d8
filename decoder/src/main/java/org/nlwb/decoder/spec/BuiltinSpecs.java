package org.nlwb.decoder.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.registry.Once;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.ynl.SpecProblem;

/**
 * The built-in specs of one class loader, as {@link SpecSource}s: lazy ones from {@link BuiltinIndex}
 * (a spec is parsed when a message or a command first needs its family), or, when the index is
 * missing or does not list what {@code INDEX} lists, every spec parsed at once as before. Class-path
 * resources do not change while nlwb runs, so the sources are made once and shared by every load
 * of the library that owns this. Thread-safe.
 */
final class BuiltinSpecs {
    /** A built-in family and its origin ({@code builtin:NAME}). */
    record Named(String origin, SpecSource source) {
    }

    private record Loaded(List<Named> specs, List<SpecProblem> problems) {
    }

    private final ClassLoader loader;
    private final Once<Loaded> loaded;

    BuiltinSpecs(ClassLoader loader) {
        this.loader = loader;
        this.loaded = Once.of(this::find);
    }

    /** The built-in families in {@code INDEX} order; what could not be read is added to {@code problems}. */
    List<Named> specs(List<SpecProblem> problems) {
        Loaded l = loaded.get();
        problems.addAll(l.problems());
        return l.specs();
    }

    /** The file names an {@code INDEX} text lists: one a line, blank lines and {@code #} comments skipped. */
    static List<String> names(String index) {
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                names.add(t);
            }
        }
        return names;
    }

    private Loaded find() {
        List<SpecProblem> problems = new ArrayList<>();
        String index = text(SpecLibrary.BUILTIN_DIR + "INDEX", problems);
        if (index == null) {
            return new Loaded(List.of(), problems);
        }
        List<String> names = names(index);
        Map<String, SpecFacts> facts = facts();
        List<Named> specs = new ArrayList<>();
        if (facts != null && List.copyOf(facts.keySet()).equals(names)) {
            facts.forEach((name, f) -> specs.add(new Named("builtin:" + name, SpecSource.lazy(f, () -> parseFitting(name, f)))));
        } else {
            for (String name : names) {
                Family f = parseNow(name, problems);
                if (f != null) {
                    specs.add(new Named("builtin:" + name, SpecSource.parsed(f)));
                }
            }
        }
        return new Loaded(List.copyOf(specs), problems);
    }

    /** The index, or null when there is none or it cannot be read (then every spec is parsed now). */
    private Map<String, SpecFacts> facts() {
        String text = text(BuiltinIndex.RESOURCE, new ArrayList<>());
        if (text == null) {
            return null;
        }
        try {
            return BuiltinIndex.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A lazily parsed spec: it must parse, and into the facts the index holds, or dispatch was wrong. */
    private Family parseFitting(String name, SpecFacts expected) {
        List<SpecProblem> problems = new ArrayList<>();
        Family f = parseNow(name, problems);
        if (f == null) {
            throw new IllegalStateException("built-in spec " + name + " does not parse: "
                    + (problems.isEmpty() ? "it is a YNL schema" : problems.get(0)));
        }
        SpecFacts found = SpecFacts.of(f);
        if (!found.equals(expected)) {
            throw new IllegalStateException("built-in spec " + name + " no longer fits " + BuiltinIndex.RESOURCE
                    + " (written by a build of other specs; build again): index says " + expected + ", spec says " + found);
        }
        return f;
    }

    /** Reads and parses one built-in spec; null (and problems) when it cannot, or when it is a schema. */
    private Family parseNow(String name, List<SpecProblem> problems) {
        byte[] content;
        try (InputStream in = loader.getResourceAsStream(SpecLibrary.BUILTIN_DIR + name)) {
            if (in == null) {
                problems.add(new SpecProblem("builtin:" + name, 0, 0, "", SpecLibrary.BUILTIN_DIR
                        + "INDEX lists it but there is no such resource"));
                return null;
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            problems.add(new SpecProblem("builtin:" + name, 0, 0, "", "cannot read: " + e.getMessage()));
            return null;
        }
        try {
            return SpecLibrary.parse("builtin:" + name, content);
        } catch (SpecException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private String text(String resource, List<SpecProblem> problems) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new SpecProblem("builtin:" + resource.substring(SpecLibrary.BUILTIN_DIR.length()), 0, 0, "",
                    "cannot read: " + e.getMessage()));
            return null;
        }
    }
}
