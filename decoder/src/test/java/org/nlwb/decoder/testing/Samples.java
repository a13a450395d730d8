package org.nlwb.decoder.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the reference samples beside the repository ({@code ../shared}) and the project's own samples are. */
public final class Samples {
    private Samples() {
    }

    /** {@code ../shared}, as surefire passes it in {@code nlwb.shared}. */
    public static Path shared() {
        return Path.of(System.getProperty("nlwb.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** The repository's own {@code samples/} folder. */
    public static Path project() {
        Path p = Path.of(System.getProperty("nlwb.samples", "../samples")).toAbsolutePath().normalize();
        return p;
    }

    /** Every regular file under {@code dir} except READMEs, manifests and pyroute2's own outputs. */
    public static List<Path> dumpsUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.endsWith(".md") && !n.endsWith(".pyroute2.txt") && !n.equals("README")
                                && !n.endsWith(".sh") && !n.endsWith(".golden.txt") && !n.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
