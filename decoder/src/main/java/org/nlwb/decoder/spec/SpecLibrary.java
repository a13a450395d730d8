package org.nlwb.decoder.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.ynl.AttributeNumbers;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.ynl.SpecProblem;
import org.nlwb.decoder.ynl.YamlNode;
import org.nlwb.decoder.ynl.YamlReader;
import org.nlwb.decoder.ynl.YnlParser;

/**
 * Where specs come from, and the loading of them. The search path, in order (a later spec of the
 * same family overrides an earlier one, and {@link SpecCatalog.Entry#overridden()} says so):
 *
 * <ol>
 * <li>the built-in specs, class-path resources {@value #BUILTIN_DIR}NAME listed one per line in
 *     {@value #BUILTIN_DIR}INDEX (so no directory scanning of jars); each is parsed when its family
 *     is first used, the registry dispatching until then from the facts written at build time
 *     ({@link BuiltinIndex}), since parsing all of them was most of a short command's start;</li>
 * <li>{@code ~/.config/nlwb/specs} ({@code $XDG_CONFIG_HOME/nlwb/specs} when that is set);</li>
 * <li>{@code /usr/share/ynl/specs} (where the kernel's pyynl installs them);</li>
 * <li>a kernel source tree's {@code Documentation/netlink/specs}: the tree named by the
 *     {@code nlwb.kernel.src} system property or the {@code NLWB_KERNEL_SRC} environment variable;</li>
 * <li>the directories the user names ({@code --spec-dir DIR}), in order.</li>
 * </ol>
 *
 * With {@code -Dnlwb.specs.system=false} only 1 and 5 are searched. Missing standard directories
 * are skipped quietly (most machines have none of them); a missing directory the user named (5,
 * or any directory given to {@link #of}) is a problem of the catalog, so the command that named it
 * can say so. Only {@code *.yaml} / {@code *.yml} files are read, in name
 * order; YNL schema files found beside the specs ({@code genetlink.yaml} ...) are recognised
 * and skipped. A library is an immutable description of the path: each {@link #load()} or
 * {@link #reload()} reads the files of the directories again, so a spec added or changed on disk
 * takes effect at the next reload without a restart (the built-ins, class-path resources, are read
 * once per library).
 */
public final class SpecLibrary {
    public static final String BUILTIN_DIR = "org/nlwb/specs/";
    public static final String KERNEL_SRC_PROPERTY = "nlwb.kernel.src";
    public static final String KERNEL_SRC_ENV = "NLWB_KERNEL_SRC";
    /**
     * {@code -Dnlwb.specs.system=false} leaves out the home, system and kernel-tree directories, so
     * that tests and golden files do not depend on what the machine has installed.
     */
    public static final String SYSTEM_DIRS_PROPERTY = "nlwb.specs.system";

    private final boolean builtins;
    private final List<Path> dirs;
    /** The directories a person named (--spec-dir, a kernel tree): unlike the standard ones, their absence is a problem. */
    private final java.util.Set<Path> named;
    private final ClassLoader loader;
    /** The built-in specs of {@link #loader}: read once, parsed family by family when first used. */
    private final BuiltinSpecs builtinSpecs;
    /**
     * Parsed files by origin, kept with the bytes they were parsed from: a reload reads every file
     * again but parses only those whose content changed (a warm reload of the 34 kernel specs
     * went from about 200 ms to about 1 ms, measured with 34 specs).
     */
    private final Map<String, Parsed> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Parsed(byte[] content, Family family, SpecException error) {
    }

    private SpecLibrary(boolean builtins, List<Path> dirs, List<Path> named, ClassLoader loader) {
        this.builtins = builtins;
        this.dirs = List.copyOf(dirs);
        this.named = java.util.Set.copyOf(named);
        this.loader = loader;
        this.builtinSpecs = new BuiltinSpecs(loader);
    }

    /** The standard search path followed by {@code specDirs}. */
    public static SpecLibrary standard(List<Path> specDirs) {
        List<Path> dirs = new ArrayList<>();
        if (!"false".equals(System.getProperty(SYSTEM_DIRS_PROPERTY))) {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            String home = System.getProperty("user.home");
            if (xdg != null && !xdg.isBlank()) {
                dirs.add(Path.of(xdg, "nlwb", "specs"));
            } else if (home != null) {
                dirs.add(Path.of(home, ".config", "nlwb", "specs"));
            }
            dirs.add(Path.of("/usr/share/ynl/specs"));
            String kernel = System.getProperty(KERNEL_SRC_PROPERTY, System.getenv(KERNEL_SRC_ENV));
            if (kernel != null && !kernel.isBlank()) {
                dirs.add(kernelSpecs(Path.of(kernel)));
            }
        }
        dirs.addAll(specDirs);
        return new SpecLibrary(true, dirs, specDirs, SpecLibrary.class.getClassLoader());
    }

    /** Only the built-ins and {@code dirs}: nothing from the user's home or the system (for tests and tools). */
    public static SpecLibrary of(boolean builtins, List<Path> dirs) {
        return new SpecLibrary(builtins, dirs, dirs, SpecLibrary.class.getClassLoader());
    }

    /** The same path, with plugins (message class providers) and built-ins found through {@code loader}. */
    public SpecLibrary withClassLoader(ClassLoader l) {
        return new SpecLibrary(builtins, dirs, List.copyOf(named), Objects.requireNonNull(l));
    }

    /** {@code <tree>/Documentation/netlink/specs}. */
    public static Path kernelSpecs(Path kernelTree) {
        return kernelTree.resolve("Documentation").resolve("netlink").resolve("specs");
    }

    /** The directories searched after the built-ins, in order (including missing ones). */
    public List<Path> directories() {
        return dirs;
    }

    /**
     * Reads every spec on the path now: every file of the directories is read and parsed (so their
     * problems are reported), the built-in specs only when a family of theirs is first used
     * ({@link SpecCatalog.Entry#family()}). Never throws: unreadable or invalid files become problems.
     */
    public SpecCatalog load() {
        Map<String, SpecCatalog.Entry> families = new LinkedHashMap<>();
        List<SpecProblem> problems = new ArrayList<>();
        if (builtins) {
            for (BuiltinSpecs.Named b : builtinSpecs.specs(problems)) {
                put(families, b.origin(), b.source());
            }
        }
        for (Path dir : dirs) {
            if (named.contains(dir) && !Files.isDirectory(dir)) {
                problems.add(new SpecProblem(dir.toString(), 0, 0, "", Files.exists(dir)
                        ? "is not a directory (spec directories hold *.yaml files)" : "no such directory"));
                continue;
            }
            for (Path f : specFiles(dir, problems)) {
                try {
                    add(families, problems, f.toString(), Files.readAllBytes(f));
                } catch (IOException e) {
                    problems.add(new SpecProblem(f.toString(), 0, 0, "", "cannot read: " + e.getMessage()));
                }
            }
        }
        return new SpecCatalog(families, problems);
    }

    /**
     * Reads the specs again and builds a new registry: every spec family, then every plugin visible
     * to the class loader. Specs come first so that a user's spec can take over a message a plugin
     * also knows.
     */
    public Registry reload() {
        return registry(load());
    }

    /** The registry of an already loaded catalog, plus plugins. */
    public Registry registry(SpecCatalog catalog) {
        // Plugins are collected first, so their attribute codecs can reach into the spec families,
        // but they are added after the specs: a user's spec can still take over a plugin's message.
        Registry.Builder plugins = Registry.builder().loadProviders(loader);
        Registry.Builder b = Registry.builder();
        catalog.contribute(b, plugins.attributeCodecs());
        b.addAll(plugins);
        // last: generic netlink and nfnetlink messages no spec or plugin knows still show their header and attributes
        for (GenericFallback f : List.of(GenericFallback.genl(), GenericFallback.nfnetlink())) {
            b.add(f);
            b.resolver(f.protocol(), f.resolver());
        }
        return b.build();
    }

    /**
     * Parses one spec file: the YAML with {@link YamlReader}'s limits, the spec with {@link YnlParser},
     * and the attribute numbers with {@link AttributeNumbers} (every problem of both is reported).
     * An attribute set that nests itself, directly or through others, is allowed (the kernel's
     * specs have such sets: ovs_flow key-attrs, tc ets-attrs, devlink, taskstats): decoding stops at
     * {@link org.nlwb.decoder.decode.AttributeWalker#MAX_DEPTH} levels with a note, so a cycle costs
     * nothing and {@code spec check} does not report it.
     *
     * @return the family, or null when the file is a YNL schema rather than a spec
     * @throws SpecException with every problem found, located to the line
     */
    public static Family parse(String origin, byte[] content) throws SpecException {
        YamlNode doc = YamlReader.read(origin, content);
        if (YnlParser.isSchema(doc)) {
            return null;
        }
        List<SpecProblem> numbers = AttributeNumbers.check(doc);
        Family family;
        try {
            family = YnlParser.parse(doc, origin);
        } catch (SpecException e) {
            List<SpecProblem> all = new ArrayList<>(e.problems());
            all.addAll(numbers);
            throw new SpecException(all);
        }
        if (!numbers.isEmpty()) {
            throw new SpecException(numbers);
        }
        return family;
    }

    private Family parseCached(String origin, byte[] content) throws SpecException {
        Parsed p = cache.get(origin);
        if (p == null || !java.util.Arrays.equals(p.content(), content)) {
            try {
                p = new Parsed(content, parse(origin, content), null);
            } catch (SpecException e) {
                p = new Parsed(content, null, e);
            }
            cache.put(origin, p);
        }
        if (p.error() != null) {
            throw p.error();
        }
        return p.family();
    }

    private void add(Map<String, SpecCatalog.Entry> families, List<SpecProblem> problems, String origin, byte[] content) {
        try {
            Family f = parseCached(origin, content);
            if (f != null) {
                put(families, origin, SpecSource.parsed(f));
            }
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
    }

    private static void put(Map<String, SpecCatalog.Entry> families, String origin, SpecSource source) {
        String name = source.facts().name();
        SpecCatalog.Entry old = families.get(name); // put() below keeps the family where it was first met
        List<String> overridden = new ArrayList<>();
        if (old != null) {
            overridden.addAll(old.overridden());
            overridden.add(old.origin());
        }
        families.put(name, new SpecCatalog.Entry(source, origin, overridden));
    }

    private static List<Path> specFiles(Path dir, List<SpecProblem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new SpecProblem(dir.toString(), 0, 0, "", "cannot list: " + e.getMessage()));
            return List.of();
        }
    }
}
