package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlwb.decoder.json.JsonForm;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.export.ParallelExport;
import org.nlwb.decoder.pipeline.OrderedBatches;
import org.nlwb.decoder.text.TextTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb decode FILE...}: reads dump files and prints every message's decoded tree, as text
 * for people or as the stable JSON contract ({@link TreeJson}) for scripts. Exits 1 only when no
 * file could be read at all; damaged parts are reported as diagnostics.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode netlink dump files (pyroute2 .data/.dump, strace logs, pcap/pcapng, hex text).",
            "One FILE prints one JSON object with --json; several print a JSON array."})
public final class DecodeCommand implements Callable<Integer> {
    /** The exit status of a decode whose reader closed the pipe: 128 + SIGPIPE, as a shell reports it. */
    static final int EXIT_BROKEN_PIPE = Streams.EXIT_BROKEN_PIPE;


    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to decode.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "auto|pyroute2|strace|pcap|hex", defaultValue = "auto",
            description = "Input format (default: detected from the content).")
    String format;

    @Option(names = "--protocol", paramLabel = "PROTO",
            description = "Netlink protocol for records whose source does not say (route, generic, netfilter, sock_diag, 0..31).")
    String protocol;

    @Option(names = "--class", paramLabel = "NAME", description = "Decode every message body with this message class.")
    String className;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @Mixin
    GenlOptions genl = new GenlOptions();

    @Option(names = "--json", description = "Print JSON (the stable schema) instead of text.")
    boolean json;

    @Option(names = "--all", description = "Text output: also show nla_len/nla_type leaves and zero padding.")
    boolean all;

    @Option(names = "--filter", paramLabel = "EXPR", description = {"Print only the messages EXPR selects, in the "
            + "window's filter language (type == RTM_NEWLINK && IFLA_IFNAME == \"lo\", error != 0, IFLA_MTU > 1500).",
            "A misspelt name is refused (exit 2) with the name meant."})
    String filterText;

    @Option(names = "--pretty", description = "Indent the JSON (the default when standard output is a terminal).")
    boolean pretty;

    @Option(names = "--omit-empty", description = "JSON: leave out keys whose value is null and empty children arrays.")
    boolean omitEmpty;

    @Option(names = "--omit-implied", description = {"JSON: as --omit-empty, and also leave out what the rest "
            + "rebuilds exactly: status \"ok\", an offset where the previous sibling ends, a display that is its "
            + "value's own text (README: --omit-implied)."})
    boolean omitImplied;

    @Option(names = "--threads", paramLabel = "N", description = "Decode on N threads besides the one writing "
            + "(default: one fewer than the processors, two on two: ${DEFAULT-VALUE} here; 1 decodes and writes on one).")
    int threads = defaultThreads(Runtime.getRuntime().availableProcessors());

    /**
     * The {@code --threads} default on {@code processors}: one fewer (the calling thread writes), at
     * least one, but two on two processors. With the batch commands' lighter JIT (jvm-batch.options)
     * the compiler threads no longer take the second processor, and on an idle machine a second
     * decoding thread took the 100,000-message JSON decode from 3.14 s to 2.39 s at less CPU (4.34 s
     * against 4.71 s). Pitfall: on a machine already busy it only costs, 1.07-1.17 times the CPU for no
     * shorter run (README, Start-up). More than two processors were not measured here.
     */
    static int defaultThreads(int processors) {
        return processors == 2 ? 2 : Math.max(1, processors - 1);
    }

    @Override
    public Integer call() throws IOException {
        DumpFormat forced = null;
        if (!format.equalsIgnoreCase("auto")) {
            try {
                forced = DumpFormat.ofLabel(format);
            } catch (IllegalArgumentException e) {
                System.err.println("nlwb decode: unknown --format " + format + " (auto, pyroute2, strace, pcap, hex)");
                return 2;
            }
        }
        int proto = Protocol.UNKNOWN;
        if (protocol != null) {
            proto = Protocol.parse(protocol).orElse(Integer.MIN_VALUE);
            if (proto == Integer.MIN_VALUE) {
                System.err.println("nlwb decode: unknown --protocol " + protocol + " (route, generic, netfilter, sock_diag, ...)");
                return 2;
            }
        }
        ConversationPolicy policy;
        try {
            policy = genl.policy();
        } catch (IllegalArgumentException e) {
            System.err.println("nlwb decode: --genl-family: " + e.getMessage());
            return 2;
        }
        Registry registry = RegistryFactory.standard(specDirs, p -> System.err.println("nlwb decode: warning: " + p + " (not used)"));
        if (className != null && registry.byName(className).isEmpty()) {
            System.err.println("nlwb decode: no message class named " + className + "; known: "
                    + registry.classNames().stream().sorted().toList());
            return 2;
        }
        DecodeFilter shown;
        try {
            shown = DecodeFilter.compile(filterText, registry, System.err);
        } catch (UsageError e) {
            System.err.println("nlwb decode: " + e.getMessage());
            return 2;
        }
        if (threads < 1) {
            System.err.println("nlwb decode: --threads must be at least 1, got " + threads);
            return 2;
        }
        List<DecodedCapture> captures = load(forced, proto, registry, policy);
        if (captures.isEmpty()) {
            return 1;
        }
        OutputStream out = Streams.stdout();
        try {
            OrderedBatches batches = new OrderedBatches(threads, OrderedBatches.DEFAULT_BATCH);
            if (json) {
                writeJson(captures, shown, out, pretty || System.console() != null, batches);
            } else {
                // UTF-8 bytes straight to the buffered stdout: no PrintStream encoding each line again
                TextTree text = new TextTree(out, all);
                for (DecodedCapture c : captures) {
                    if (shown.keepsAll()) {
                        ParallelExport.writeText(out, c, all, batches);
                    } else {
                        shown.writeText(text, c);
                    }
                }
                out.flush();
            }
        } catch (Streams.OutputClosed e) {
            // like any filter: stop when the reader has gone (| head), quietly
            return EXIT_BROKEN_PIPE;
        }
        return 0;
    }

    private JsonForm form() {
        return omitImplied ? JsonForm.OMIT_IMPLIED : JsonForm.of(omitEmpty);
    }

    /** Every file that reads, in the order named; one that does not is said on stderr and skipped. */
    private List<DecodedCapture> load(DumpFormat forced, int proto, Registry registry, ConversationPolicy policy) {
        Loader loader = Loader.standard();
        List<DecodedCapture> captures = new ArrayList<>();
        for (Path f : files) {
            try {
                captures.add(new DecodedCapture(loader.load(f, forced, proto), registry, policy, className));
            } catch (UnreadableInputException | IOException e) {
                System.err.println("nlwb decode: "
                        + (e instanceof IOException io ? f + ": " + Plain.reason(io) : e.getMessage()));
            }
        }
        return captures;
    }

    /**
     * One capture document, or an array of them for several files. Compact JSON of every message is
     * decoded on every thread of {@code batches}; indented or filtered JSON one message at a time
     * (an indenting printer cannot be cut into batches, and a filter decides before decoding), the
     * filtered compact form by the same byte writer.
     */
    private void writeJson(List<DecodedCapture> captures, DecodeFilter shown, OutputStream out, boolean indent,
                           OrderedBatches batches) throws IOException {
        if (indent) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                if (captures.size() > 1) {
                    g.writeStartArray();
                }
                for (DecodedCapture c : captures) {
                    shown.writeJson(g, c, form());
                }
                if (captures.size() > 1) {
                    g.writeEndArray();
                }
            }
        } else {
            // compact: the byte writer alone, brackets and commas as Jackson writes them for an array of documents
            for (int i = 0; i < captures.size(); i++) {
                if (captures.size() > 1) {
                    out.write(i == 0 ? '[' : ',');
                }
                DecodedCapture c = captures.get(i);
                if (shown.keepsAll()) {
                    ParallelExport.writeJson(out, c, batches, form());
                } else {
                    shown.writeCompactJson(out, c, form());
                }
            }
            if (captures.size() > 1) {
                out.write(']');
            }
        }
        out.write('\n');
        out.flush();
    }
}
