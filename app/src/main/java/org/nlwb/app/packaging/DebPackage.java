package org.nlwb.app.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The .deb around an app image, laid out to clash with no other package: the image is
 * {@code /opt/nlwb}, and outside it there are only files named for nlwb:
 * {@code /usr/bin/nlwb} (a link to the launcher), the desktop entry, its icons, the MIME types it
 * reads ({@code /usr/share/mime/packages/nlwb.xml}), bash and zsh completion and the man pages.
 * Nothing under {@code /usr/share/ynl}: that directory is where the kernel's own YNL tooling installs
 * specs, which nlwb reads. No maintainer scripts: the triggers of man-db, desktop-file-utils,
 * shared-mime-info and the icon theme index these files, and no default application is changed.
 */
final class DebPackage {
    /** The {@code /usr/bin/nlwb} link's target. Absolute, as Debian policy wants for a link across top-level directories. */
    static final String LAUNCHER = "/opt/nlwb/bin/nlwb";

    /**
     * What goes into the package besides the image.
     *
     * @param image the app image ({@link AppImage})
     * @param resources the packaging resources (desktop entry, icons, MIME types, zsh completion, control)
     * @param manPages the pages to install in {@code man1}
     * @param bashCompletion the bash completion script
     */
    record Contents(Path image, Path resources, List<ManPage> manPages, String bashCompletion) {
    }

    private DebPackage() {
    }

    /** Lays the tree out in {@code work} and builds {@code dest/nlwb_VERSION_ARCH.deb}; returns that file. */
    static Path build(Contents c, DebianVersion version, Path work, Path dest, PrintStream log)
            throws IOException, InterruptedException {
        Path root = work.resolve("deb");
        Tree.delete(root);
        Tree.copy(c.image(), root.resolve("opt/nlwb"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("usr/bin/nlwb"), Path.of(LAUNCHER));
        Path share = root.resolve("usr/share");
        place(c.resources().resolve("nlwb.desktop"), share.resolve("applications/nlwb.desktop"));
        place(c.resources().resolve("nlwb.svg"), share.resolve("icons/hicolor/scalable/apps/nlwb.svg"));
        place(c.resources().resolve("nlwb.png"), share.resolve("icons/hicolor/256x256/apps/nlwb.png"));
        place(c.resources().resolve("mime.xml"), share.resolve("mime/packages/nlwb.xml"));
        write(share.resolve("bash-completion/completions/nlwb"), c.bashCompletion().getBytes(StandardCharsets.UTF_8));
        place(c.resources().resolve("zsh-completion"), share.resolve("zsh/vendor-completions/_nlwb"));
        for (ManPage page : c.manPages()) {
            write(share.resolve("man/man1/" + page.fileName() + ".gz"), gzip(page.roff().getBytes(StandardCharsets.UTF_8)));
        }
        Tree.normalizePermissions(root);

        String arch = run(List.of("dpkg", "--print-architecture")).strip();
        SharedLibraryPackages libs = SharedLibraryPackages.of(root.resolve("opt/nlwb"));
        if (!libs.unresolved().isEmpty()) {
            log.println("nlwb packaging: no installed package provides " + libs.unresolved() + "; left out of Depends");
        }
        String control = Files.readString(c.resources().resolve("control"))
                .replace("@VERSION@", version.value())
                .replace("@ARCHITECTURE@", arch)
                .replace("@INSTALLED_SIZE@", Long.toString(Tree.installedKib(root)))
                .replace("@DEPENDS@", String.join(", ", libs.packages()));
        write(root.resolve("DEBIAN/control"), control.getBytes(StandardCharsets.UTF_8));
        Tree.normalizePermissions(root.resolve("DEBIAN"));

        Path deb = dest.resolve("nlwb_" + version.value() + "_" + arch + ".deb");
        Files.createDirectories(dest);
        Files.deleteIfExists(deb);
        // gzip, not dpkg's default xz: the jars and the runtime's modules are compressed already, so xz
        // saves 7% and takes seven times as long (two minutes here).
        List<String> cmd = new ArrayList<>(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build",
                root.toString(), deb.toString()));
        String out = run(cmd);
        if (!Files.isRegularFile(deb)) {
            throw new IOException("dpkg-deb built nothing: " + out);
        }
        return deb;
    }

    private static void place(Path from, Path to) throws IOException {
        write(to, Files.readAllBytes(from));
    }

    private static void write(Path to, byte[] bytes) throws IOException {
        Files.createDirectories(to.getParent());
        Files.write(to, bytes);
    }

    /** gzip -9n: best compression, no name or time in the header, so equal pages give equal files. */
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** Standard output and error of {@code cmd}; an IOException naming the command when it fails. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
        }
        return out;
    }
}
