package org.nlwb.decoder.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Opens a dump file: picks a reader by content (or the one forced with {@code --format}), reads
 * it into a {@link Capture} (records framed into the message index as they arrive), and applies
 * a protocol the user named to records whose source did not say -- or, when the user named none,
 * the one their content shows ({@link ProtocolGuess}, noted on each message).
 *
 * <p>Detection: readers whose {@link Reader#sniff} accepts the head are tried first, in the
 * order given, then the rest; the first that does not throw {@link NotThisFormatException} wins.
 * When none reads it, {@link UnreadableInputException} names every format and why it stopped.
 */
public final class Loader {
    private static final int HEAD = 64 * 1024;
    private final List<Reader> readers;

    public Loader(List<Reader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** A loader over every built-in reader. */
    public static Loader standard() {
        return new Loader(Readers.all());
    }

    public Capture load(Path file, DumpFormat forced, int protocolOverride) throws IOException, UnreadableInputException {
        byte[] content = Files.readAllBytes(file);
        return load(file.toString(), content, forced, protocolOverride);
    }

    /**
     * @param protocolOverride a protocol for records whose source does not name one, or
     *                         {@link org.nlwb.decoder.model.Protocol#UNKNOWN}
     */
    public Capture load(String name, byte[] content, DumpFormat forced, int protocolOverride)
            throws UnreadableInputException {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new UnreadableInputException(name + ": the file is empty");
        }
        byte[] head = Arrays.copyOf(content, Math.min(HEAD, content.length));
        List<Reader> order = new ArrayList<>();
        for (Reader r : readers) {
            if (forced == null ? r.sniff(head) : r.format() == forced) {
                order.add(r);
            }
        }
        if (forced == null) {
            for (Reader r : readers) {
                if (!order.contains(r)) {
                    order.add(r);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (Reader r : order) {
            Capture capture = new Capture(name, r.format().label());
            List<Record> pending = new ArrayList<>();
            List<Diagnostic> diags = new ArrayList<>();
            try {
                ReadMetadata meta = r.read(name, content, pending::add, diags::add);
                if (protocolOverride >= 0) {
                    for (Record rec : pending) {
                        capture.append(rec.protocol() < 0 ? rec.withProtocol(protocolOverride) : rec);
                    }
                } else {
                    // a source that names no protocol (plain hex, pyroute2): the content may say it
                    for (ProtocolGuess.Guessed g : ProtocolGuess.apply(pending)) {
                        capture.append(g.record(), g.note());
                    }
                }
                diags.forEach(capture::addDiagnostic);
                capture.setMetadata(meta.blocks());
                return capture;
            } catch (NotThisFormatException e) {
                failures.add(r.format().label() + ": " + e.getMessage());
            }
        }
        if (forced != null && order.isEmpty()) {
            throw new UnreadableInputException(name + ": no reader for format " + forced.label());
        }
        throw new UnreadableInputException(name + ": not a netlink dump nlwb can read. Tried:\n  "
                + String.join("\n  ", failures));
    }
}
