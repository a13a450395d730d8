package org.nlwb.decoder.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Diagnostic;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;

/**
 * Converts any dump nlwb reads into a pcap, pcapng or pyroute2 dump, chosen by the output's
 * extension ({@code .pcap}, {@code .pcapng}, anything else: pyroute2). Used to make the
 * project's sample pcaps from its strace logs; the CLI may offer the same later.
 *
 * <pre>
 * java -cp decoder/target/classes org.nlwb.decoder.write.Convert [--ns] [--format F] IN OUT
 * </pre>
 * {@code --ns} writes nanosecond timestamps (default microseconds, like tcpdump);
 * {@code --format} forces the input format (pyroute2, strace, pcap, hex). Diagnostics of the
 * input go to stderr. OUT is saved atomically ({@link AtomicFile}). Exit status 0 on success, 1 when the input cannot be read, 2 on usage errors.
 */
public final class Convert {
    private Convert() {
    }

    public static void main(String[] args) throws IOException {
        TimeResolution res = TimeResolution.MICROSECONDS;
        DumpFormat format = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ns" -> res = TimeResolution.NANOSECONDS;
                case "--format" -> {
                    if (++i >= args.length) {
                        usage("--format needs a value");
                    }
                    format = DumpFormat.ofLabel(args[i]);
                }
                default -> files.add(args[i]);
            }
        }
        if (files.size() != 2) {
            usage("expected IN and OUT");
        }
        Path in = Path.of(files.get(0));
        Path out = Path.of(files.get(1));
        Capture capture;
        try {
            capture = Loader.standard().load(in, format, -1);
        } catch (UnreadableInputException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        for (Diagnostic d : capture.diagnostics()) {
            System.err.println(d);
        }
        try (AtomicFile file = AtomicFile.create(out)) {
            try (OutputStream os = new BufferedOutputStream(file.stream());
                 RecordWriter w = writerFor(out, os, res, in.getFileName().toString())) {
                for (Record r : capture.records()) {
                    w.write(r);
                }
            }
            file.commit();
        }
        System.err.println(in + " (" + capture.format() + ") -> " + out + ": " + capture.recordCount() + " records, "
                + capture.messageCount() + " messages");
    }

    /** The writer for {@code out}'s extension. */
    public static RecordWriter writerFor(Path out, OutputStream os, TimeResolution res, String source) throws IOException {
        String name = out.getFileName().toString();
        if (name.endsWith(".pcapng")) {
            return new PcapngWriter(os, res);
        }
        if (name.endsWith(".pcap")) {
            return new PcapWriter(os, res);
        }
        return new Pyroute2Writer(os, source);
    }

    private static void usage(String why) {
        System.err.println("Convert: " + why + "\nusage: Convert [--ns] [--format pyroute2|strace|pcap|hex] IN OUT.{pcap,pcapng,data}");
        System.exit(2);
    }
}
