package org.nlwb.capture.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.model.Diagnostic;

/**
 * Runs a command under strace and turns its netlink traffic into records while it runs:
 *
 * <pre>
 *  [ip netns exec NS] strace -f -ttt -yy -e trace=%network -e read=all -e write=all -o FIFO -- COMMAND...
 * </pre>
 *
 * strace writes its log into a FIFO that a thread of nlwb reads line by line into the
 * {@link StraceLines} parser, so both directions appear as the command runs. The command's own
 * output goes to {@link Options#output}. {@link #stop} kills the whole process tree (the
 * command and its children first, then strace, which would otherwise let them run on detached).
 */
public final class TraceSource implements LiveSource {

    /**
     * @param command   the command and its arguments
     * @param netns     namespace to run it in (via {@code ip netns exec}), or null
     * @param rawLog    a file to keep strace's log in as well, or null
     * @param output    receives the command's (and strace's own) output lines; null discards them
     */
    public record Options(List<String> command, String netns, Path rawLog, Consumer<String> output) {
        public Options {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("no command to trace");
            }
        }

        public static Options of(List<String> command, String netns) {
            return new Options(command, netns, null, null);
        }
    }

    private final Options options;
    private final StraceLines.Factory parsers;
    private Process process;
    private Path dir;
    private Path fifo;
    private Thread reader;
    private volatile boolean stopping;
    private volatile boolean fifoOpened;

    public TraceSource(Options options, StraceLines.Factory parsers) {
        this.options = Objects.requireNonNull(options);
        this.parsers = Objects.requireNonNull(parsers);
    }

    @Override
    public String describe() {
        return "trace " + String.join(" ", options.command())
                + (options.netns() != null ? " in netns " + options.netns() : "");
    }

    /** The strace command line nlwb runs (with FIFO standing for the log path). */
    public static List<String> straceCommand(Options o, String logPath) {
        List<String> cmd = new ArrayList<>();
        if (o.netns() != null) {
            cmd.addAll(List.of("ip", "netns", "exec", o.netns()));
        }
        cmd.addAll(List.of("strace", "-f", "-ttt", "-yy", "-e", "trace=%network", "-e", "read=all", "-e", "write=all",
                "-o", logPath, "--"));
        cmd.addAll(o.command());
        return cmd;
    }

    @Override
    public synchronized void start(LiveCapture sink) throws IOException {
        if (process != null) {
            throw new IllegalStateException("already started: " + describe());
        }
        if (options.netns() != null && !NetNamespace.exists(options.netns())) {
            throw new IOException("trace in netns " + options.netns() + ": no such network namespace ("
                    + NetNamespace.path(options.netns()) + ")");
        }
        dir = Files.createTempDirectory("nlwb-trace");
        fifo = dir.resolve("strace.fifo");
        try {
            Sys.check(Sys.libc().mkfifo(fifo.toString(), 0600), "make the FIFO " + fifo + " for strace's log", null);
        } catch (SysException e) {
            deleteTemp();
            throw e;
        }
        List<String> cmd = straceCommand(options, fifo.toString());
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            deleteTemp();
            throw new IOException("cannot run " + cmd.get(0) + " (is " + cmd.get(0) + " installed?): " + e.getMessage(), e);
        }
        Thread pump = new Thread(() -> pump(process.getInputStream()), "nlwb-trace-output");
        pump.setDaemon(true);
        pump.start();
        reader = new Thread(() -> read(sink), "nlwb-trace");
        reader.setDaemon(true);
        reader.start();
        Thread watcher = new Thread(this::unblockWhenStraceDies, "nlwb-trace-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The command's output, line by line, to {@link Options#output}. */
    private void pump(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (options.output() != null) {
                    options.output().accept(line);
                }
            }
        } catch (IOException e) {
            // the process is gone; nothing more to show
        }
    }

    private void read(LiveCapture sink) {
        String name = "strace " + options.command().get(0);
        StraceLines parser = parsers.create(name, sink);
        Writer raw = null;
        Throwable failure = null;
        try {
            if (options.rawLog() != null) {
                raw = Files.newBufferedWriter(options.rawLog(), StandardCharsets.ISO_8859_1); // byte for byte
            }
            try (BufferedReader r = Files.newBufferedReader(fifo, StandardCharsets.ISO_8859_1)) {
                fifoOpened = true;
                String line;
                while ((line = r.readLine()) != null) {
                    if (raw != null) {
                        raw.write(line);
                        raw.write('\n');
                        raw.flush();
                    }
                    parser.line(line);
                }
            }
            parser.end();
        } catch (IOException | RuntimeException e) {
            failure = e;
            sink.diagnostic(Diagnostic.error(name, "reading strace's output failed: " + e));
        } finally {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException e) {
                    sink.diagnostic(Diagnostic.error(options.rawLog().toString(), "closing the strace log failed: " + e));
                }
            }
        }
        String reason;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            reason = stopping ? "stopped" : process.isAlive() ? "strace closed its log"
                    : "command exited with status " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        }
        deleteTemp();
        sink.end(reason, failure);
    }

    /**
     * When strace ends before opening its log (it could not run the command), the reader is
     * still blocked opening the FIFO; opening the write end (non-blocking) lets it see EOF.
     */
    private void unblockWhenStraceDies() {
        try {
            process.waitFor();
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!fifoOpened) {
            int fd = Sys.libc().open(fifo.toString(), Sys.O_WRONLY | Sys.O_NONBLOCK | Sys.O_CLOEXEC);
            if (fd >= 0) {
                Sys.libc().close(fd);
            }
        }
    }

    /** The exit status of strace (which is the command's), or -1 while it runs. */
    public synchronized int exitValue() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void stop() {
        stopping = true;
        Process p;
        Thread t;
        synchronized (this) {
            p = process;
            t = reader;
        }
        if (p == null) {
            return;
        }
        // the traced command and everything it started, then strace itself
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            if (t != null && t != Thread.currentThread()) {
                t.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void deleteTemp() {
        try {
            if (fifo != null) {
                Files.deleteIfExists(fifo);
            }
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }
}
