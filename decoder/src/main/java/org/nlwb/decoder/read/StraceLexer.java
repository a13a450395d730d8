package org.nlwb.decoder.read;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of strace's lines: a hex-dump line, a buffer heading, or a syscall, signal or exit
 * line with its {@code -f} pid and time prefix. Only splits text; what the parts mean is the
 * parser's business.
 */
final class StraceLexer {
    /** Groups: 1 {@code [pid N]}, 2 bare pid of a {@code -o} file, 3 time, 4 the rest. */
    static final Pattern PREFIX = Pattern.compile(
            "^(?:\\[pid\\s+(\\d+)\\]\\s+|(\\d+)\\s+)?(?:(\\d+\\.\\d+|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s+)?"
            + "(?:\\[\\s*[0-9a-fx?]+\\]\\s+)*(.*)$"); // -i instruction pointer, -n syscall number
    /** Groups: 1 syscall name, 2 arguments and result. */
    static final Pattern CALL = Pattern.compile("^([a-z_][a-z0-9_]*)\\((.*)$");
    /** Groups: 1 syscall name, 2 the rest of its arguments and result. */
    static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. ([a-z_][a-z0-9_]*) resumed>\\s?(.*)$");
    /** Groups: 1 offset (hex), 2 the hex bytes and the ASCII column. */
    static final Pattern DUMP = Pattern.compile("^\\s*\\|\\s([0-9a-fA-F]{5,})  (.*)$");
    /** Groups: 1 byte count, 2 buffer number. */
    static final Pattern BUFFER = Pattern.compile("^\\s*\\*\\s+(\\d+) bytes in buffer (\\d+)\\s*$");

    static final String UNFINISHED = "<unfinished ...>";

    private StraceLexer() {
    }

    /** strace's own messages ({@code strace: Process 12 attached}) when its stderr was kept with the log. */
    static boolean isStraceMessage(String line) {
        return line.startsWith("strace: ");
    }

    /** Whether {@code line} is shaped like a strace line (for format detection). */
    static boolean looksLikeStrace(String line) {
        Matcher m = PREFIX.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group(4);
        return CALL.matcher(rest).matches() && (rest.contains(") = ") || rest.endsWith(UNFINISHED))
                || RESUMED.matcher(rest).matches() || isExitOrSignal(rest);
    }

    /** {@code +++ exited with 0 +++}, {@code --- SIGCHLD ...}: strace lines that move no bytes. */
    static boolean isExitOrSignal(String rest) {
        return rest.startsWith("+++ ") || rest.startsWith("--- ");
    }

    /**
     * Nanoseconds: since the epoch for {@code -ttt}, since midnight for {@code -t}/{@code -tt};
     * -1 when {@code t} is null (no time field); empty when the time does not fit a long.
     */
    static OptionalLong time(String t) {
        if (t == null) {
            return OptionalLong.of(-1);
        }
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        long secs;
        if (whole.indexOf(':') > 0) {
            String[] hms = whole.split(":");
            secs = Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]); // 2 digits each
        } else {
            OptionalLong s = StraceNumbers.decimal(whole);
            if (s.isEmpty() || s.getAsLong() > Long.MAX_VALUE / 1_000_000_000L - 1) {
                return OptionalLong.empty();
            }
            secs = s.getAsLong();
        }
        long nanos = frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9));
        return OptionalLong.of(secs * 1_000_000_000L + nanos);
    }
}
