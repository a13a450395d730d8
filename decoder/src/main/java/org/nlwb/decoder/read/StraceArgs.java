package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The argument text of a syscall line: where the argument list ends, the fd it starts with, and
 * the quoted buffers older strace (or strace without {@code -e read/write}) printed in place of a
 * hex dump, in {@code -x}, {@code -xx} or C-escape form.
 */
final class StraceArgs {
    /** An fd or a result: groups 1 the number, 2 the {@code -y}/{@code -yy} note ({@code NETLINK:[ROUTE:12]}). */
    static final Pattern FD = Pattern.compile("^\\s*(-?\\d+)(?:<([^>]*)>)?");

    private StraceArgs() {
    }

    /**
     * The bytes of a call's quoted buffers, and what is wrong with them (null when nothing).
     *
     * @param problem a warning for the record: strace cut the string, or printed fewer bytes than moved
     */
    record Quoted(byte[] bytes, String problem) {
    }

    /**
     * The bytes the quoted strings of {@code args} hold, at most {@code expected} of them: every
     * string of a msg_iov/iovec list, else the first string; null when there is none, or when strace
     * decoded the messages itself ({@code nlmsg_len=}), where strings are only parts of them.
     */
    static Quoted quoted(StraceCall call, String args, long expected) {
        if (args.contains("nlmsg_len=")) {
            return null;
        }
        String region = call.movesIovecs() ? iovecRegion(call, args) : args;
        if (region == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String problem = null;
        boolean truncated = false;
        boolean any = false;
        int i = 0;
        while ((i = region.indexOf('"', i)) >= 0) {
            int end = unescape(region, i + 1, out);
            if (end < 0) {
                problem = call.name() + ": unterminated string in the arguments";
                break;
            }
            any = true;
            truncated |= region.startsWith("...", end + 1);
            i = end + 1;
            if (!call.movesIovecs()) {
                break;
            }
        }
        if (!any) {
            return null;
        }
        byte[] b = out.toByteArray();
        if (b.length > expected) {
            b = Arrays.copyOf(b, (int) expected);
        }
        if (truncated || b.length < expected) {
            problem = call.name() + " moved " + expected + " bytes but strace printed only " + b.length
                    + (truncated ? " (string cut by strace -s)" : "") + "; trace with -e read=all -e write=all for all of them";
        }
        return new Quoted(b, problem);
    }

    /** The buffer list of an iovec call ({@code msg_iov=[...]} or writev's {@code [...]}); null when none. */
    private static String iovecRegion(StraceCall call, String args) {
        int iov = args.indexOf("msg_iov");
        if (iov < 0 && call.name().endsWith("v")) {
            iov = args.indexOf('[');
        }
        if (iov < 0) {
            return null;
        }
        String region = args.substring(iov);
        int end = region.indexOf("msg_iovlen");
        if (end < 0) {
            end = region.indexOf("msg_control");
        }
        return end > 0 ? region.substring(0, end) : region;
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
            } else if (i + 1 >= s.length()) {
                return -1;
            } else {
                i = escape(s, i, out);
            }
        }
        return -1;
    }

    /** Decodes the escape at {@code s[i] == '\\'}; returns the index after it. */
    private static int escape(String s, int i, ByteArrayOutputStream out) {
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
                return j;
            }
            case 'n' -> out.write('\n');
            case 't' -> out.write('\t');
            case 'r' -> out.write('\r');
            case 'v' -> out.write(0x0b);
            case 'f' -> out.write('\f');
            case 'a' -> out.write(0x07);
            case 'b' -> out.write('\b');
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = 0;
                    int j = i + 1;
                    while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.write(v);
                    return j;
                }
                out.write(e & 0xff);
            }
        }
        return i + 2;
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
}
