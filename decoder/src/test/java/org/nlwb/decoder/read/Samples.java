package org.nlwb.decoder.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/** Where the test samples are, and small helpers to read them. */
public final class Samples {
    private Samples() {
    }

    /** The shared reference samples (read-only, beside the repository). */
    public static Path shared() {
        return Path.of(System.getProperty("nlwb.shared", "../../shared")).resolve("samples");
    }

    /** The project's own samples ({@code samples/} at the repository root). */
    public static Path own() {
        Path p = Path.of("../samples");
        return Files.isDirectory(p) ? p : Path.of("samples");
    }

    public static Path captured(String file) {
        return shared().resolve("captured").resolve(file);
    }

    public static Path pyroute2(String file) {
        return shared().resolve("pyroute2").resolve(file);
    }

    /** Every regular file under {@code dir} except README/MANIFEST notes, sorted. */
    public static List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a reader gives for a file: records and diagnostics. */
    public record Result(List<Record> records, List<Diagnostic> diagnostics, ReadMetadata metadata) {
    }

    public static Result read(Reader reader, Path file) throws IOException, NotThisFormatException {
        return read(reader, file.getFileName().toString(), Files.readAllBytes(file));
    }

    public static Result read(Reader reader, String name, byte[] content) throws NotThisFormatException {
        List<Record> records = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        ReadMetadata meta = reader.read(name, content, records::add, diags::add);
        return new Result(records, diags, meta);
    }

    public static Capture load(Path file) throws IOException, UnreadableInputException {
        return Loader.standard().load(file, null, -1);
    }
}
