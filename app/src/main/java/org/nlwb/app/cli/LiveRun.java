package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.nlwb.capture.groups.KernelGenlFamilies;
import org.nlwb.capture.live.LiveCapture;
import org.nlwb.capture.live.LiveFileWriter;
import org.nlwb.capture.live.LiveSource;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.spec.RegistryFactory;

/**
 * Runs a live source for a command: printer and file writer attached before the source starts,
 * then waits for the count, the duration, the source's end or Ctrl-C (a shutdown hook stops the
 * source, so a traced command is killed with nlwb). Errors opening the source (privilege, unknown
 * group or namespace) are printed as one line, without a stack trace.
 */
final class LiveRun {
    private final String name;
    private final boolean json;
    private final boolean verbose;
    private final long count;
    private final double duration;
    private final Path write;
    private final List<Path> specDirs;
    private boolean quiet;

    LiveRun(String name, boolean json, boolean verbose, long count, double duration, Path write, List<Path> specDirs) {
        this.name = name;
        this.json = json;
        this.verbose = verbose;
        this.count = count;
        this.duration = duration;
        this.write = write;
        this.specDirs = specDirs;
    }

    /**
     * Prints no message, only the opening line, diagnostics and the summary: the capture goes to the
     * file with no decode on the way, which is how a monitor keeps up with a flood.
     */
    LiveRun quiet(boolean on) {
        this.quiet = on;
        return this;
    }

    /** Returns the exit code: 0, 1 on failure, 141 when standard output closed (the source is stopped then). */
    int run(LiveSource source) throws InterruptedException {
        return run(source, null);
    }

    /**
     * @param netns the namespace the source captures in (for asking the kernel about generic
     *              netlink families the capture does not name), or null
     */
    int run(LiveSource source, String netns) throws InterruptedException {
        PrintStream out = LivePrinter.utf8(System.out);
        PrintStream err = LivePrinter.utf8(System.err);
        // quiet: nothing decodes or shows the messages, so none is kept in memory
        LiveCapture live = quiet ? LiveCapture.passThrough(source.describe()) : new LiveCapture(source.describe());
        ConversationPolicy kernel = ConversationPolicy.captureOnly().withKernel(new KernelGenlFamilies(netns));
        DecodedCapture decoded = new DecodedCapture(live.capture(), RegistryFactory.standard(specDirs), kernel, null, 0);
        LivePrinter printer = new LivePrinter(decoded, out, err, json, verbose, quiet ? -1 : count);
        LiveFileWriter writer = null;
        try {
            // The writer listens first: a message is on disk before it is printed, so whatever a
            // user (or a test) saw before killing nlwb can be read back from the file.
            if (write != null) {
                writer = LiveFileWriter.attach(write, live);
            }
            live.addListener(quiet ? printer.diagnosticsOnly() : printer);
            source.start(live);
        } catch (IOException e) {
            err.println("nlwb " + name + ": " + e.getMessage());
            err.flush();
            if (writer != null) {
                writer.close();
            }
            return 1;
        }
        err.println("nlwb " + name + ": " + source.describe() + (write != null ? ", writing " + write : "")
                + " (Ctrl-C to stop)");
        err.flush();
        CountDownLatch summarised = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            source.stop();
            awaitQuietly(summarised); // Ctrl-C: the summary below is printed before the JVM halts
        }, "nlwb-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            waitForEnd(live, printer);
            return finish(source, live, printer, writer, out, err, hook);
        } finally {
            summarised.countDown();
        }
    }

    private void waitForEnd(LiveCapture live, LivePrinter printer) throws InterruptedException {
        long deadline = duration > 0 ? System.nanoTime() + (long) (duration * 1e9) : Long.MAX_VALUE;
        while (!live.ended() && printer.enough().getCount() > 0 && System.nanoTime() < deadline
                && !(quiet && count > 0 && live.stats().messages() >= count)) {
            long ms = Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (quiet && count > 0) {
                live.awaitMessages(count, java.time.Duration.ofMillis(ms));
            } else {
                printer.enough().await(ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int finish(LiveSource source, LiveCapture live, LivePrinter printer, LiveFileWriter writer, PrintStream out,
                       PrintStream err, Thread hook) throws InterruptedException {
        source.stop();
        live.awaitEnd(java.time.Duration.ofSeconds(5));
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already
        }
        if (writer != null) {
            writer.close();
        }
        out.flush();
        if (printer.outputClosed()) {
            // like decode and any Unix filter: the reader went away (| head), so stop quietly
            return Streams.EXIT_BROKEN_PIPE;
        }
        LiveCapture.Stats s = live.stats();
        if (!json) {
            err.println("nlwb " + name + ": " + Plain.count(s.messages(), "message") + " in "
                    + Plain.count(s.records(), "datagram") + " (" + Plain.count(s.bytes(), "byte") + ")"
                    + (s.overruns() > 0 ? ", " + Plain.count(s.overruns(), "overrun") + " (messages lost)" : "")
                    + (s.overruns() > 0 || s.lost() > 0 ? ", lost: " + s.lost() + " (seq gap)" : "")
                    + "; " + live.endReason());
        }
        err.flush();
        if (live.failure() != null) {
            err.println("nlwb " + name + ": " + live.failure().getMessage());
            err.flush();
            return 1;
        }
        return 0;
    }
}
