package org.nlwb.decoder.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.Printable;

/**
 * Splitting text dump files into lines and telling text from binary.
 *
 * <p>What a text dump may be saved as (editors on other systems do all of these): UTF-8 with or
 * without a byte-order mark, UTF-16 little- or big-endian with its byte-order mark, and lines
 * ended by LF, CRLF or a lone CR (old Mac editors, some terminals' "save output"). Each reads
 * the same as the plain UTF-8/LF file: the mark is dropped, UTF-16 is turned into UTF-8 bytes
 * first, and every CR, LF or CRLF ends one line (so line numbers match what an editor shows).
 */
final class TextLines {
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private TextLines() {
    }

    /**
     * The text of {@code input} with one char per byte (ISO-8859-1, so nothing is lost and the
     * parsers' columns are byte columns): a UTF-8 mark dropped, UTF-16 with a mark turned into
     * UTF-8 first. A UTF-16 file cut inside a character keeps the whole characters before it.
     */
    static String text(byte[] input) {
        return new String(bytes(input), StandardCharsets.ISO_8859_1);
    }

    /** {@code input} as UTF-8 (or the single-byte text it is) without a byte-order mark. */
    static byte[] bytes(byte[] input) {
        if (startsWith(input, UTF8_BOM)) {
            return java.util.Arrays.copyOfRange(input, 3, input.length);
        }
        boolean le = input.length >= 2 && (input[0] & 0xff) == 0xff && (input[1] & 0xff) == 0xfe;
        boolean be = input.length >= 2 && (input[0] & 0xff) == 0xfe && (input[1] & 0xff) == 0xff;
        if (!le && !be) {
            return input;
        }
        int even = (input.length - 2) & ~1;
        String s = new String(input, 2, even, le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] input, byte[] prefix) {
        if (input.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (input[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lines of {@code input} (see {@link #text}), without terminators: LF, CRLF and CR each end a line. */
    static List<String> of(byte[] input) {
        String s = text(input);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** The first line of {@code head}, for sniffing. */
    static List<String> head(byte[] head, int maxLines) {
        List<String> all = of(head);
        return all.subList(0, Math.min(maxLines, all.size()));
    }

    /** True when {@code head} has a NUL or other control bytes a text dump never holds. */
    static boolean isBinary(byte[] rawHead) {
        byte[] head = bytes(rawHead);
        int n = Math.min(head.length, 4096);
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xff;
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reason to reject JSON outright, or null: pyroute2's {@code links.dump} and {@code nl0.json}
     * are already-decoded messages, not bytes.
     */
    static String jsonReason(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("[") || t.startsWith("{")) {
                boolean more = t.length() > 1 && (t.charAt(1) == '"' || t.charAt(1) == '{' || t.charAt(1) == '[');
                String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                if (t.equals("[") || t.equals("{") || more || next.startsWith("{") || next.startsWith("\"")) {
                    return "line " + (i + 1) + ": this is JSON, i.e. already-decoded messages (like pyroute2's "
                            + "links.dump), not netlink bytes; nlwb reads raw dumps only";
                }
            }
            return null;
        }
        return null;
    }

    private static final java.util.regex.Pattern PROTOCOL_COMMENT = java.util.regex.Pattern.compile(
            "^\\s*(?:#|//)\\s*protocol:\\s*(\\S+)\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The protocol a {@code # protocol: route} comment line names (nlwb's extension to text dumps,
     * which otherwise do not say), or null when {@code line} is not such a comment.
     */
    static Integer protocolComment(String line) {
        java.util.regex.Matcher m = PROTOCOL_COMMENT.matcher(line);
        return m.matches() ? org.nlwb.decoder.model.Protocol.parse(m.group(1)).orElse(null) : null;
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(char c) {
        return Character.digit(c, 16);
    }

    /**
     * Text of the file for a message: at most 40 chars ({@code ...} marks a cut) with control
     * characters escaped ({@link Printable#escape}), so a file cannot drive the terminal that shows
     * the message.
     */
    static String quote(String s) {
        return Printable.escape(s.length() <= 40 ? s : s.substring(0, 37) + "...");
    }

    /** A short, printable rendering of a char for messages. */
    static String show(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("0x%02x", (int) c);
    }
}
