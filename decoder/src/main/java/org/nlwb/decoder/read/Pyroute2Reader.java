package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Reads pyroute2 hex dumps ({@code .dump}, {@code .data}), the format of pyroute2's
 * {@code common.load_dump()}:
 * <ul>
 *   <li>bytes as strace-style {@code \xHH} escapes, or as hex pairs each followed by one
 *       separator ({@code 4c:00:00:00}, {@code d8:01:00:00 1c:00:02:00}, {@code 00 01});
 *       whitespace between them is ignored;</li>
 *   <li>{@code #} starts a comment to the end of the line;</li>
 *   <li>{@code #:LABEL} makes the rest of the file the metadata block {@code LABEL} (pyroute2
 *       keeps the expected decode there, e.g. {@code application/json});</li>
 *   <li>{@code #!} makes the rest of the file a code block, kept under the key {@code "!"};</li>
 *   <li>a line holding only {@code .} ends the data;</li>
 *   <li>nlwb's extension: a comment {@code # protocol: route} (any name or number
 *       {@link org.nlwb.decoder.model.Protocol#parse} knows) gives the record its protocol, which
 *       pyroute2 dumps otherwise leave to the reader to know.</li>
 * </ul>
 * All bytes of a file are one record, as pyroute2 concatenates them and splits messages by
 * {@code nlmsg_len}; the historical one-message-per-line {@code scripts/*.data} files frame the
 * same way (their messages are 4-byte aligned), and hand-annotated ones spread a message over
 * many lines, so lines cannot be records. Framing also turns the headerless uevent dumps into one
 * raw frame.
 *
 * <p>Strictness: a hex pair must be followed by a non-hex separator or the end of the line, so
 * plain hex ({@code 28000000 14000506}) is not mistaken for this format. A bad character on the
 * first data line means the file is not this format; later, it is a diagnostic naming line and
 * column, and the rest of that line is skipped.
 */
public final class Pyroute2Reader implements Reader {
    public static final String CODE_BLOCK = "!";

    @Override
    public DumpFormat format() {
        return DumpFormat.PYROUTE2;
    }

    /** pyroute2 hallmarks: {@code \x} escapes, colon-separated pairs, {@code #:} blocks. */
    @Override
    public boolean sniff(byte[] head) {
        if (TextLines.isBinary(head)) {
            return false;
        }
        for (String line : TextLines.head(head, 200)) {
            String t = line.strip();
            if (t.startsWith("#:") || t.startsWith("#!")) {
                return true;
            }
            if (t.startsWith("#") || t.isEmpty()) {
                continue;
            }
            return t.startsWith("\\x") || t.matches("(?i)[0-9a-f]{2}:[0-9a-f]{2}([: ][0-9a-f]{2})*.*");
        }
        return false;
    }

    @Override
    public ReadMetadata read(String name, byte[] input, Consumer<Record> sink, Consumer<Diagnostic> diagnostics)
            throws NotThisFormatException {
        String file = Locations.shortName(name);
        List<String> lines = TextLines.of(input);
        String json = TextLines.jsonReason(lines);
        if (json != null) {
            throw new NotThisFormatException(json);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<String, String> meta = new LinkedHashMap<>();
        int firstDataLine = -1;
        int protocol = org.nlwb.decoder.model.Protocol.UNKNOWN;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            String t = line.strip();
            Integer named = TextLines.protocolComment(line);
            if (named != null) {
                protocol = named;
                continue;
            }
            if (t.startsWith("#:") || t.startsWith("#!")) {
                String label = t.startsWith("#!") ? CODE_BLOCK : t.substring(2).strip();
                meta.put(label, String.join("\n", lines.subList(i + 1, lines.size())));
                break;
            }
            if (t.equals(".")) {
                break;
            }
            int before = data.size();
            String error = parseLine(line, data);
            if (error != null) {
                if (firstDataLine < 0) {
                    throw new NotThisFormatException("line " + lineNo + ": " + error);
                }
                diagnostics.accept(Diagnostic.error(Locations.line(file, lineNo), error
                        + "; the rest of the line is skipped, so the messages after it may be misframed"));
            }
            if (firstDataLine < 0 && data.size() > before) {
                firstDataLine = lineNo;
            }
        }
        if (firstDataLine < 0) {
            throw new NotThisFormatException("line " + Math.max(1, lines.size())
                    + ": end of file without any hex bytes (expected \\xHH escapes or HH:HH pairs)");
        }
        sink.accept(Record.of(data.toByteArray(), Locations.line(file, firstDataLine)).withProtocol(protocol));
        return new ReadMetadata(meta);
    }

    /** Appends the bytes of one line; returns an error message (with column) or null. */
    static String parseLine(String line, ByteArrayOutputStream out) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                return null;
            } else if (c == '\\') {
                if (i + 3 < n && (line.charAt(i + 1) == 'x' || line.charAt(i + 1) == 'X')
                        && TextLines.isHexDigit(line.charAt(i + 2)) && TextLines.isHexDigit(line.charAt(i + 3))) {
                    out.write(TextLines.hexValue(line.charAt(i + 2)) << 4 | TextLines.hexValue(line.charAt(i + 3)));
                    i += 4;
                } else {
                    return "column " + (i + 1) + ": expected \\x and two hex digits, found \""
                            + TextLines.quote(line.substring(i, Math.min(n, i + 4))) + "\"";
                }
            } else if (TextLines.isHexDigit(c)) {
                if (i + 1 >= n || !TextLines.isHexDigit(line.charAt(i + 1))) {
                    return "column " + (i + 1) + ": expected a hex pair, found a lone digit " + TextLines.show(c)
                            + (i + 1 < n ? " followed by " + TextLines.show(line.charAt(i + 1)) : " at the end of the line");
                }
                out.write(TextLines.hexValue(c) << 4 | TextLines.hexValue(line.charAt(i + 1)));
                if (i + 2 < n && TextLines.isHexDigit(line.charAt(i + 2))) {
                    return "column " + (i + 3) + ": expected a separator after the hex pair "
                            + line.substring(i, i + 2) + " (pyroute2 writes aa:bb or \\xaa), found "
                            + TextLines.show(line.charAt(i + 2));
                }
                boolean ownSeparator = i + 2 < n && line.charAt(i + 2) != '#' && line.charAt(i + 2) != '\\';
                i += ownSeparator ? 3 : 2; // the pair and its one separator
            } else {
                return "column " + (i + 1) + ": expected \\xHH or a hex pair, found " + TextLines.show(c);
            }
        }
        return null;
    }
}
