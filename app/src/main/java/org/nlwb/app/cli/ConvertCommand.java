package org.nlwb.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.write.AtomicFile;
import org.nlwb.decoder.write.RecordWriter;
import org.nlwb.decoder.write.TimeResolution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb convert IN OUT}: rewrites any dump nlwb reads as a pcap, pcapng or pyroute2 dump,
 * chosen by OUT's extension (how the project's sample pcaps are made from their strace logs).
 * The input's diagnostics and a one-line summary go to stderr. Exits 1 when IN cannot be read,
 * 2 on bad arguments.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a netlink dump to pcap, pcapng or pyroute2 (.data), chosen by OUT's extension.",
            "Records keep their bytes, time, direction and protocol; pcapng also keeps pid, fd and syscall."})
public final class ConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The dump to read (any format decode reads).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write: .pcap, .pcapng, anything else pyroute2.")
    Path out;

    @Option(names = "--format", paramLabel = "auto|pyroute2|strace|pcap|hex", defaultValue = "auto",
            description = "Input format (default: detected from the content).")
    String format;

    @Option(names = "--ns", description = "Write nanosecond timestamps (default: microseconds, like tcpdump).")
    boolean nanoseconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DumpFormat forced = null;
        if (!format.equalsIgnoreCase("auto")) {
            try {
                forced = DumpFormat.ofLabel(format);
            } catch (IllegalArgumentException e) {
                err.println("nlwb convert: unknown --format " + format + " (auto, pyroute2, strace, pcap, hex)");
                return 2;
            }
        }
        Capture capture;
        try {
            capture = Loader.standard().load(in, forced, Protocol.UNKNOWN);
        } catch (UnreadableInputException | IOException e) {
            err.println("nlwb convert: " + (e instanceof IOException io ? in + ": " + Plain.reason(io) : e.getMessage()));
            return 1;
        }
        for (Diagnostic d : capture.diagnostics()) {
            err.println(d);
        }
        try {
            write(capture);
        } catch (IOException e) {
            err.println("nlwb convert: " + out + ": " + Plain.reason(e));
            return 1;
        }
        err.println(in + " (" + capture.format() + ") -> " + out + ": " + Plain.count(capture.recordCount(), "record") + ", "
                + Plain.count(capture.messageCount(), "message"));
        err.flush();
        return 0;
    }

    private void write(Capture capture) throws IOException {
        TimeResolution res = nanoseconds ? TimeResolution.NANOSECONDS : TimeResolution.MICROSECONDS;
        // the writers flush every record (right for a live capture); a file written in one go need not
        AtomicFile.write(out, file -> {
            try (OutputStream os = new BufferedOutputStream(file);
                 RecordWriter w = RecordWriter.forFile(out, Streams.unflushed(os), res, in.getFileName().toString())) {
                for (Record r : capture.records()) {
                    w.write(r);
                }
            }
        });
    }
}
