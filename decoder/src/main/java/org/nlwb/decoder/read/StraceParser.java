package org.nlwb.decoder.read;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
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
 * <p>A number too long for its field (a pid, time, fd, return value, {@code * N bytes} or dump
 * offset) is a diagnostic at its line, never an exception: for a pid the line, for an fd or return
 * value the call is skipped; a line with such a time is read untimed; for a byte count or offset
 * the bytes are taken in line order.
 *
 * <p>The jobs are split: {@link StraceLexer} (line shapes), {@link StraceArgs} (argument text and
 * quoted buffers), {@link StraceDump} (a call's hex dump), {@link StraceCallOrder} (unfinished /
 * resumed joining and record order), {@link NetlinkFds} (which fd is netlink); this class drives
 * them line by line.
 *
 * <p>Not thread-safe: one thread feeds the lines (a live capture reads strace's output on one).
 */
public final class StraceParser {
    private static final int MAX_NO_BYTES_WARNINGS = 5;

    private final String file;
    private final Consumer<Record> sink;
    private final Consumer<Diagnostic> diagnostics;
    private final NetlinkFds fds = new NetlinkFds();
    private final StraceCallOrder order = new StraceCallOrder();

    /** The data syscall still waiting for (the rest of) its dump. */
    private StraceDump pending;
    private int lineNo;
    private int records;
    private int noBytes;
    private boolean sawStrace;

    /** An fd argument and its {@code -y}/{@code -yy} note (null when none). */
    private record Fd(int number, String note) {
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
        return StraceLexer.isStraceMessage(line);
    }

    /** Whether {@code line} is shaped like a strace line (for format detection). */
    public static boolean looksLikeStrace(String line) {
        return StraceLexer.looksLikeStrace(line);
    }

    /** Feeds the next line (without its line terminator). */
    public void accept(String line) {
        lineNo++;
        Matcher dump = StraceLexer.DUMP.matcher(line);
        if (dump.matches()) {
            dumpLine(dump);
            return;
        }
        Matcher buffer = StraceLexer.BUFFER.matcher(line);
        if (buffer.matches()) {
            bufferLine(buffer);
            return;
        }
        completePending();
        if (line.isBlank()) {
            return;
        }
        Matcher m = StraceLexer.PREFIX.matcher(line);
        if (!m.matches()) {
            return;
        }
        String pidText = m.group(1) != null ? m.group(1) : m.group(2);
        OptionalInt pid = pidText == null ? OptionalInt.of(-1) : StraceNumbers.decimalInt(pidText);
        if (pid.isEmpty()) {
            diagnostics.accept(Diagnostic.error(here(), "pid " + StraceNumbers.shown(pidText)
                    + " is too long a number; the line is skipped"));
            return;
        }
        OptionalLong time = StraceLexer.time(m.group(3));
        if (time.isEmpty()) {
            diagnostics.accept(Diagnostic.warning(here(), "time " + StraceNumbers.shown(m.group(3))
                    + " is out of range; the line is read without a time"));
        }
        syscallLine(pid.getAsInt(), time.orElse(-1), m.group(4));
    }

    /** Hands over the syscall still waiting for dump lines; call at the end of the stream. */
    public void finish() {
        completePending();
        release(true);
        for (StraceCall s : order.drainUnfinished()) {
            diagnostics.accept(Diagnostic.warning(Locations.line(file, s.line()), s.name()
                    + " never resumed (the trace ends inside it); skipped"));
        }
        if (noBytes > MAX_NO_BYTES_WARNINGS) {
            diagnostics.accept(Diagnostic.warning(file, noBytes + " netlink syscalls in all had no bytes to read ("
                    + (noBytes - MAX_NO_BYTES_WARNINGS) + " not listed); trace with -e read=all -e write=all"));
        }
    }

    private String here() {
        return Locations.line(file, lineNo);
    }

    // ---- a syscall, signal or exit line --------------------------------------------------------

    private void syscallLine(int pid, long time, String rest) {
        Matcher resumed = StraceLexer.RESUMED.matcher(rest);
        if (resumed.matches()) {
            sawStrace = true;
            StraceCall whole = order.resume(pid, resumed.group(1), time, lineNo, resumed.group(2));
            if (whole == null) {
                diagnostics.accept(Diagnostic.warning(here(), resumed.group(1)
                        + " resumed without its <unfinished ...> start for pid " + pid + "; skipped"));
                return;
            }
            // the dump follows this line; a recv's bytes arrived now, not when it started waiting
            complete(whole, whole.args());
            if (pending == null) {
                release(false); // the resumed call gave no record; what waited for it may go
            }
            return;
        }
        if (StraceLexer.isExitOrSignal(rest)) {
            sawStrace = true;
            return;
        }
        Matcher call = StraceLexer.CALL.matcher(rest);
        if (!call.matches()) {
            return;
        }
        sawStrace = true;
        String args = call.group(2);
        if (rest.endsWith(StraceLexer.UNFINISHED)) {
            args = args.substring(0, args.length() - StraceLexer.UNFINISHED.length()).stripTrailing();
            order.cut(new StraceCall(pid, time, lineNo, call.group(1), args));
            return;
        }
        complete(new StraceCall(pid, time, lineNo, call.group(1), args), args);
    }

    /** A syscall with all its arguments and its result: what it tells about fds, or the bytes it moved. */
    private void complete(StraceCall call, String argsAndResult) {
        int close = StraceArgs.closingParen(argsAndResult);
        if (close < 0) {
            return;
        }
        String args = argsAndResult.substring(0, close);
        String result = argsAndResult.substring(close + 1).strip();
        if (!result.startsWith("=")) {
            return;
        }
        Matcher r = StraceArgs.FD.matcher(result.substring(1));
        if (!r.find()) {
            return; // "= ?" and the like
        }
        OptionalLong ret = StraceNumbers.decimal(r.group(1));
        if (ret.isEmpty()) {
            diagnostics.accept(Diagnostic.error(here(), call.name() + " returned " + StraceNumbers.shown(r.group(1))
                    + ", too long a number; the call is skipped"));
            return;
        }
        if (call.name().equals("socket")) {
            socketCall(call, args, ret.getAsLong());
        } else if (call.isMultiMessage()) {
            multiMessageCall(call, args, ret.getAsLong());
        } else if (call.isSend() || call.isRecv()) {
            dataCall(call, args, ret.getAsLong());
        }
    }

    private void socketCall(StraceCall call, String args, long ret) {
        if (ret < 0) {
            return;
        }
        if (ret > Integer.MAX_VALUE) {
            diagnostics.accept(Diagnostic.error(here(), "socket returned fd " + ret
                    + ", too long a number for an fd; the call is skipped"));
            return;
        }
        fds.socketCreated(call.pid(), (int) ret, args);
    }

    private void multiMessageCall(StraceCall call, String args, long ret) {
        if (ret <= 0) {
            return;
        }
        Fd fd = fd(call, args);
        if (fd != null && fds.protocol(call.pid(), fd.number, fd.note, args).isPresent()) {
            diagnostics.accept(Diagnostic.warning(Locations.line(file, call.line()), call.name()
                    + " on a netlink socket is not read (its dump does not say where one message's buffers end); skipped"));
        }
    }

    private void dataCall(StraceCall call, String args, long ret) {
        Fd fd = fd(call, args);
        if (fd == null) {
            return;
        }
        boolean send = call.isSend();
        Optional<Integer> protocol = fds.protocol(call.pid(), fd.number, fd.note, args);
        if (protocol.isEmpty() || ret <= 0 || (!send && args.contains("MSG_PEEK"))) {
            return;
        }
        pending = new StraceDump(call, send ? Direction.TO_KERNEL : Direction.FROM_KERNEL, protocol.get(), fd.number,
                ret, StraceArgs.quoted(call, args, ret));
    }

    /** The fd a call's arguments start with; null when there is none, or (with a diagnostic) when it is too long. */
    private Fd fd(StraceCall call, String args) {
        Matcher m = StraceArgs.FD.matcher(args);
        if (!m.find()) {
            return null;
        }
        OptionalInt fd = StraceNumbers.decimalInt(m.group(1));
        if (fd.isEmpty()) {
            diagnostics.accept(Diagnostic.error(here(), "fd " + StraceNumbers.shown(m.group(1)) + " of this "
                    + call.name() + " is too long a number; the call is skipped"));
            return null;
        }
        return new Fd(fd.getAsInt(), m.group(2));
    }

    // ---- dump lines ---------------------------------------------------------------------------

    private void bufferLine(Matcher m) {
        if (pending == null) {
            return;
        }
        OptionalLong size = StraceNumbers.decimal(m.group(1));
        if (size.isEmpty()) {
            diagnostics.accept(Diagnostic.warning(here(), "buffer of " + StraceNumbers.shown(m.group(1))
                    + " bytes: too long a number; the buffer's bytes are taken as the dump lines come"));
        }
        pending.bufferHeading(size);
    }

    private void dumpLine(Matcher m) {
        if (pending == null) {
            return; // the dump of a call that is not netlink (or was skipped)
        }
        if (pending.add(m, here(), diagnostics)) {
            completePending();
        }
    }

    private void completePending() {
        StraceDump p = pending;
        if (p == null) {
            return;
        }
        pending = null;
        String where = Locations.line(file, p.call.line());
        byte[] bytes = p.bytes(where, diagnostics);
        if (bytes == null) {
            if (++noBytes <= MAX_NO_BYTES_WARNINGS) {
                diagnostics.accept(Diagnostic.warning(where, p.call.name() + " on netlink fd " + p.fd
                        + " has neither a hex dump nor a raw string (strace decoded it); trace with "
                        + "-e read=all -e write=all to get its bytes"));
            }
            return;
        }
        if (bytes.length == 0) {
            return;
        }
        order.hold(p.call, new Record(p.call.timeNanos(), p.direction, p.protocol, p.call.pid(), p.fd, p.call.name(),
                where, ByteView.of(bytes)));
        release(false);
    }

    /** Hands over the held records nothing can precede any more (see {@link StraceCallOrder}). */
    private void release(boolean all) {
        order.release(all, r -> {
            records++;
            sink.accept(r);
        });
    }
}
