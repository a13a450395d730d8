package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.diff.ConversationDiff;
import org.nlwb.decoder.diff.ConversationDiffer;
import org.nlwb.decoder.diff.DiffJson;
import org.nlwb.decoder.diff.DiffText;
import org.nlwb.decoder.diff.MessageDiff;
import org.nlwb.decoder.diff.NoiseRules;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb diff A B}: compares two conversations (every message, paired) or, with
 * {@code --index}, one message of each, at attribute level, leaving out what the noise rules
 * call noise. Exits as diff(1) does: 0 equal, 1 different, 2 trouble (a file that does not read,
 * an index past the end, a bad rules file, bad arguments).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two netlink conversations, or one message of each (--index), attribute by attribute.",
            "Requests are paired by family, operation and order, replies by their request's nlmsg_seq.",
            "What always differs (nlmsg_seq, nlmsg_pid, times, ifindexes ...) is left out unless --include-noise;",
            "--show-rules prints the rules, --rules FILE uses others (the same format).",
            "Exit: 0 equal, 1 different, 2 trouble (as diff(1))."})
public final class DiffCommand implements Callable<Integer> {
    static final int EQUAL = 0;
    static final int DIFFERENT = 1;
    static final int TROUBLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "The two captures to compare (any format decode reads).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--index", paramLabel = "N",
            description = "Compare message #N (as decode numbers them) of A; given twice, the second is B's; once, both.")
    List<Integer> indexes = new ArrayList<>();

    @Option(names = "--range", paramLabel = "FROM-TO",
            description = {"Compare messages #FROM..#TO (inclusive, as decode numbers them) of A, paired as whole "
                    + "conversations are; given twice, the second is B's; once, both.",
                "With two ranges one FILE is enough: two ranges of one capture (nlwb diff F --range 0-3 --range 4-7)."})
    List<String> ranges = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    boolean json;

    @Option(names = "--include-noise", description = "Count what the noise rules leave out.")
    boolean includeNoise;

    @Option(names = "--rules", paramLabel = "FILE", description = "Noise rules to use instead of the default ones.")
    Path rulesFile;

    @Option(names = "--show-rules", description = "Print the noise rules in effect (the rules file format) and exit.")
    boolean showRules;

    @Option(names = "--format", paramLabel = "auto|pyroute2|strace|pcap|hex", defaultValue = "auto",
            description = "Input format of both files (default: detected from the content).")
    String format;

    @Option(names = "--protocol", paramLabel = "PROTO",
            description = "Netlink protocol for records whose source does not say (route, generic, ...).")
    String protocol;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @Mixin
    GenlOptions genl = new GenlOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NoiseRules rules;
        try {
            rules = rulesFile == null ? NoiseRules.defaults()
                    : NoiseRules.parse(Files.readString(rulesFile, StandardCharsets.UTF_8), rulesFile.toString());
        } catch (IOException | IllegalArgumentException e) {
            return trouble(err, "--rules " + (e instanceof IOException ? rulesFile + ": " : "") + e.getMessage());
        }
        if (showRules) {
            out.print(rules.format());
            out.flush();
            return EQUAL;
        }
        if (files.size() == 1 && ranges.size() == 2) {
            files.add(files.get(0)); // two ranges of one capture
        }
        if (files.size() != 2 || indexes.size() > 2 || ranges.size() > 2 || !(indexes.isEmpty() || ranges.isEmpty())) {
            return trouble(err, "give two files (A B), or one with two --range; --index or --range, each at most twice");
        }
        Inputs in;
        try {
            in = load(err);
        } catch (Trouble t) {
            return trouble(err, t.getMessage());
        }
        ConversationDiff diff;
        try {
            diff = compare(new ConversationDiffer(rules), in);
        } catch (Trouble t) {
            return trouble(err, t.getMessage());
        }
        print(out, diff);
        return diff.equal(includeNoise) ? EQUAL : DIFFERENT;
    }

    private ConversationDiff compare(ConversationDiffer differ, Inputs in) throws Trouble {
        if (!ranges.isEmpty()) {
            return differ.compare(range(in.left(), ranges.get(0), files.get(0)),
                    range(in.right(), ranges.get(ranges.size() - 1), files.get(1)));
        }
        if (indexes.isEmpty()) {
            return differ.compare(in.left(), in.right());
        }
        int li = indexes.get(0);
        int ri = indexes.get(indexes.size() - 1);
        check(in.left(), li, files.get(0));
        check(in.right(), ri, files.get(1));
        MessageDiff m = differ.compare(in.left().decodeUncached(li), in.right().decodeUncached(ri));
        return new ConversationDiff(List.of(m), differ.rules());
    }

    /** Messages #FROM..#TO of {@code c}, decoded, for {@code --range FROM-TO}. */
    private static List<DecodedMessage> range(DecodedCapture c, String text, Path file) throws Trouble {
        Matcher m = Pattern.compile("(\\d{1,9})-(\\d{1,9})").matcher(text.strip());
        if (!m.matches()) {
            throw new Trouble("--range " + Plain.escaped(text) + ": give FROM-TO, two message numbers (0-3)");
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (from > to) {
            throw new Trouble("--range " + text + ": FROM is after TO");
        }
        check(c, from, file);
        check(c, to, file);
        List<DecodedMessage> out = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            out.add(c.decodeUncached(i));
        }
        return out;
    }

    private static void check(DecodedCapture c, int index, Path file) throws Trouble {
        if (index < 0 || index >= c.messageCount()) {
            throw new Trouble("--index " + index + ": " + file + " has messages #0..#" + (c.messageCount() - 1));
        }
    }

    private void print(PrintWriter out, ConversationDiff diff) throws IOException {
        String a = files.get(0).toString();
        String b = files.get(1).toString();
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                DiffJson.write(g, a, b, diff, includeNoise);
            }
            out.println();
        } else {
            new DiffText(out, includeNoise).write(a, b, diff);
        }
        out.flush();
    }

    private record Inputs(DecodedCapture left, DecodedCapture right) {
    }

    private Inputs load(PrintWriter err) throws Trouble {
        DumpFormat forced = null;
        if (!format.equalsIgnoreCase("auto")) {
            try {
                forced = DumpFormat.ofLabel(format);
            } catch (IllegalArgumentException e) {
                throw new Trouble("unknown --format " + format + " (auto, pyroute2, strace, pcap, hex)");
            }
        }
        int proto = Protocol.UNKNOWN;
        if (protocol != null) {
            proto = Protocol.parse(protocol).orElseThrow(() -> new Trouble("unknown --protocol " + protocol));
        }
        ConversationPolicy policy;
        try {
            policy = genl.policy();
        } catch (IllegalArgumentException e) {
            throw new Trouble("--genl-family: " + e.getMessage());
        }
        Registry registry = RegistryFactory.standard(specDirs, p -> err.println("nlwb diff: warning: " + p + " (not used)"));
        return new Inputs(one(files.get(0), forced, proto, registry, policy), one(files.get(1), forced, proto, registry, policy));
    }

    private static DecodedCapture one(Path f, DumpFormat forced, int proto, Registry registry, ConversationPolicy policy)
            throws Trouble {
        try {
            return new DecodedCapture(Loader.standard().load(f, forced, proto), registry, policy, null);
        } catch (UnreadableInputException | IOException e) {
            throw new Trouble((e instanceof IOException ? f + ": " : "") + e.getMessage());
        }
    }

    private static int trouble(PrintWriter err, String message) {
        err.println("nlwb diff: " + message);
        err.flush();
        return TROUBLE;
    }

    /** Why the comparison could not be made; exit 2. */
    private static final class Trouble extends Exception {
        Trouble(String message) {
            super(message);
        }
    }
}
