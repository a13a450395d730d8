package org.nlwb.decoder.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splitting text dump files into lines and telling text from binary. */
final class TextLines {
    private TextLines() {
    }

    /** The lines of {@code input} (ISO-8859-1: one char per byte, so nothing is lost), without terminators. */
    static List<String> of(byte[] input) {
        String s = new String(input, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                int end = i > start && s.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(s.substring(start, end));
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
    static boolean isBinary(byte[] head) {
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

    /** A short, printable rendering of a char for messages. */
    static String show(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("0x%02x", (int) c);
    }
}
