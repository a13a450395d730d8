package org.nlwb.app.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian packages that provide the shared libraries an app image's ELF files load, for the
 * control file's Depends, found as jpackage's own .deb finds them: {@code ldd} on every ELF file,
 * then {@code dpkg -S} on each library outside the image. The result names the build machine's
 * packages (libasound2 on Debian 12, libasound2t64 on 13), so a .deb fits the release it was built on.
 * Pitfall: merged-/usr systems register a library under {@code /lib} or {@code /usr/lib} whichever
 * its package used, while ldd may print the other; both are asked.
 *
 * @param packages the package names, sorted
 * @param unresolved libraries no installed package claims (the .deb cannot depend on them)
 */
public record SharedLibraryPackages(SortedSet<String> packages, List<String> unresolved) {
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:(\\S+) => )?(/\\S+) \\(0x[0-9a-f]+\\)$");
    private static final Pattern DPKG_LINE = Pattern.compile("^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?(?:, [^:]+)*: (/.*)$");

    /** Runs ldd and dpkg -S over the ELF files under {@code image}. */
    public static SharedLibraryPackages of(Path image) throws IOException, InterruptedException {
        Path root = image.toAbsolutePath().normalize();
        List<String> elves = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (isElf(f)) {
                    elves.add(f.toString());
                }
            }
        }
        if (elves.isEmpty()) {
            return new SharedLibraryPackages(new TreeSet<>(), List.of());
        }
        List<String> cmd = new ArrayList<>(List.of("ldd"));
        cmd.addAll(elves);
        Set<String> libraries = librariesOutside(run(cmd), root.toString());
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (String lib : libraries) {
            candidates.put(lib, candidates(Path.of(lib)));
        }
        List<String> query = new ArrayList<>(List.of("dpkg", "-S"));
        candidates.values().forEach(query::addAll);
        Map<String, String> owners = owners(run(query));
        SortedSet<String> packages = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        candidates.forEach((lib, paths) -> paths.stream().map(owners::get).filter(p -> p != null).findFirst()
                .ifPresentOrElse(packages::add, () -> unresolved.add(lib)));
        return new SharedLibraryPackages(packages, unresolved);
    }

    /** The absolute library paths in ldd's output that are not under {@code imageRoot}. */
    static Set<String> librariesOutside(String lddOutput, String imageRoot) {
        Set<String> libs = new LinkedHashSet<>();
        for (String line : lddOutput.split("\n")) {
            Matcher m = LDD_LINE.matcher(line);
            if (m.matches() && !m.group(2).startsWith(imageRoot + "/")) {
                libs.add(m.group(2));
            }
        }
        return libs;
    }

    /** Path to owning package, from {@code dpkg -S} output (the first package where several share a path). */
    static Map<String, String> owners(String dpkgOutput) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String line : dpkgOutput.split("\n")) {
            Matcher m = DPKG_LINE.matcher(line);
            if (m.matches()) {
                owners.putIfAbsent(m.group(2), m.group(1));
            }
        }
        return owners;
    }

    /** The library as ldd named it, its real file, and each under the other of /lib and /usr/lib. */
    private static List<String> candidates(Path lib) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path p : List.of(lib, lib.toRealPath())) {
            String s = p.toString();
            names.add(s);
            names.add(s.startsWith("/usr/") ? s.substring(4) : "/usr" + s);
        }
        return new ArrayList<>(names);
    }

    private static boolean isElf(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        }
    }

    /** The command's standard output; its exit status is ignored (ldd and dpkg -S fail for one unknown file). */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
