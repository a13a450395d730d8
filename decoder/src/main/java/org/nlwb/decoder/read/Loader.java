package org.nlwb.decoder.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * <p>Storage: a pcap or pcapng file is read in place (positional reads, never mapped) and indexed in
 * the background ({@link IndexedPcapStore}): any size opens, its bytes stay in the page cache, the heap holds
 * about 40 bytes of index per message, and {@link #load(Path, DumpFormat, int)} returns as soon
 * as the first record is indexed. Text dumps are read whole into a heap capture (at most
 * {@link #MAX_IN_MEMORY} bytes). A pipe, a device or a file without a size ({@code /proc}) is read
 * up to {@link #MAX_UNSIZED} bytes and refused beyond, with a message that says so
 * ({@code decode /dev/zero} ends at once instead of running out of memory).
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
    /** The most a text dump may have: it is read into one array. */
    static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 64;
    /** The most read from a pipe, a device or a file that reports no size ({@code /dev/zero} never ends). */
    static final int MAX_UNSIZED = 64 << 20;
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
        String shown = Printable.escape(file.toString());
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UnreadableInputException(shown + ": " + reason(file, e));
        }
        if (attrs.isDirectory()) {
            throw new UnreadableInputException(shown + ": is a directory");
        }
        if (!attrs.isRegularFile() || attrs.size() == 0) {
            // a pipe, a device or a /proc file: no size to index in place, read what it gives up to a bound
            return load(file.toString(), readBounded(file, shown, attrs.isRegularFile()), forced, protocolOverride);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UnreadableInputException(shown + ": " + reason(file, e));
        }
        List<String> failures = new ArrayList<>();
        List<Reader> order = order(head, forced);
        byte[] content = null;
        for (Reader r : order) {
            try {
                if (r instanceof PcapReader) {
                    return loadIndexed(file, shown, r, protocolOverride);
                }
                if (attrs.size() > MAX_IN_MEMORY) {
                    failures.add(r.format().label() + ": " + attrs.size() + " bytes is too large for a text dump (at most "
                            + MAX_IN_MEMORY + " are read into memory; pcap and pcapng files of any size are read in place)");
                    continue;
                }
                if (content == null) {
                    content = readAll(file, shown);
                }
                return read(r, file.toString(), shown, content, protocolOverride);
            } catch (NotThisFormatException e) {
                failures.add(r.format().label() + ": " + Printable.escape(e.getMessage()));
            }
        }
        throw notRead(shown, forced, order, failures);
    }

    /** A pcap or pcapng file, read in place and indexed in the background (see {@link IndexedPcapStore}). */
    private static Capture loadIndexed(Path file, String shown, Reader r, int protocolOverride)
            throws UnreadableInputException, NotThisFormatException {
        PositionalFile opened;
        try {
            opened = PositionalFile.open(file);
        } catch (IOException e) {
            throw new UnreadableInputException(shown + ": " + reason(file, e));
        }
        Capture capture = IndexedPcapStore.open(opened, file.toString(), r.format().label(), protocolOverride);
        if (!capture.hasMessage(0) && capture.recordCount() == 0) {
            requireSomethingRead(shown, r, capture.diagnostics());
        }
        return capture;
    }

    /** The whole of a regular file for a text reader, which needs it in one array. */
    private static byte[] readAll(Path file, String shown) throws UnreadableInputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableInputException(shown + ": " + reason(file, e));
        }
    }

    /** What a pipe, device or sizeless file gives, refused past {@link #MAX_UNSIZED} bytes. */
    private static byte[] readBounded(Path file, String shown, boolean regular) throws UnreadableInputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(MAX_UNSIZED + 1);
            if (b.length > MAX_UNSIZED) {
                throw new UnreadableInputException(shown + ": " + (regular ? "a file without a size" : "not a regular file")
                        + " (a pipe, a device) that gives more than " + (MAX_UNSIZED >> 20) + " MiB; nlwb reads at most that"
                        + " much from one: save it to a file first");
            }
            return b;
        } catch (IOException e) {
            throw new UnreadableInputException(shown + ": " + reason(file, e));
        }
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
        List<Reader> order = order(Arrays.copyOf(content, Math.min(HEAD, content.length)), forced);
        for (Reader r : order) {
            try {
                return read(r, name, shown, content, protocolOverride);
            } catch (NotThisFormatException e) {
                failures.add(r.format().label() + ": " + Printable.escape(e.getMessage()));
            }
        }
        throw notRead(shown, forced, order, failures);
    }

    /** {@code content} read by {@code r} into a heap capture, with the protocol override or guesses applied. */
    private static Capture read(Reader r, String name, String shown, byte[] content, int protocolOverride)
            throws NotThisFormatException, UnreadableInputException {
        Capture capture = new Capture(name, r.format().label());
        List<Record> pending = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
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
    }

    private static UnreadableInputException notRead(String shown, DumpFormat forced, List<Reader> order,
                                                    List<String> failures) {
        if (forced != null && order.isEmpty()) {
            return new UnreadableInputException(shown + ": no reader for format " + forced.label());
        }
        return new UnreadableInputException(shown + ": not a netlink dump nlwb can read. Tried:\n  "
                + String.join("\n  ", failures));
    }

    /** The readers to try: the forced one, or those whose sniff accepts the head and then the rest. */
    private List<Reader> order(byte[] head, DumpFormat forced) {
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
