package org.nlwb.decoder.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads strace's structured netlink decode (the text strace prints for a buffer, e.g.
 * {@code [{nlmsg_len=52, ...}, {ifi_family=AF_UNSPEC, ...}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500]]]})
 * into plain values: {@link List} for {@code [...]}, {@link Struct} for {@code {...}}, and
 * {@link String} for anything else (numbers, quoted strings, {@code inet_addr("...")}, flag
 * expressions, {@code ...}). Lenient: a line cut short yields what was read.
 */
public final class StraceStructure {
    /** A {@code {...}}: keyed fields in order, plus positional items (strace writes some without a key). */
    public record Struct(Map<String, Object> fields, List<Object> positional) {
        public Object get(String key) {
            return fields.get(key);
        }
    }

    private final String s;
    private int i;

    private StraceStructure(String s, int start) {
        this.s = s;
        this.i = start;
    }

    /** The value starting at {@code start} (which must be {@code [}, {@code {} or a scalar). */
    public static Object parseAt(String line, int start) {
        return new StraceStructure(line, start).value();
    }

    /**
     * Every message strace prints in {@code line}, in text order (an NLMSG_ERROR's echoed request
     * is a message too): the list {@code [hdr, body...]}, or a one-element list holding the header
     * when strace printed a bare header ({@code msg={nlmsg_len=...}} of a capped error).
     */
    public static List<List<Object>> messages(String line) {
        List<List<Object>> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = line.indexOf("{nlmsg_len=", from);
            if (at < 0) {
                return out;
            }
            Object v;
            if (at > 0 && line.charAt(at - 1) == '[') {
                v = parseAt(line, at - 1);
            } else {
                v = List.of(parseAt(line, at));
            }
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Struct) {
                @SuppressWarnings("unchecked")
                List<Object> msg = (List<Object>) l;
                out.add(msg);
            }
            from = at + 1;
        }
    }

    private boolean more() {
        return i < s.length();
    }

    private void spaces() {
        while (more() && s.charAt(i) == ' ') {
            i++;
        }
    }

    private Object value() {
        spaces();
        if (!more()) {
            return "";
        }
        char c = s.charAt(i);
        if (c == '[') {
            return list();
        }
        if (c == '{') {
            return struct();
        }
        return scalar();
    }

    private List<Object> list() {
        i++;
        List<Object> out = new ArrayList<>();
        spaces();
        if (more() && s.charAt(i) == ']') {
            i++;
            return out;
        }
        while (more()) {
            out.add(value());
            spaces();
            if (!more()) {
                break;
            }
            char c = s.charAt(i);
            i++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                break;
            }
        }
        return out;
    }

    private Struct struct() {
        i++;
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Object> positional = new ArrayList<>();
        spaces();
        if (more() && s.charAt(i) == '}') {
            i++;
            return new Struct(fields, positional);
        }
        while (more()) {
            spaces();
            int save = i;
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                j++;
            }
            if (j > i && j < s.length() && s.charAt(j) == '=' && (j + 1 >= s.length() || s.charAt(j + 1) != '=')) {
                String key = s.substring(i, j);
                i = j + 1;
                fields.put(key, value());
            } else {
                i = save;
                positional.add(value());
            }
            spaces();
            if (!more()) {
                break;
            }
            char c = s.charAt(i);
            i++;
            if (c == '}' || c != ',') {
                break;
            }
        }
        return new Struct(fields, positional);
    }

    /** Up to a top-level {@code ,} {@code ]} or {@code }}, keeping strings and parentheses whole. */
    private String scalar() {
        int start = i;
        int paren = 0;
        while (more()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (more() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (c == '(') {
                paren++;
            } else if (c == ')') {
                if (paren == 0) {
                    break;
                }
                paren--;
            } else if (paren == 0 && (c == ',' || c == ']' || c == '}')) {
                break;
            } else if (paren == 0 && c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i);
                i = end < 0 ? s.length() : end + 2;
                continue;
            }
            i++;
        }
        return s.substring(start, Math.min(i, s.length())).trim();
    }

    /** The bytes of a C string literal as strace prints it ({@code "a\x01\n"}), without quotes. */
    public static byte[] unescape(String quoted) {
        String q = quoted;
        int end = q.lastIndexOf('"');
        q = q.substring(1, Math.max(1, end));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int k = 0; k < q.length(); k++) {
            char c = q.charAt(k);
            if (c != '\\' || k + 1 >= q.length()) {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char n = q.charAt(++k);
            switch (n) {
                case 'x' -> {
                    out.write(Integer.parseInt(q.substring(k + 1, k + 3), 16));
                    k += 2;
                }
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(0x0b);
                case 'f' -> out.write('\f');
                default -> {
                    if (n >= '0' && n <= '7') {
                        int e = k;
                        while (e < q.length() && e < k + 3 && q.charAt(e) >= '0' && q.charAt(e) <= '7') {
                            e++;
                        }
                        out.write(Integer.parseInt(q.substring(k, e), 8));
                        k = e - 1;
                    } else {
                        out.write(n);
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
