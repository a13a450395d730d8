package org.nlwb.decoder.read;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * Turns strace output, fed one line at a time, into netlink records. Made for files and for a
 * live {@code strace} alike: a record is handed to the sink as soon as its syscall's bytes are
 * complete (the hex dump reached the byte count, or the next line shows the dump is over);
 * {@link #finish()} hands over what is still pending at the end of the stream.
 *
 * <p>What it understands (strace 4.x to 6.x):
 * <ul>
 *   <li>line prefixes: {@code -f} pid ({@code 123 } in a {@code -o} file, {@code [pid 123] } on
 *       the terminal) and time ({@code -t} {@code 12:34:56}, {@code -tt} {@code 12:34:56.123456},
 *       {@code -ttt} {@code 1700000000.123456}; times without a date are since midnight);</li>
 *   <li>the byte-exact {@code -e read=all -e write=all} dump lines
 *       ({@code  | 00000  20 00 ...  ascii |}), with {@code * 52 bytes in buffer 0} heading each
 *       iovec of sendmsg/recvmsg (the iovecs of one call are one datagram);</li>
 *   <li>without a dump, the quoted buffers older strace printed ({@code sendto(3, "\x14\x00...", 20, ...)},
 *       {@code msg_iov=[{iov_base="\x..", iov_len=N}]}, {@code msg_iov(1)=[{"\x..", N}]}), in
 *       {@code -x}, {@code -xx} or C-escape form; a string strace cut short ({@code "..."...}) is
 *       kept with a warning;</li>
 *   <li>{@code <unfinished ...>} / {@code <... recvmsg resumed>} pairs, joined per pid;</li>
 *   <li>which fds are netlink, and of what protocol: {@code socket(AF_NETLINK, ..., NETLINK_ROUTE) = 3}
 *       per pid and fd, or the {@code -yy} note {@code 3<NETLINK:[ROUTE:21526]>} (inside another
 *       network namespace strace prints only {@code 3<NETLINK:[54809]>}, so the socket() line
 *       is needed for the protocol). An fd strace shows as TCP, UNIX and so on, or that a
 *       socket() call made non-netlink, never yields a record; an fd of unknown kind does only
 *       when the call itself names {@code AF_NETLINK} or {@code nlmsg_} fields.</li>
 * </ul>
 * send*, write* go to the kernel, recv*, read* come from it; sendmmsg/recvmmsg are skipped with a
 * warning. {@code MSG_PEEK} probes and failed
 * calls give no record. A record is located {@code "file:line"} at the line its dump follows (the
 * {@code resumed} line of a call strace split) and timed by that line, except that a send split by
 * {@code <unfinished ...>} keeps the time it started (its bytes left then; a recv's arrived when it
 * resumed).
 *
 * <p>Not thread-safe: one thread feeds the lines (a live capture reads strace's output on one).
 */
public final class StraceParser {
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:\\[pid\\s+(\\d+)\\]\\s+|(\\d+)\\s+)?(?:(\\d+\\.\\d+|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s+)?"
            + "(?:\\[\\s*[0-9a-fx?]+\\]\\s+)*(.*)$"); // -i instruction pointer, -n syscall number
    private static final Pattern CALL = Pattern.compile("^([a-z_][a-z0-9_]*)\\((.*)$");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. ([a-z_][a-z0-9_]*) resumed>\\s?(.*)$");
    private static final Pattern DUMP = Pattern.compile("^\\s*\\|\\s([0-9a-fA-F]{5,})  (.*)$");
    private static final Pattern BUFFER = Pattern.compile("^\\s*\\*\\s+(\\d+) bytes in buffer (\\d+)\\s*$");
    private static final Pattern FD = Pattern.compile("^\\s*(-?\\d+)(?:<([^>]*)>)?");
    private static final Pattern NETLINK_NOTE = Pattern.compile("^NETLINK:\\[(?:([A-Za-z_0-9]+):)?(\\d+)\\]$");
    private static final Set<String> SENDS = Set.of("sendto", "sendmsg", "send", "write", "writev", "pwrite64", "pwritev");
    private static final Set<String> RECVS = Set.of("recvfrom", "recvmsg", "recv", "read", "readv", "pread64", "preadv");
    private static final Set<String> IOVEC = Set.of("sendmsg", "recvmsg", "writev", "readv", "pwritev", "preadv");
    private static final int MAX_NO_BYTES_WARNINGS = 5;

    private final String file;
    private final Consumer<Record> sink;
    private final Consumer<Diagnostic> diagnostics;

    /** Netlink protocol by "pid/fd", then by fd alone; Protocol.UNKNOWN = netlink of unknown protocol. */
    private final Map<String, Integer> netlinkByPidFd = new HashMap<>();
    private final Map<Integer, Integer> netlinkByFd = new HashMap<>();
    /** fds a socket() call made something other than netlink, by "pid/fd". */
    private final Map<String, Boolean> otherByPidFd = new HashMap<>();
    /** Calls cut by {@code <unfinished ...>}, by pid. */
    private final Map<Integer, Started> unfinished = new HashMap<>();
    /** Records held back so that they come out in the order their bytes moved (see {@link #release}). */
    private final java.util.List<Ordered> held = new java.util.ArrayList<>();

    private Pending pending;
    private int lineNo;
    private int records;
    private int noBytes;
    private boolean sawStrace;

    /** The start of a syscall line: who, when, where. */
    private record Started(int pid, long timeNanos, int line, String name, String args, int orderLine) {
        Started(int pid, long timeNanos, int line, String name, String args) {
            this(pid, timeNanos, line, name, args, line);
        }
    }

    /** A finished record waiting for an earlier-started, still unfinished send. */
    private record Ordered(int orderLine, Record record) {
    }

    /** A completed data syscall waiting for (the rest of) its dump. */
    private static final class Pending {
        final Started call;
        final Direction direction;
        final int protocol;
        final int fd;
        final long expected;
        final ByteArrayOutputStream dump = new ByteArrayOutputStream();
        long bufferExpected = -1;
        long bufferStart;
        byte[] fallback;
        String fallbackProblem;
        boolean sawDump;
        /** Set at a bad dump line: bytes after it are not collected (their position is unknown). */
        boolean damaged;

        Pending(Started call, Direction direction, int protocol, int fd, long expected) {
            this.call = call;
            this.direction = direction;
            this.protocol = protocol;
            this.fd = fd;
            this.expected = expected;
        }
    }

    /**
     * @param sourceName  the file or stream name used in record locations and diagnostics
     * @param sink        receives each record once its bytes are complete, in source order
     * @param diagnostics receives problems (bad dump lines, truncated strings) that do not stop parsing
     */
    public StraceParser(String sourceName, Consumer<Record> sink, Consumer<Diagnostic> diagnostics) {
        this.file = Locations.shortName(Objects.requireNonNull(sourceName, "sourceName"));
        this.sink = Objects.requireNonNull(sink, "sink");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** How many lines were fed. */
    public int lines() {
        return lineNo;
    }

    /** How many records were handed to the sink. */
    public int records() {
        return records;
    }

    /** Whether any line so far was a strace syscall, signal or exit line. */
    public boolean sawStraceLine() {
        return sawStrace;
    }

    /** strace's own messages ({@code strace: Process 12 attached}) when its stderr was kept with the log. */
    static boolean isStraceMessage(String line) {
        return line.startsWith("strace: ");
    }

    /** Whether {@code line} is shaped like a strace line (for format detection). */
    public static boolean looksLikeStrace(String line) {
        Matcher m = PREFIX.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group(4);
        return CALL.matcher(rest).matches() && (rest.contains(") = ") || rest.endsWith("<unfinished ...>"))
                || RESUMED.matcher(rest).matches() || rest.startsWith("+++ ") || rest.startsWith("--- SIG");
    }

    /** Feeds the next line (without its line terminator). */
    public void accept(String line) {
        lineNo++;
        Matcher dump = DUMP.matcher(line);
        if (dump.matches()) {
            dumpLine(dump);
            return;
        }
        Matcher buffer = BUFFER.matcher(line);
        if (buffer.matches()) {
            bufferLine(buffer);
            return;
        }
        completePending();
        if (line.isBlank()) {
            return;
        }
        Matcher m = PREFIX.matcher(line);
        if (!m.matches()) {
            return;
        }
        String pidText = m.group(1) != null ? m.group(1) : m.group(2);
        Integer pid = pidText == null ? Integer.valueOf(-1) : StraceFields.intNumber(pidText);
        if (pid == null) {
            tooLarge("pid", pidText, "at most 2147483647", "line skipped");
            return;
        }
        long time = StraceFields.parseTime(m.group(3));
        if (time == StraceFields.BAD_TIME) {
            tooLarge("time", m.group(3), "no time before the year 2262", "taken as unknown");
            time = -1;
        }
        String rest = m.group(4);
        Matcher resumed = RESUMED.matcher(rest);
        if (resumed.matches()) {
            sawStrace = true;
            Started start = unfinished.remove(pid);
            if (start == null || !start.name.equals(resumed.group(1))) {
                diagnostics.accept(Diagnostic.warning(Locations.line(file, lineNo), resumed.group(1)
                        + " resumed without its <unfinished ...> start for pid " + pid + "; skipped"));
                return;
            }
            // the dump follows this line; a recv's bytes arrived now, not when it started waiting
            boolean recv = RECVS.contains(start.name);
            complete(new Started(pid, recv && time >= 0 ? time : start.timeNanos, lineNo, start.name, start.args,
                    recv ? lineNo : start.line), start.args + resumed.group(2));
            if (pending == null) {
                release(false); // the resumed call gave no record; what waited for it may go
            }
            return;
        }
        if (rest.startsWith("+++ ") || rest.startsWith("--- ")) {
            sawStrace = true;
            return;
        }
        Matcher call = CALL.matcher(rest);
        if (!call.matches()) {
            return;
        }
        sawStrace = true;
        Started start = new Started(pid, time, lineNo, call.group(1), call.group(2));
        if (rest.endsWith("<unfinished ...>")) {
            String args = call.group(2);
            args = args.substring(0, args.length() - "<unfinished ...>".length()).stripTrailing();
            unfinished.put(pid, new Started(pid, time, lineNo, call.group(1), args));
            return;
        }
        complete(start, call.group(2));
    }

    /** Hands over the syscall still waiting for dump lines; call at the end of the stream. */
    public void finish() {
        completePending();
        release(true);
        for (Started s : unfinished.values()) {
            diagnostics.accept(Diagnostic.warning(Locations.line(file, s.line), s.name
                    + " never resumed (the trace ends inside it); skipped"));
        }
        unfinished.clear();
        if (noBytes > MAX_NO_BYTES_WARNINGS) {
            diagnostics.accept(Diagnostic.warning(file, noBytes + " netlink syscalls in all had no bytes to read ("
                    + (noBytes - MAX_NO_BYTES_WARNINGS) + " not listed); trace with -e read=all -e write=all"));
        }
    }

    // ---- a syscall with all its arguments and its result --------------------------------------

    private void complete(Started call, String argsAndResult) {
        int close = StraceFields.closingParen(argsAndResult);
        if (close < 0) {
            return;
        }
        String args = argsAndResult.substring(0, close);
        String result = argsAndResult.substring(close + 1).strip();
        if (!result.startsWith("=")) {
            return;
        }
        Matcher r = FD.matcher(result.substring(1));
        if (!r.find()) {
            return; // "= ?" and the like
        }
        Long ret = StraceFields.number(r.group(1), 10);
        if (ret == null) {
            tooLarge(call.name + " return value", r.group(1), "a number of 64 bits", "call skipped");
            return;
        }
        if (call.name.equals("socket")) {
            socketCall(call, args, ret, r.group(2));
            return;
        }
        boolean send = SENDS.contains(call.name);
        if (call.name.equals("sendmmsg") || call.name.equals("recvmmsg")) {
            Matcher fdm = FD.matcher(args);
            Integer fd = fdm.find() ? fd(call, fdm.group(1)) : null;
            if (fd != null && ret > 0 && netlinkProtocol(call.pid, fd, fdm.group(2), args).isPresent()) {
                diagnostics.accept(Diagnostic.warning(Locations.line(file, call.line), call.name
                        + " on a netlink socket is not read (its dump does not say where one message's buffers end); skipped"));
            }
            return;
        }
        if (!send && !RECVS.contains(call.name)) {
            return;
        }
        Matcher fdm = FD.matcher(args);
        if (!fdm.find()) {
            return;
        }
        Integer fd = fd(call, fdm.group(1));
        if (fd == null) {
            return;
        }
        Optional<Integer> protocol = netlinkProtocol(call.pid, fd, fdm.group(2), args);
        if (protocol.isEmpty() || ret <= 0 || (!send && args.contains("MSG_PEEK"))) {
            return;
        }
        Pending p = new Pending(call, send ? Direction.TO_KERNEL : Direction.FROM_KERNEL, protocol.get(), fd, ret);
        rawStrings(p, args);
        pending = p;
    }

    private void socketCall(Started call, String args, long ret, String note) {
        if (ret < 0) {
            return;
        }
        if (ret > Integer.MAX_VALUE) {
            tooLarge("socket() result", Long.toString(ret), "an fd of at most 2147483647", "call skipped");
            return;
        }
        int fd = (int) ret;
        String key = call.pid + "/" + fd;
        String[] parts = args.split(",\\s*");
        if (parts.length >= 3 && parts[0].strip().equals("AF_NETLINK")) {
            String proto = parts[2].strip();
            int comment = proto.indexOf("/*");
            Optional<Integer> p = Protocol.parse(comment > 0 ? proto.substring(0, comment) : proto);
            if (p.isEmpty() && comment > 0) {
                p = Protocol.parse(proto.substring(comment + 2).replace("*/", ""));
            }
            int protocol = p.orElse(Protocol.UNKNOWN);
            netlinkByPidFd.put(key, protocol);
            netlinkByFd.put(fd, protocol);
            otherByPidFd.remove(key);
        } else {
            netlinkByPidFd.remove(key);
            netlinkByFd.remove(fd);
            otherByPidFd.put(key, true);
        }
    }

    /** The netlink protocol of the fd a call uses, UNKNOWN for netlink of unknown protocol, empty when not netlink. */
    private Optional<Integer> netlinkProtocol(int pid, int fd, String note, String args) {
        String key = pid + "/" + fd;
        Integer known = netlinkByPidFd.get(key);
        if (note != null && note.startsWith("socket:[")) {
            note = null; // plain -y says only "a socket", not which kind
        }
        if (note != null) {
            Matcher n = NETLINK_NOTE.matcher(note);
            if (!n.matches()) {
                return Optional.empty(); // strace says what it is, and it is not netlink
            }
            if (n.group(1) != null) {
                Optional<Integer> p = Protocol.parse(n.group(1));
                if (p.isPresent()) {
                    return p;
                }
            }
            if (known != null) {
                return Optional.of(known);
            }
            Integer byFd = netlinkByFd.get(fd);
            return Optional.of(byFd != null ? byFd : Protocol.UNKNOWN);
        }
        if (known != null) {
            return Optional.of(known);
        }
        if (otherByPidFd.containsKey(key)) {
            return Optional.empty();
        }
        Integer byFd = netlinkByFd.get(fd);
        if (byFd != null) {
            return Optional.of(byFd); // a thread or child sharing the parent's socket
        }
        if (args.contains("AF_NETLINK") || args.contains("nlmsg_len")) {
            return Optional.of(Protocol.UNKNOWN);
        }
        return Optional.empty();
    }

    /** The fd argument of {@code call}, or null (with a warning) when it is no int. */
    private Integer fd(Started call, String digits) {
        Integer fd = StraceFields.intNumber(digits);
        if (fd == null) {
            tooLarge(call.name + " fd", digits, "at most 2147483647", "call skipped");
        }
        return fd;
    }

    /** A number in the current line that cannot be what strace printed: say where, and what is done instead. */
    private void tooLarge(String what, String digits, String limit, String outcome) {
        diagnostics.accept(Diagnostic.warning(Locations.line(file, lineNo), what + " " + TextLines.quote(digits)
                + " is too large for what strace prints there (" + limit + "); " + outcome));
    }

    // ---- dump lines ---------------------------------------------------------------------------

    private void bufferLine(Matcher m) {
        if (pending == null) {
            return;
        }
        pending.sawDump = true;
        Long expected = StraceFields.number(m.group(1), 10);
        if (expected == null) {
            tooLarge("buffer size", m.group(1), "a number of 64 bits", "the buffer's bytes are taken as they come");
        }
        pending.bufferExpected = expected == null ? -1 : expected;
        pending.bufferStart = pending.dump.size();
    }

    private void dumpLine(Matcher m) {
        if (pending == null) {
            return; // the dump of a call that is not netlink (or was skipped)
        }
        pending.sawDump = true;
        if (pending.damaged) {
            return;
        }
        Long offset = StraceFields.number(m.group(1), 16);
        long inBuffer = pending.dump.size() - pending.bufferStart;
        if (offset == null || offset != inBuffer) {
            diagnostics.accept(Diagnostic.warning(Locations.line(file, lineNo), "dump offset 0x" + m.group(1) + " but " + inBuffer
                    + " bytes so far in this buffer; bytes are taken in line order"));
        }
        String line = m.group(0);
        int from = m.start(2);
        int to = Math.min(line.length(), from + 49);
        int col = from + 1;
        String field = line.substring(from, to);
        for (int i = 0; i < field.length(); ) {
            char c = field.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (i + 1 < field.length() && TextLines.isHexDigit(c) && TextLines.isHexDigit(field.charAt(i + 1))) {
                pending.dump.write(TextLines.hexValue(c) << 4 | TextLines.hexValue(field.charAt(i + 1)));
                i += 2;
            } else {
                pending.damaged = true;
                diagnostics.accept(Diagnostic.error(Locations.line(file, lineNo), "column " + (col + i) + ": bad hex byte \""
                        + TextLines.quote(field.substring(i, Math.min(field.length(), i + 2))) + "\" in the dump of the "
                        + pending.call.name + " at line " + pending.call.line + "; its record keeps the "
                        + pending.dump.size() + " bytes before it"));
                return;
            }
        }
        if (pending.dump.size() >= pending.expected && (pending.bufferExpected < 0
                || pending.dump.size() - pending.bufferStart >= pending.bufferExpected)) {
            completePending();
        }
    }

    private void completePending() {
        Pending p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        String where = Locations.line(file, p.call.line);
        byte[] bytes;
        if (p.sawDump) {
            bytes = p.dump.toByteArray();
            if (bytes.length < p.expected && !p.damaged) {
                diagnostics.accept(Diagnostic.warning(where, p.call.name + " returned " + p.expected
                        + " but the dump holds " + bytes.length + " bytes; the dumped bytes are kept"));
            }
        } else if (p.fallback != null) {
            bytes = p.fallback;
            if (p.fallbackProblem != null) {
                diagnostics.accept(Diagnostic.warning(where, p.fallbackProblem));
            }
        } else {
            if (++noBytes <= MAX_NO_BYTES_WARNINGS) {
                diagnostics.accept(Diagnostic.warning(where, p.call.name + " on netlink fd " + p.fd
                        + " has neither a hex dump nor a raw string (strace decoded it); trace with "
                        + "-e read=all -e write=all to get its bytes"));
            }
            return;
        }
        if (bytes.length == 0) {
            return;
        }
        Record record = new Record(p.call.timeNanos, p.direction, p.protocol, p.call.pid, p.fd, p.call.name, where,
                ByteView.of(bytes));
        int at = held.size();
        while (at > 0 && held.get(at - 1).orderLine > p.call.orderLine) {
            at--;
        }
        held.add(at, new Ordered(p.call.orderLine, record));
        release(false);
    }

    /**
     * Hands over the held records that nothing can precede any more. A send's bytes move when it
     * starts, a recv's when it returns; so a send strace split with {@code <unfinished ...>} goes
     * before a recv that returned while it was unfinished (the kernel answered or notified because
     * of that send), although its dump comes later. Records wait only while such a send is open.
     */
    private void release(boolean all) {
        int limit = Integer.MAX_VALUE;
        if (!all) {
            for (Started s : unfinished.values()) {
                if (SENDS.contains(s.name)) {
                    limit = Math.min(limit, s.line);
                }
            }
        }
        while (!held.isEmpty() && held.get(0).orderLine < limit) {
            records++;
            sink.accept(held.remove(0).record);
        }
    }

    // ---- quoted buffers of strace without -e read/write -----------------------------------------

    private void rawStrings(Pending p, String args) {
        if (args.contains("nlmsg_len=")) {
            return; // strace decoded the messages; its strings are only parts of them
        }
        String region = args;
        if (IOVEC.contains(p.call.name)) {
            int iov = args.indexOf("msg_iov");
            if (iov < 0 && (p.call.name.endsWith("v"))) {
                iov = args.indexOf('[');
            }
            if (iov < 0) {
                return;
            }
            region = args.substring(iov);
            int end = region.indexOf("msg_iovlen");
            if (end < 0) {
                end = region.indexOf("msg_control");
            }
            if (end > 0) {
                region = region.substring(0, end);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean truncated = false;
        int i = 0;
        boolean any = false;
        while ((i = region.indexOf('"', i)) >= 0) {
            int end = StraceFields.unescape(region, i + 1, out);
            if (end < 0) {
                p.fallbackProblem = p.call.name + ": unterminated string in the arguments";
                break;
            }
            any = true;
            if (region.startsWith("...", end + 1)) {
                truncated = true;
            }
            i = end + 1;
            if (!IOVEC.contains(p.call.name)) {
                break;
            }
        }
        if (!any) {
            return;
        }
        byte[] b = out.toByteArray();
        if (b.length > p.expected) {
            b = java.util.Arrays.copyOf(b, (int) p.expected);
        }
        p.fallback = b;
        if (truncated || b.length < p.expected) {
            p.fallbackProblem = p.call.name + " moved " + p.expected + " bytes but strace printed only " + b.length
                    + (truncated ? " (string cut by strace -s)" : "") + "; trace with -e read=all -e write=all for all of them";
        }
    }

}
