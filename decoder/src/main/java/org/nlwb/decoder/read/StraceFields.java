package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;

/**
 * The pieces of a strace line that need more than a pattern: C strings, the argument list's end,
 * times and numbers. Numbers are read within their type: a pid or fd that does not fit in an int,
 * a return value or time that does not fit in a long, is reported (null or {@link #BAD_TIME}),
 * never thrown, so that {@link StraceParser} can say which line holds it and go on.
 */
final class StraceFields {
    /** What {@link #parseTime} gives for digits that are no time strace prints. */
    static final long BAD_TIME = Long.MIN_VALUE;

    private StraceFields() {
    }

    /** Decodes a C string body starting at {@code from}; returns the index of the closing quote or -1. */
    static int unescape(String s, int from, ByteArrayOutputStream out) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                out.write(c & 0xff);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                return -1;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'x' -> {
                    int v = 0;
                    int j = i + 2;
                    while (j < s.length() && j < i + 4 && TextLines.isHexDigit(s.charAt(j))) {
                        v = v << 4 | TextLines.hexValue(s.charAt(j));
                        j++;
                    }
                    out.write(v);
                    i = j;
                }
                case 'n' -> { out.write('\n'); i += 2; }
                case 't' -> { out.write('\t'); i += 2; }
                case 'r' -> { out.write('\r'); i += 2; }
                case 'v' -> { out.write(0x0b); i += 2; }
                case 'f' -> { out.write('\f'); i += 2; }
                case 'a' -> { out.write(0x07); i += 2; }
                case 'b' -> { out.write('\b'); i += 2; }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int j = i + 1;
                        while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.write(v);
                        i = j;
                    } else {
                        out.write(e & 0xff);
                        i += 2;
                    }
                }
            }
        }
        return -1;
    }

    /** Index of the ')' closing the argument list (which starts at 0), skipping strings and nesting; -1 if none. */
    static int closingParen(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '(', '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case ')' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                default -> { }
            }
        }
        return -1;
    }

    /**
     * Nanoseconds: since the epoch for {@code -ttt}, since midnight for {@code -t}/{@code -tt}; -1 when
     * absent; {@link #BAD_TIME} when the digits give a time past the year 2262 (a long of
     * nanoseconds ends there), which no strace prints.
     */
    static long parseTime(String t) {
        if (t == null) {
            return -1;
        }
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        try {
            long secs;
            if (whole.indexOf(':') > 0) {
                String[] hms = whole.split(":");
                secs = Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
            } else {
                secs = Long.parseLong(whole);
            }
            long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
            return Math.addExact(Math.multiplyExact(secs, 1_000_000_000L), nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            return BAD_TIME;
        }
    }

    /**
     * The value of decimal (or, with radix 16, hex) digits with an optional minus sign, or null when
     * it does not fit in a long. The patterns that find numbers in a line take any count of digits,
     * so a damaged log can hold a number no syscall ever printed.
     */
    static Long number(String digits, int radix) {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** As {@link #number}, for a value that must fit in an int (a pid, an fd); null otherwise. */
    static Integer intNumber(String digits) {
        Long v = number(digits, 10);
        return v == null || v != v.intValue() ? null : v.intValue();
    }
}
