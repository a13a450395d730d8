package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.nlwb.capture.groups.KernelGenlFamilies;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.registry.RegistryFactory;
import org.nlwb.decoder.text.TextTree;
import picocli.CommandLine.Command;
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

    @Option(names = "--genl-family", paramLabel = "ID=FAMILY",
            description = "Generic netlink family of an id the capture does not name, e.g. 0x1b=nl80211 (repeatable).")
    List<String> genlFamilies = new ArrayList<>();

    @Option(names = "--kernel-families",
            description = "Ask the running kernel (nlctrl) for generic netlink ids neither the capture nor --genl-family names.")
    boolean kernelFamilies;

    @Option(names = "--json", description = "Print JSON (the stable schema) instead of text.")
    boolean json;

    @Option(names = "--all", description = "Text output: also show nla_len/nla_type leaves and zero padding.")
    boolean all;

    private Map<Integer, String> userFamilies = Map.of();
    private Conversation fallback = Conversation.empty();

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
        Map<Integer, String> families = new LinkedHashMap<>();
        for (String g : genlFamilies) {
            try {
                Map.Entry<Integer, String> e = Conversations.parseGenlFamily(g);
                families.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException e) {
                System.err.println("nlwb decode: --genl-family: " + e.getMessage());
                return 2;
            }
        }
        userFamilies = Map.copyOf(families);
        fallback = kernelFamilies ? new KernelGenlFamilies(null) : Conversation.empty();
        Registry registry = RegistryFactory.standard(specDirs, p -> System.err.println("nlwb decode: warning: " + p + " (not used)"));
        if (className != null && registry.byName(className).isEmpty()) {
            System.err.println("nlwb decode: no message class named " + className + "; known: "
                    + registry.classes().stream().map(c -> c.name()).sorted().toList());
            return 2;
        }
        MessageDecoder decoder = new MessageDecoder(registry);
        Loader loader = Loader.standard();
        List<Capture> captures = new ArrayList<>();
        for (Path f : files) {
            try {
                captures.add(loader.load(f, forced, proto));
            } catch (UnreadableInputException | IOException e) {
                System.err.println("nlwb decode: " + (e instanceof IOException ? f + ": " : "") + e.getMessage());
            }
        }
        if (captures.isEmpty()) {
            return 1;
        }
        OutputStream out = Streams.nonClosing(System.out);
        if (json) {
            writeJson(captures, decoder, out);
        } else {
            PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
            TextTree text = new TextTree(ps, all);
            for (Capture c : captures) {
                text.capture(c, decoded(c, decoder));
            }
            ps.flush();
        }
        return 0;
    }

    private void writeJson(List<Capture> captures, MessageDecoder decoder, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            if (captures.size() > 1) {
                g.writeStartArray();
            }
            for (Capture c : captures) {
                TreeJson.writeCapture(g, c.source(), c.format(), decoded(c, decoder), c.diagnostics());
            }
            if (captures.size() > 1) {
                g.writeEndArray();
            }
        }
        out.write('\n');
        out.flush();
    }

    /** Decodes lazily, one message at a time, so no more than one tree is held. */
    private Iterable<DecodedMessage> decoded(Capture c, MessageDecoder decoder) {
        IntFunction<Conversation> conv = Conversations.of(c, userFamilies, fallback);
        return () -> new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < c.messageCount();
            }

            @Override
            public DecodedMessage next() {
                MessageRef ref = c.message(i);
                return decoder.decode(ref, conv.apply(i++), className);
            }
        };
    }
}
