package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Record;

/**
 * Reads hex text; a blank line separates datagrams (one record each). Each block of lines is one
 * of:
 * <ul>
 *   <li>plain hex: pairs or longer even-length runs ({@code 28000000 14000506}), with optional
 *       {@code 0x} prefixes, commas, colons and C array braces ({@code {0x28, 0x00, ...};});</li>
 *   <li>an offset dump: {@code xxd} ({@code 00000000: 2800 0000 ...  (.......}),
 *       {@code hexdump -C} ({@code 00000000  28 00 ...  |(...|}), {@code od -Ax -tx1}
 *       ({@code 000000 28 00 ...}, octal offsets too), Wireshark's "copy as hex dump"
 *       ({@code 0000   28 00 ...   (...}), strace's {@code -e write=all} lines
 *       ({@code  | 00000  28 00 ...  (... |}). A block is an offset dump when its first line's
 *       first field is a zero offset ({@code 0000}, {@code 00000000:}, {@code | 00000}). The
 *       {@code *} line of hexdump/od (repeat the previous line) and the final offset-only line
 *       are honoured; an offset back to zero starts a new datagram.</li>
 * </ul>
 * Lines starting with {@code #} or {@code //} are comments; {@code # protocol: route} gives the
 * records after it their protocol (nlwb's extension; hex text otherwise does not say). A bad token is a diagnostic naming
 * line and column, and the rest of that line is skipped; if the first data line is not hex at all
 * the file is not this format.
 */
public final class HexReader implements Reader {
    private static final Pattern STRACE = Pattern.compile("^\\s*\\|\\s([0-9a-fA-F]{5,})  (.*)$");
    private static final Pattern HEXDUMP_C = Pattern.compile("^([0-9a-fA-F]{7,})  (.{1,48}?)\\s*(  \\|.*\\|)?\\s*$");
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[^\\s,:;]+");
    private static final Pattern OFFSET = Pattern.compile("^([0-9a-fA-F]{4,}):?(?:\\s+(.*))?$");
    /**
     * How many bytes the {@code *} lines of one file may stand for in all: 16 MiB. A {@code *} line
     * repeats the line before it up to the next offset, so a few bytes of text can claim gigabytes
     * (a 90-byte file whose final offset is {@code fffffff0}); no netlink datagram comes near this
     * (the kernel's largest are a few hundred KiB), so a repetition past it means a wrong offset.
     */
    static final long MAX_REPEATED_BYTES = 16L << 20;

    @Override
    public DumpFormat format() {
        return DumpFormat.HEX;
    }

    @Override
    public boolean sniff(byte[] head) {
        if (TextLines.isBinary(head)) {
            return false;
        }
        int checked = 0;
        for (String line : TextLines.head(head, 100)) {
            if (isComment(line) || line.isBlank()) {
                continue;
            }
            String t = line.strip();
            if (STRACE.matcher(line).matches() || OFFSET.matcher(t).matches()) {
                return true;
            }
            String plain = stripC(t);
            for (String tok : plain.split("[\\s,:]+")) {
                if (!tok.isEmpty() && parseToken(tok) == null) {
                    return false;
                }
            }
            if (++checked >= 3) {
                break;
            }
        }
        return checked > 0;
    }

    /** One datagram being collected. */
    private static final class Block {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int firstLine;
        final int protocol;
        /** Set at a bad token: the bytes after it have no trustworthy position, so none are taken. */
        boolean damaged;
        Block(int firstLine, int protocol) {
            this.firstLine = firstLine;
            this.protocol = protocol;
        }
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
        Parse parse = new Parse(file, lines, diagnostics);
        for (int i = 0; i < lines.size(); i++) {
            parse.line(i);
        }
        parse.endBlock();
        if (!parse.anyData) {
            throw new NotThisFormatException("line " + Math.max(1, lines.size()) + ": end of file without any hex bytes");
        }
        for (Block b : parse.done) {
            if (b.bytes.size() > 0) {
                sink.accept(Record.of(b.bytes.toByteArray(), Locations.line(file, b.firstLine)).withProtocol(b.protocol));
            }
        }
        return ReadMetadata.none();
    }

    /** The state of reading one file, line by line. */
    private static final class Parse {
        final String file;
        final List<String> lines;
        final Consumer<Diagnostic> diagnostics;
        final List<Block> done = new ArrayList<>();
        Block cur;
        boolean offsetMode;
        int radix = 16;
        /** The bytes of the last offset-dump line, which a {@code *} line repeats. */
        byte[] previousLine;
        boolean repeat;
        boolean anyData;
        /** Bytes the {@code *} lines filled in so far, bounded by {@link #MAX_REPEATED_BYTES}. */
        long repeated;
        int protocol = org.nlwb.decoder.model.Protocol.UNKNOWN;

        Parse(String file, List<String> lines, Consumer<Diagnostic> diagnostics) {
            this.file = file;
            this.lines = lines;
            this.diagnostics = diagnostics;
        }

        void endBlock() {
            if (cur != null) {
                done.add(cur);
                cur = null;
            }
        }

        void line(int i) throws NotThisFormatException {
            String line = lines.get(i);
            if (line.isBlank()) {
                endBlock();
                return;
            }
            if (isComment(line)) {
                Integer named = TextLines.protocolComment(line);
                if (named != null) {
                    protocol = named;
                }
                return;
            }
            if (cur == null) {
                cur = new Block(i + 1, protocol);
                offsetMode = startsAtZeroOffset(lines, i);
                // od without -A prints 7-digit octal offsets; every other tool 4, 5, 6 or 8 hex digits
                radix = line.startsWith("0000000 ") ? 8 : 16;
                previousLine = null;
                repeat = false;
            }
            if (offsetMode) {
                offsetLine(i + 1, line);
            } else if (!cur.damaged) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                take(i + 1, parsePlain(line, out), out);
            }
        }

        /** Adds the bytes of a parsed line to the datagram; {@code err} damages it (or, before any data, rejects the file). */
        private void take(int lineNo, String err, ByteArrayOutputStream out) throws NotThisFormatException {
            if (err != null && !anyData) {
                throw new NotThisFormatException("line " + lineNo + ": " + err);
            }
            cur.bytes.writeBytes(out.toByteArray());
            anyData |= out.size() > 0;
            if (err != null) {
                damage(cur, Locations.line(file, lineNo), err, diagnostics);
            }
        }

        private void offsetLine(int lineNo, String line) throws NotThisFormatException {
            String where = Locations.line(file, lineNo);
            String t = line.strip();
            if (t.equals("*")) {
                repeat = true;
                return;
            }
            String[] parts = splitOffsetLine(line);
            if (parts == null) {
                if (!anyData) {
                    throw new NotThisFormatException("line " + lineNo + ": expected an offset and hex bytes "
                            + "(xxd, hexdump -C, od, Wireshark), found \"" + TextLines.quote(t) + "\"");
                }
                diagnostics.accept(Diagnostic.error(where, "expected an offset and hex bytes, found \""
                        + TextLines.quote(t) + "\"; line skipped"));
                return;
            }
            long offset = parseOffset(parts[0], radix);
            if (offset == 0 && (cur.bytes.size() > 0 || cur.damaged)) {
                done.add(cur);
                cur = new Block(lineNo, protocol);
                previousLine = null;
                repeat = false;
            }
            if (repeat) {
                repeatUpTo(offset, parts[0], where);
                repeat = false;
            }
            if (cur.damaged) {
                return;
            }
            int have = cur.bytes.size();
            if (offset != have) {
                diagnostics.accept(Diagnostic.warning(where, "offset " + TextLines.quote(parts[0]) + " but " + have
                        + " bytes so far in this datagram; bytes are taken in line order"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String err = parseHexField(parts[1], Math.max(0, line.indexOf(parts[1])), out);
            previousLine = out.toByteArray();
            take(lineNo, err, out);
        }

        /**
         * What a {@code *} line stands for: the previous line again, as often as fits below
         * {@code offset}, within {@link #MAX_REPEATED_BYTES} for the whole file. Past that limit the
         * offset is taken to be wrong and the datagram keeps what it had.
         */
        private void repeatUpTo(long offset, String offsetText, String where) {
            int have = cur.bytes.size();
            if (previousLine == null || previousLine.length == 0 || offset <= have || cur.damaged) {
                return;
            }
            long fill = (offset - have) / previousLine.length * previousLine.length;
            if (fill > MAX_REPEATED_BYTES - repeated) {
                damage(cur, where, "the * line before this one would repeat the previous line up to offset "
                        + TextLines.quote(offsetText) + " (" + fill + " bytes), but the * lines of one file may fill "
                        + "at most " + MAX_REPEATED_BYTES + " bytes (16 MiB) in all, far more than any netlink "
                        + "datagram, so the offset is taken to be wrong", diagnostics);
                return;
            }
            repeated += fill;
            for (long n = fill / previousLine.length; n > 0; n--) {
                cur.bytes.writeBytes(previousLine);
            }
        }
    }

    private static void damage(Block b, String where, String err, Consumer<Diagnostic> diagnostics) {
        b.damaged = true;
        diagnostics.accept(Diagnostic.error(where, err + "; the datagram of line " + b.firstLine + " keeps the "
                + b.bytes.size() + " bytes before it"));
    }

    private static boolean isComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("#") || t.startsWith("//");
    }

    /**
     * Whether the block starting at {@code lines[i]} is an offset dump. Sure when the first field
     * is a zero offset with a colon (xxd), two spaces after it (hexdump -C, Wireshark) or strace's
     * bar; for od's "000000 14 00 ..." it could also be plain hex of a message that starts with
     * zero bytes, so the next line decides: an offset dump's next line is {@code *} or starts with
     * the offset of the bytes the first line holds.
     */
    private static boolean startsAtZeroOffset(List<String> lines, int i) {
        String line = lines.get(i);
        if (STRACE.matcher(line).matches()) {
            return true;
        }
        String t = line.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        String first = t.substring(0, sp);
        boolean colon = first.endsWith(":");
        if (colon) {
            first = first.substring(0, first.length() - 1);
        }
        if (first.length() < 4 || !first.chars().allMatch(c -> c == '0')) {
            return false;
        }
        if (colon || t.startsWith(first + "  ")) {
            return true;
        }
        if (i + 1 >= lines.size() || lines.get(i + 1).isBlank()) {
            return false;
        }
        String next = lines.get(i + 1).strip();
        if (next.equals("*")) {
            return true;
        }
        int bytes = 0;
        for (String tok : t.substring(sp).strip().split("\\s+")) {
            byte[] b = parseToken(tok);
            if (b == null) {
                return false;
            }
            bytes += b.length;
        }
        String nextFirst = next.split("\\s+", 2)[0];
        int radix = first.length() == 7 ? 8 : 16;
        return nextFirst.length() == first.length() && parseOffset(nextFirst, radix) == bytes;
    }

    /** {offset text, hex field} of an offset-dump line, or null. */
    private static String[] splitOffsetLine(String line) {
        Matcher s = STRACE.matcher(line);
        if (s.matches()) {
            String rest = s.group(2);
            return new String[] {s.group(1), rest.substring(0, Math.min(rest.length(), 49))};
        }
        String t = line.strip();
        if (t.endsWith("|")) {
            Matcher h = HEXDUMP_C.matcher(t);
            if (h.matches() && h.group(3) != null) {
                return new String[] {h.group(1), h.group(2)};
            }
        }
        Matcher o = OFFSET.matcher(t);
        if (!o.matches()) {
            return null;
        }
        String rest = o.group(2) == null ? "" : o.group(2);
        int dbl = rest.indexOf("  ");
        return new String[] {o.group(1), dbl < 0 ? rest : rest.substring(0, dbl)};
    }

    private static long parseOffset(String s, int radix) {
        try {
            return Long.parseLong(s, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Bytes of an offset dump's hex field: tokens of 2, 4, 8 ... hex digits separated by spaces. */
    private static String parseHexField(String field, int fieldStart, ByteArrayOutputStream out) {
        int col = fieldStart;
        for (String tok : field.split(" ")) {
            if (!tok.isEmpty()) {
                byte[] b = parseToken(tok);
                if (b == null) {
                    return "column " + (col + 1) + ": \"" + TextLines.quote(tok) + "\" is not hex bytes";
                }
                out.writeBytes(b);
            }
            col += tok.length() + 1;
        }
        return null;
    }

    private static String stripC(String t) {
        int brace = t.indexOf('{');
        if (brace >= 0) {
            t = t.substring(brace + 1);
        }
        int close = t.indexOf('}');
        if (close >= 0) {
            t = t.substring(0, close);
        }
        return t;
    }

    /** Bytes of a plain hex line; returns an error naming the column, or null. */
    static String parsePlain(String line, ByteArrayOutputStream out) {
        String body = stripC(line);
        int base = line.indexOf(body);
        Matcher m = PLAIN_TOKEN.matcher(body);
        while (m.find()) {
            byte[] b = parseToken(m.group());
            if (b == null) {
                return "column " + (base + m.start() + 1) + ": expected hex bytes, found \"" + TextLines.quote(m.group()) + "\"";
            }
            out.writeBytes(b);
        }
        return null;
    }

    /** {@code 28}, {@code 0x28}, {@code 2800}, {@code \x28}: the bytes in written order, or null. */
    static byte[] parseToken(String tok) {
        String s = tok;
        if (s.startsWith("0x") || s.startsWith("0X") || s.startsWith("\\x")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() % 2 != 0) {
            return null;
        }
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < s.length(); i += 2) {
            int hi = Character.digit(s.charAt(i), 16);
            int lo = Character.digit(s.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            b[i / 2] = (byte) (hi << 4 | lo);
        }
        return b;
    }
}
