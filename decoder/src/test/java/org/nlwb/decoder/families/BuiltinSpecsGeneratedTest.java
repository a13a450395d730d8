package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in specs are what {@code tools/gen_specs.py} makes of the UAPI headers and the family
 * data: {@code --check} passes on the committed files and fails with a diff on a changed one; the
 * headers a file's leading comment names are enough to make it again; a missing header fails the
 * run naming the family and the header, with nothing written. Skipped (with the reason) where
 * python3, python3-yaml or the headers are not installed.
 */
class BuiltinSpecsGeneratedTest {
    private static final Path HEADERS = Path.of("/usr/include");
    private static Path root;

    @BeforeAll
    static void needsTheGenerator() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("tools/gen_specs.py"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "tools/gen_specs.py not found above the working directory");
        assumeTrue(run(List.of("python3", "-c", "import yaml")).exit == 0, "python3 with python3-yaml is not installed");
        assumeTrue(Files.exists(HEADERS.resolve("linux/rtnetlink.h")), "no UAPI headers in /usr/include (linux-libc-dev)");
    }

    @Test
    void theCommittedSpecsAreWhatTheGeneratorWrites() throws IOException {
        Result r = generator("--check");
        assertEquals(0, r.exit, r.output);
    }

    @Test
    void aChangedSpecFailsTheCheckWithADiff(@TempDir Path tmp) throws IOException {
        Path specs = root.resolve("decoder/src/main/resources/org/nlwb/specs");
        try (Stream<Path> files = Files.list(specs)) {
            for (Path f : files.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        Path link = tmp.resolve("rt-link.yaml");
        String text = Files.readString(link);
        assertTrue(text.contains("\n  - name: mtu\n"), "rt-link.yaml names IFLA_MTU");
        Files.writeString(link, text.replace("\n  - name: mtu\n", "\n  - name: mtux\n"));

        Result r = generator("--check", "--out", tmp.toString());

        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("--- committed/rt-link.yaml") && r.output.contains("-  - name: mtux")
                && r.output.contains("+  - name: mtu\n"), r.output);
        assertTrue(r.output.contains("1 of "), r.output);
    }

    @Test
    void theHeadersAFileNamesAreAllItIsMadeFrom(@TempDir Path tmp) throws IOException {
        Path include = headersNamedBy("rt-link.yaml", tmp, "");

        Result r = generator("--include", include.toString(), "--check", "rt-link");

        assertEquals(0, r.exit, r.output);
    }

    @Test
    void aMissingHeaderFailsNamingTheFamilyAndTheHeader(@TempDir Path tmp) throws IOException {
        Path include = headersNamedBy("rt-link.yaml", tmp, "linux/veth.h");
        Path out = Files.createDirectory(tmp.resolve("out"));

        Result r = generator("--include", include.toString(), "--out", out.toString(), "rt-link");

        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("family rt-link: header " + include.resolve("linux/veth.h") + " is missing"), r.output);
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(), written.toList(), "nothing is written when a family fails");
        }
    }

    /** An include directory with linux/version.h and the headers a spec's leading comment names, less `left`. */
    private static Path headersNamedBy(String spec, Path tmp, String left) throws IOException {
        String text = Files.readString(root.resolve("decoder/src/main/resources/org/nlwb/specs").resolve(spec));
        String comment = text.substring(0, text.indexOf("\n---\n"));
        List<String> headers = new ArrayList<>(List.of("linux/version.h"));
        Matcher m = Pattern.compile("linux/[\\w/.-]+\\.h").matcher(comment);
        while (m.find()) {
            headers.add(m.group());
        }
        assertTrue(headers.contains("linux/if_link.h") && headers.contains("linux/veth.h"), comment);
        Path include = tmp.resolve("include");
        for (String h : headers) {
            if (!h.equals(left)) {
                Files.createDirectories(include.resolve(h).getParent());
                Files.copy(HEADERS.resolve(h), include.resolve(h));
            }
        }
        return include;
    }

    private static Result generator(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", root.resolve("tools/gen_specs.py").toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage()); // python3 not on the PATH
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(p.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + cmd, e);
        }
    }
}
