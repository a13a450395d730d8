package org.nlwb.app.packaging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlwb.app.build.BuildInfo;
import org.nlwb.app.cli.NlwbCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the app image and the .deb: what {@code mvn -Ppackage package} runs (app/pom.xml), and
 * what the packaging test calls. The version is the build's ({@link BuildInfo}); man pages and bash
 * completion come from {@link NlwbCommand}'s model as loaded here, so the class path this runs on
 * must be the one being packaged. Man pages are dated by {@code SOURCE_DATE_EPOCH} when set (for
 * reproducible builds), else today.
 */
@Command(name = "nlwb-packager", mixinStandardHelpOptions = true,
        description = "Build nlwb's app image (DEST/nlwb) and .deb (DEST/nlwb_VERSION_ARCH.deb).")
public final class Packager implements Callable<Integer> {

    /**
     * What to package.
     *
     * @param mainJar the jar holding org.nlwb.app.Main
     * @param lib a directory of the jars it runs with
     * @param resources the packaging resources (app/src/packaging)
     * @param dest where the image and the .deb go
     * @param work scratch space, emptied first
     * @param pomVersion the POM's version, the base of a snapshot's Debian version
     */
    public record Inputs(Path mainJar, Path lib, Path resources, Path dest, Path work, String pomVersion) {
    }

    /** What a build produced, with sizes in bytes (the image's files; the .deb file). */
    public record Result(Path image, Path deb, long imageBytes, long debBytes) {
    }

    @Option(names = "--main-jar", required = true, paramLabel = "JAR", description = "The jar holding org.nlwb.app.Main.")
    Path mainJar;

    @Option(names = "--lib", required = true, paramLabel = "DIR", description = "The directory of the jars it runs with.")
    Path lib;

    @Option(names = "--resources", required = true, paramLabel = "DIR", description = "The packaging resources.")
    Path resources;

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Where the image and the .deb go.")
    Path dest;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Scratch directory (emptied first).")
    Path work;

    @Option(names = "--pom-version", required = true, paramLabel = "VERSION", description = "The POM's version.")
    String pomVersion;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Packager()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Result r = build(new Inputs(mainJar, lib, resources, dest, work, pomVersion), System.out);
        System.out.printf("nlwb packaging: app image %s (%.1f MiB), %s (%.1f MiB)%n", r.image(), r.imageBytes() / 1048576.0,
                r.deb(), r.debBytes() / 1048576.0);
        return 0;
    }

    /** Builds both; progress and warnings go to {@code log}. */
    public static Result build(Inputs in, PrintStream log) throws IOException, InterruptedException {
        Tree.delete(in.work());
        Path input = in.work().resolve("input");
        Files.createDirectories(input);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(in.lib(), "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        }
        Files.copy(in.mainJar(), input.resolve(in.mainJar().getFileName()));
        log.println("nlwb packaging: app image (jpackage) ...");
        Path image = AppImage.build(input, in.mainJar().getFileName().toString(), in.resources(),
                DebianVersion.release(in.pomVersion()), in.dest(), log);
        checkStarts(image);

        CommandLine model = NlwbCommand.commandLine();
        List<ManPage> pages = ManPage.all(model, BuildInfo.version(), buildDate(),
                Files.readString(in.resources().resolve("nlwb.1.sections")));
        String bash = AutoComplete.bash("nlwb", model);
        log.println("nlwb packaging: .deb (dpkg-deb) ...");
        Path deb = DebPackage.build(new DebPackage.Contents(image, in.resources(), pages, bash),
                DebianVersion.of(BuildInfo.version(), in.pomVersion()), in.work(), in.dest(), log);
        return new Result(image, deb, Tree.bytes(image), Files.size(deb));
    }

    /** The image's {@code nlwb --version} must work: a module missing from the runtime shows here, not on a user's machine. */
    private static void checkStarts(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(image.resolve("bin/nlwb").toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("the app image does not start: bin/nlwb --version said: " + out.strip());
        }
    }

    private static LocalDate buildDate() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
        }
        return LocalDate.now(ZoneOffset.UTC);
    }
}
