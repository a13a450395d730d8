package org.nlwb.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlwb.capture.live.StraceFeed;
import org.nlwb.capture.live.TraceSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb trace -- COMMAND...}: runs COMMAND under strace and prints its netlink messages,
 * both directions, while it runs. The command's own output goes to stderr, so stdout carries only
 * decoded messages. Exits with the command's status (1 when tracing could not start).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Run a command under strace and print its netlink messages as they are sent and received.",
            "Example: nlwb trace --netns blue -- ip addr show"})
public final class TraceCommand implements Callable<Integer> {

    @Option(names = "--netns", paramLabel = "NAME", description = "Run the command in network namespace NAME (ip netns exec).")
    String netns;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write every datagram to FILE (pcap; pcapng for .pcapng, which keeps pid and syscall).")
    Path write;

    @Option(names = "--strace-log", paramLabel = "FILE", description = "Keep strace's own log in FILE too.")
    Path straceLog;

    @Option(names = "--json", description = "Print JSON lines: one message (decode's schema) or diagnostic per line.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print each message's tree, not just its summary line.")
    boolean verbose;

    @Option(names = "--count", paramLabel = "N", description = "Stop (and kill the command) after N messages.")
    long count;

    @Option(names = "--duration", paramLabel = "S", description = "Stop (and kill the command) after S seconds.")
    double duration;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command to trace and its arguments (after --).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        TraceSource src = new TraceSource(new TraceSource.Options(command, netns, straceLog, System.err::println),
                StraceFeed.factory());
        int code = new LiveRun("trace", json, verbose, count, duration, write, specDirs).run(src, netns);
        if (code != 0) {
            return code;
        }
        int status = src.exitValue();
        return status < 0 ? 0 : status;
    }
}
