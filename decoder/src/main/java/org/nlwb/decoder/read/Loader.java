package org.nlwb.decoder.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nlwb.decoder.bytes.Printable;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Opens a dump file: picks a reader by content (or the one forced with {@code --format}), reads
 * it into a {@link Capture} (records framed into the message index as they arrive), and applies
 * a protocol the user named to records whose source did not say.
 *
 * <p>Detection: readers whose {@link Reader#sniff} accepts the head are tried first, in the
 * order given, then the rest; the first that does not throw {@link NotThisFormatException} wins.
 * When none reads it, {@link UnreadableInputException} names every format and why it stopped.
 *
 * <p>Failure messages are for people and name the file once, then the reason: {@code
 * /tmp/x.pcap: no such file}, {@code ...: permission denied}, {@code ...: is a directory},
 * {@code ...: the file is empty}, {@code ...: not a netlink dump nlwb can read. Tried: ...}. A file
 * a reader recognises but from which not one record could be read (every packet damaged) is
 * unreadable too, with the reader's errors: "nothing could be read" is a failure, so a command
 * line tool exits non-zero for it. An empty but sound file (a pcap header and no packets, a
 * strace log without netlink traffic) is an empty capture, not a failure. Everything quoted from
 * the file, its name included, has its control characters escaped ({@link Printable#escape}).
 */
public final class Loader {
    private static final int HEAD = 64 * 1024;
    /** How many of a reader's errors an "nothing could be read" message quotes. */
    private static final int ERRORS_QUOTED = 3;
    private final List<Reader> readers;

    public Loader(List<Reader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** A loader over every built-in reader. */
    public static Loader standard() {
        return new Loader(Readers.all());
    }

    /**
     * Reads and loads {@code file}.
     *
     * @throws UnreadableInputException when the file cannot be opened (missing, not permitted, a
     *         directory: the message says which) or no reader can read it
     * @throws IOException never for the file's own problems, which are all reported as above; kept
     *         so that callers written against the earlier contract still compile
     */
    public Capture load(Path file, DumpFormat forced, int protocolOverride) throws IOException, UnreadableInputException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableInputException(Printable.escape(file.toString()) + ": " + reason(file, e));
        }
        return load(file.toString(), content, forced, protocolOverride);
    }

    /** Why {@code file} could not be read, in the words of ls and cat rather than of a Java exception. */
    static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (why == null || why.isBlank() || why.equals(file.toString())) {
            return "cannot be read";
        }
        return "cannot be read: " + Printable.escape(why.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + why.substring(1));
    }

    /**
     * @param protocolOverride a protocol for records whose source does not name one, or
     *                         {@link org.nlwb.decoder.model.Protocol#UNKNOWN}
     */
    public Capture load(String name, byte[] content, DumpFormat forced, int protocolOverride)
            throws UnreadableInputException {
        Objects.requireNonNull(content, "content");
        String shown = Printable.escape(name);
        if (content.length == 0) {
            throw new UnreadableInputException(shown + ": the file is empty");
        }
        List<String> failures = new ArrayList<>();
        List<Reader> order = order(content, forced);
        for (Reader r : order) {
            Capture capture = new Capture(name, r.format().label());
            List<Record> pending = new ArrayList<>();
            List<Diagnostic> diags = new ArrayList<>();
            try {
                ReadMetadata meta = r.read(name, content, pending::add, diags::add);
                if (pending.isEmpty()) {
                    requireSomethingRead(shown, r, diags);
                }
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
                failures.add(r.format().label() + ": " + Printable.escape(e.getMessage()));
            }
        }
        if (forced != null && order.isEmpty()) {
            throw new UnreadableInputException(shown + ": no reader for format " + forced.label());
        }
        throw new UnreadableInputException(shown + ": not a netlink dump nlwb can read. Tried:\n  "
                + String.join("\n  ", failures));
    }

    /** The readers to try: the forced one, or those whose sniff accepts the head and then the rest. */
    private List<Reader> order(byte[] content, DumpFormat forced) {
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
        return order;
    }

    /** A reader that gave no record but errors read nothing: that is a failure, with its errors as the reason. */
    private static void requireSomethingRead(String shown, Reader r, List<Diagnostic> diags) throws UnreadableInputException {
        List<Diagnostic> errors = diags.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(shown).append(": nothing could be read (").append(r.format().label())
                .append(", no record is intact):");
        errors.stream().limit(ERRORS_QUOTED).forEach(d -> sb.append("\n  ").append(d));
        if (errors.size() > ERRORS_QUOTED) {
            sb.append("\n  (and ").append(errors.size() - ERRORS_QUOTED).append(" more errors)");
        }
        throw new UnreadableInputException(sb.toString());
    }
}
