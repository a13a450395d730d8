package org.nlwb.app.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.app.build.BuildInfo;
import org.nlwb.app.cli.NlwbCommand;
import org.nlwb.app.ui.WorkbenchApp;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The .deb, built once from the jars this build made (Packager, as {@code mvn -Ppackage} runs it),
 * extracted with {@code dpkg -x} into a temporary prefix (never installed on this machine), and
 * used from there as a user would: the launcher, a decode, a man page, the completion, the desktop
 * entry. Runs as root, as CI does (it builds a whole package, about a minute); elsewhere with
 * {@code -Dnlwb.packaging.test=true}. Skipped, saying why, where a tool it needs is missing.
 */
class DebPackageTest {
    @TempDir
    static Path tmp;

    private static Path deb;
    private static Path prefix;
    private static Path launcher;

    @BeforeAll
    static void buildAndExtract() throws Exception {
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assumeTrue(root || Boolean.getBoolean("nlwb.packaging.test"),
                "skipped: the .deb test runs as root, as CI does (about a minute); -Dnlwb.packaging.test=true runs it here");
        List<String> missing = new ArrayList<>();
        if (ToolProvider.findFirst("jpackage").isEmpty()) {
            missing.add("jpackage (a full JDK)");
        }
        for (String tool : List.of("dpkg-deb", "dpkg", "ldd", "man", "bash")) {
            if (!SharedLibraryPackagesTest.onPath(tool)) {
                missing.add(tool);
            }
        }
        assumeTrue(missing.isEmpty(), "skipped: missing " + missing + " (apt-get install dpkg man-db openjdk-17-jdk)");
        String classpath = System.getProperty("nlwb.runtime.classpath", "");
        assumeTrue(!classpath.isBlank() && !classpath.contains("${"), "skipped: run through Maven (nlwb.runtime.classpath unset)");

        Path lib = Files.createDirectories(tmp.resolve("lib"));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) { // a reactor module not packaged yet (mvn test): its target/classes
                JarOf.directory(p, lib.resolve(p.getParent().getParent().getFileName() + ".jar"));
            } else {
                Files.copy(p, lib.resolve(p.getFileName()));
            }
        }
        Path mainJar = JarOf.directory(Path.of("target/classes"), tmp.resolve("nlwb-app.jar"));
        Packager.Result r = Packager.build(new Packager.Inputs(mainJar, lib, Path.of("src/packaging"),
                tmp.resolve("dist"), tmp.resolve("work"), "0.1.0-SNAPSHOT"), System.out);
        deb = r.deb();
        prefix = tmp.resolve("prefix");
        Run x = run(List.of("dpkg", "-x", deb.toString(), prefix.toString()), Map.of());
        assertEquals(0, x.exit(), x.err());
        launcher = prefix.resolve("opt/nlwb/bin/nlwb");
    }

    @Test
    void theLauncherRunsOnTheImagesOwnRuntimeAndSaysTheBuildsVersion() throws Exception {
        // No JDK in reach: only the system directories on PATH, no JAVA_HOME.
        Run r = run(List.of(launcher.toString(), "--version"), Map.of("PATH", "/usr/bin:/bin"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("nlwb " + BuildInfo.version(), lines.get(0));
        assertTrue(lines.get(1).endsWith("runtime " + prefix.resolve("opt/nlwb/lib/runtime")), r.out());
    }

    @Test
    void theInstalledNlwbDecodesASampleAsTheBuiltOneDoes() throws Exception {
        String sample = Path.of("../samples/ip-link-show.pcap").toAbsolutePath().normalize().toString();
        Run installed = run(List.of(launcher.toString(), "decode", "--json", sample), Map.of());
        assertEquals(0, installed.exit(), installed.err());
        Run built = run(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.nlwb.app.Main", "decode", "--json", sample), Map.of());
        assertEquals(built.out(), installed.out());
        assertTrue(installed.out().contains("\"IFLA_IFNAME\""), installed.out());
    }

    @Test
    void theInstalledLauncherGivesABatchCommandTheBatchListAndTheWindowItsOwn() throws Exception {
        List<String> batch = xxOptions(0, 1);
        List<String> window = xxOptions(0, 2);
        assertTrue(batch.stream().anyMatch(o -> !window.contains(o)), "the batch list has options of its own: " + batch);
        assertFlags(List.of("--version"), batch, window);
        assertFlags(List.of("gui", "--no-such-option"), window, batch); // a usage error: the window never opens
    }

    /** The -XX options of the listed JVM_OPTIONS files. */
    private static List<String> xxOptions(int... files) throws IOException {
        List<String> xx = new ArrayList<>();
        for (int f : files) {
            try (var in = DebPackageTest.class.getResourceAsStream(AppImage.JVM_OPTIONS.get(f))) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> l.startsWith("-XX:")).forEach(xx::add);
            }
        }
        return xx;
    }

    /**
     * The installed launcher starts a JVM for {@code args} with every option of {@code given} and none of
     * {@code other}'s own (the JVM prints its flags before the program runs, whatever the program's exit).
     */
    private static void assertFlags(List<String> args, List<String> given, List<String> other) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(args);
        Run r = run(cmd, Map.of("NLWB_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "DISPLAY", ""));
        String flags = r.out().lines().findFirst().orElse("");
        assertTrue(flags.contains("-XX:+PrintCommandLineFlags"), "the JVM started for " + args + ": " + r.out() + r.err());
        for (String option : given) {
            assertTrue(flags.contains(option), option + " reaches the installed JVM for " + args + ": " + flags);
        }
        for (String option : other) {
            if (!given.contains(option)) {
                assertFalse(flags.contains(option), option + " is not for " + args + ": " + flags);
            }
        }
    }

    @Test
    void pluginsComeFromTheConfigDirectoryAndNlwbPluginsAsWithDotSlashNlwb() throws Exception {
        Path home = tmp.resolve("home");
        Path inConfig = JarOf.directory(Files.createDirectories(tmp.resolve("empty")),
                Files.createDirectories(home.resolve(".config/nlwb/plugins")).resolve("from-config.jar"));
        Path named = JarOf.directory(tmp.resolve("empty"), tmp.resolve("named.jar"));
        Run r = run(List.of(launcher.toString(), "--version"), Map.of("HOME", home.toString(),
                "NLWB_PLUGINS", named.toString(), "NLWB_JAVA_OPTS", "-XshowSettings:properties"));
        assertEquals(0, r.exit(), r.err());
        String classPath = r.err().substring(r.err().indexOf("java.class.path"), r.err().indexOf("java.home"));
        assertTrue(classPath.contains(inConfig.toString()), classPath);
        assertTrue(classPath.contains(named.toString()), classPath);
    }

    @Test
    void nlwbOnThePathIsALinkToTheLauncher() throws Exception {
        Path link = prefix.resolve("usr/bin/nlwb");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("/opt/nlwb/bin/nlwb"), Files.readSymbolicLink(link));
        assertTrue(Files.isExecutable(launcher));
    }

    @Test
    void everyCommandHasAManPageThatManRendersWithoutWarnings() throws Exception {
        Path man1 = prefix.resolve("usr/share/man/man1");
        List<String> expected = ManPage.all(NlwbCommand.commandLine(), "", LocalDate.now(), "").stream()
                .map(p -> p.fileName() + ".gz").sorted().toList();
        try (Stream<Path> files = Files.list(man1)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<String, String> env = Map.of("MANPAGER", "cat", "MANWIDTH", "100", "LC_ALL", "C.UTF-8");
        for (String page : expected) {
            Run r = run(List.of("man", "--warnings", "-l", man1.resolve(page).toString()), env);
            assertEquals(0, r.exit(), page + ": " + r.err());
            assertEquals("", r.err(), page);
        }
        String decode = run(List.of("man", "-l", man1.resolve("nlwb-decode.1.gz").toString()), env).out();
        for (OptionSpec o : NlwbCommand.commandLine().getSubcommands().get("decode").getCommandSpec().options()) {
            assertTrue(decode.contains(o.longestName()), o.longestName() + " in\n" + decode);
        }
        assertTrue(decode.contains("nlwb-decode - Decode netlink dump files"), decode);
    }

    @Test
    void theBashCompletionLoadsAndCompletesCommandsAndOptions() throws Exception {
        String script = prefix.resolve("usr/share/bash-completion/completions/nlwb").toString();
        Run loaded = run(List.of("bash", "-c", "source \"$1\" && complete -p nlwb", "bash", script), Map.of());
        assertEquals(0, loaded.exit(), loaded.err());
        assertTrue(loaded.out().matches("(?s)complete .*-F _complete_nlwb .*nlwb.*"), loaded.out());
        assertEquals("decode", complete(script, "nlwb", "dec"));
        assertEquals("--format", complete(script, "nlwb", "decode", "--fo"));
    }

    /** What bash would offer for the last word: the completion function run as bash runs it on TAB. */
    private static String complete(String script, String... words) throws Exception {
        String line = String.join(" ", words);
        String code = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_nlwb; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", code, "bash", script));
        cmd.addAll(List.of(words));
        Run r = run(cmd, Map.of());
        assertEquals(0, r.exit(), line + ": " + r.err());
        return r.out().strip();
    }

    @Test
    void theDesktopEntryOpensTheCapturesNlwbReadsWithItsIcon() throws Exception {
        Path entry = prefix.resolve("usr/share/applications/nlwb.desktop");
        List<String> lines = Files.readAllLines(entry);
        assertTrue(lines.contains("Exec=nlwb gui %F"), lines.toString());
        assertTrue(lines.contains("Icon=nlwb"), lines.toString());
        // JavaFX names the window's WM_CLASS after the Application class; docks match it to the entry this way
        assertTrue(lines.contains("StartupWMClass=" + WorkbenchApp.class.getName()), lines.toString());
        String mime = lines.stream().filter(l -> l.startsWith("MimeType=")).findFirst().orElseThrow();
        for (String type : List.of("application/vnd.tcpdump.pcap", "application/x-pcapng", "text/x-strace-log")) {
            assertTrue(mime.contains(type + ";"), mime);
        }
        assertTrue(Files.isRegularFile(prefix.resolve("usr/share/icons/hicolor/scalable/apps/nlwb.svg")));
        assertTrue(Files.isRegularFile(prefix.resolve("usr/share/icons/hicolor/256x256/apps/nlwb.png")));
        if (SharedLibraryPackagesTest.onPath("desktop-file-validate")) {
            Run v = run(List.of("desktop-file-validate", entry.toString()), Map.of());
            assertEquals(0, v.exit(), v.out() + v.err());
            assertEquals("", v.out() + v.err());
        }
    }

    @Test
    void theMimeTypesRegisterForTheSamplesNames() throws Exception {
        assumeTrue(SharedLibraryPackagesTest.onPath("update-mime-database"), "skipped: no update-mime-database (shared-mime-info)");
        Path mime = tmp.resolve("mime");
        Files.createDirectories(mime.resolve("packages"));
        Files.copy(prefix.resolve("usr/share/mime/packages/nlwb.xml"), mime.resolve("packages/nlwb.xml"));
        // tmp on the data path, else update-mime-database notes that applications will not look there
        Run r = run(List.of("update-mime-database", mime.toString()), Map.of("XDG_DATA_DIRS", tmp.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> globs = Files.readAllLines(mime.resolve("globs2"));
        assertTrue(globs.stream().anyMatch(g -> g.endsWith(":text/x-strace-log:*.strace.txt")), globs.toString());
        assertTrue(globs.stream().anyMatch(g -> g.endsWith(":application/x-pcapng:*.pcapng")), globs.toString());
    }

    @Test
    void thePackageShipsOnlyFilesNamedForNlwbAndNoMaintainerScripts() throws Exception {
        List<String> allowedOutsideOpt = List.of("usr/bin/nlwb", "usr/share/applications/nlwb.desktop",
                "usr/share/icons/hicolor/scalable/apps/nlwb.svg", "usr/share/icons/hicolor/256x256/apps/nlwb.png",
                "usr/share/mime/packages/nlwb.xml", "usr/share/bash-completion/completions/nlwb",
                "usr/share/zsh/vendor-completions/_nlwb");
        try (Stream<Path> all = Files.walk(prefix)) {
            for (Path p : all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = prefix.relativize(p).toString();
                assertTrue(rel.startsWith("opt/nlwb/") || allowedOutsideOpt.contains(rel)
                        || rel.matches("usr/share/man/man1/nlwb(-[a-z-]+)?\\.1\\.gz"), rel);
            }
        }
        Run info = run(List.of("dpkg-deb", "--info", deb.toString()), Map.of());
        assertTrue(info.out().contains(" control"), info.out());
        for (String script : List.of("preinst", "postinst", "prerm", "postrm", "triggers")) {
            assertFalse(info.out().contains(" " + script + " "), info.out());
        }
        Run fields = run(List.of("dpkg-deb", "--field", deb.toString(), "Package", "Version", "Depends"), Map.of());
        assertTrue(fields.out().contains("Package: nlwb\n"), fields.out());
        assertTrue(fields.out().contains("Version: " + DebianVersion.of(BuildInfo.version(), "0.1.0-SNAPSHOT").value() + "\n"),
                fields.out());
        assertTrue(fields.out().matches("(?s).*Depends: .*\\blibc6\\b.*"), fields.out());
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code cmd} with {@code env} replacing the inherited variables it names; PATH alone replaces PATH and drops JAVA_HOME. */
    static Run run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (env.containsKey("PATH")) {
            pb.environment().remove("JAVA_HOME");
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " still running after 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
