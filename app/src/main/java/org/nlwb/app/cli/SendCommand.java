package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.replay.RequestReplay;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlwb send}: crafts one request from a YNL-style description ({@link MessageEncoder}) or
 * replays a captured one ({@link RequestReplay}), sends it over a real netlink socket
 * ({@link NamespacedSend}) and prints the request and every reply decoded, the ext-ACK message
 * and the request attribute its offset points at included ({@link SendReport}). This class is
 * the command line: options, what they mean together, and the exit code.
 *
 * <p>By default the socket lives in a network namespace made for this one request and removed
 * afterwards, so a {@code newlink} or {@code deladdr} cannot touch the host; {@code --netns NAME}
 * uses an existing namespace and {@code --host} must be said to act on the host's own.
 *
 * <p>Exit codes: 0 when the kernel answered without error (an ACK, a reply, a dump), 1 when it
 * answered with an error or not at all, 2 for usage errors (the message names the field).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Craft a netlink request from its spec and send it; print the request and the kernel's replies decoded.",
            "Runs in a throwaway network namespace unless --netns NAME or --host is given.",
            "Example: nlwb send --family rt-link --do getlink --json '{\"ifname\": \"lo\"}'",
            "Exit: 0 success/ACK, 1 the kernel answered with an error, 2 usage error."})
public final class SendCommand implements Callable<Integer> {
    @Option(names = "--family", paramLabel = "FAMILY", description = "Spec family (rt-link, rt-addr, nlctrl, ...).")
    String family;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay a captured request: described by name from FILE "
            + "(any format decode reads, or decode --json output) and encoded again; prints the equivalent "
            + "--family/--do/--json command.")
    Path from;

    @Option(names = "--index", paramLabel = "N", description = "With --from: the message #N (as decode numbers them); "
            + "default the first request a spec family decodes.")
    Integer index;

    @Option(names = "--dry-run", description = "Only build the request and print it decoded; send nothing.")
    boolean dryRun;

    @Option(names = "--do", paramLabel = "OP", description = "Operation to send in its do form (getlink, newlink, ...).")
    String doOp;

    @Option(names = "--dump", paramLabel = "OP", arity = "0..1", fallbackValue = "",
            description = "Operation to send in its dump form; without OP, the --do operation as a dump.")
    String dumpOp;

    @Option(names = "--json", paramLabel = "JSON", defaultValue = "{}",
            description = "Attributes and fixed header members by spec name, e.g. '{\"ifname\": \"lo\"}'; @FILE reads a file.")
    String json;

    @Option(names = "--flags", paramLabel = "FLAG[,FLAG...]", split = ",",
            description = "Extra nlmsg_flags by name (create, excl, replace, append, echo, ...) or number.")
    List<String> flags = new ArrayList<>();

    @Option(names = "--no-ack", description = "Do not set NLM_F_ACK.")
    boolean noAck;

    @Option(names = "--no-nested-flag", description = "Leave NLA_F_NESTED off nests (as iproute2 sends them).")
    boolean noNestedFlag;

    @Option(names = "--netns", paramLabel = "NAME", description = "Send in this existing network namespace (/var/run/netns/NAME).")
    String netns;

    @Option(names = "--host", description = "Send in the host's network namespace (changes the host for real).")
    boolean host;

    @Option(names = "--json-out", description = "Print JSON (decode's node schema) instead of text.")
    boolean jsonOut;

    @Option(names = "--all", description = "Text output: also show nla_len/nla_type leaves and zero padding.")
    boolean all;

    @Option(names = "--write", paramLabel = "FILE", description = "Save the request and the replies as a pcap file.")
    Path write;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000", description = "How long to wait for the answer (ms).")
    int timeoutMillis;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A mistake in the command line: printed as {@code nlwb send: MESSAGE}, exit 2. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (UsageError e) {
            err.println("nlwb send: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int run(PrintWriter err) throws UsageError {
        if (host && netns != null) {
            throw new UsageError("--host and --netns exclude each other");
        }
        SpecLibrary library = SpecLibrary.standard(specDirs);
        SpecCatalog catalog = library.load();
        MessageEncoder encoder = new MessageEncoder(catalog);
        Registry registry = library.registry(catalog);
        Request request = from != null ? replayed(err, registry, catalog) : described();
        Family fam;
        try {
            fam = encoder.family(request.family());
            encoder.encode(request, name -> 0); // every mistake in the description is found before anything is sent
        } catch (EncodeException e) {
            throw new UsageError(e.getMessage());
        }
        if (dryRun) {
            try {
                return dryRun(encoder, registry, request, fam);
            } catch (EncodeException | IOException e) {
                throw new UsageError(e.getMessage());
            }
        }
        return send(err, encoder, registry, request, fam);
    }

    /** The request {@code --from FILE [--index N]} names, said on stderr as the command that sends it. */
    private Request replayed(PrintWriter err, Registry registry, SpecCatalog catalog) throws UsageError {
        if (family != null || doOp != null || dumpOp != null) {
            throw new UsageError("--from replays a captured request; --family, --do and --dump come from it");
        }
        Request request;
        try {
            request = new RequestReplay(registry, catalog).from(from, index);
        } catch (IOException | EncodeException e) {
            throw new UsageError("--from " + from + ": " + e.getMessage());
        }
        err.println("nlwb send: replaying as " + commandLine(request));
        err.flush();
        return request;
    }

    /** The request {@code --family}, {@code --do}/{@code --dump}, {@code --json} and the flags describe. */
    private Request described() throws UsageError {
        if (family == null) {
            throw new UsageError("name the family: --family FAMILY (or replay a request with --from FILE)");
        }
        boolean namedDump = dumpOp != null && !dumpOp.isEmpty();
        if (doOp == null && !namedDump) {
            throw new UsageError("name the operation: --do OP or --dump OP");
        }
        if (doOp != null && namedDump) {
            throw new UsageError("give either --do OP or --dump OP, not both (a bare --dump sends the --do operation as a dump)");
        }
        JsonNode values;
        try {
            String text = json.startsWith("@") ? Files.readString(Path.of(json.substring(1))) : json;
            values = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageError("--json: not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UsageError("--json: cannot read " + json.substring(1) + ": " + e.getMessage());
        }
        return Request.of(family, namedDump ? dumpOp : doOp, dumpOp != null, values).withFlags(flags)
                .withAck(!noAck).withNestedFlag(!noNestedFlag);
    }

    /** Sends, prints the exchange, saves it when asked; the exit code says how the kernel answered. */
    private int send(PrintWriter err, MessageEncoder encoder, Registry registry, Request request, Family fam)
            throws UsageError {
        NamespacedSend.Outcome outcome;
        try {
            outcome = new NamespacedSend(netns, host, timeoutMillis).send(encoder, request, fam);
        } catch (EncodeException e) {
            throw new UsageError(e.getMessage());
        } catch (Exception e) {
            return fail(err, e.getMessage());
        }
        try {
            report().exchange(outcome, DecodedCapture.of(outcome.capture(), registry), request);
            if (write != null) {
                writePcap(outcome.capture(), write);
            }
        } catch (IOException e) {
            return fail(err, e.getMessage());
        }
        NetlinkExchange.Reply r = outcome.reply();
        if (!r.complete()) {
            return fail(err, "no complete answer within " + timeoutMillis + " ms");
        }
        if (r.error() != 0) {
            return fail(err, "the kernel answered " + Errno.signedName(r.error())
                    + (Errno.text(r.error()) != null ? " (" + Errno.text(r.error()) + ")" : ""));
        }
        return 0;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("nlwb send: " + message);
        err.flush();
        return 1;
    }

    /** The command line that sends {@code r}. */
    static String commandLine(Request r) {
        StringBuilder sb = new StringBuilder("nlwb send --family ").append(r.family())
                .append(r.dump() ? " --dump " : " --do ").append(r.op());
        if (!r.flags().isEmpty()) {
            sb.append(" --flags ").append(String.join(",", r.flags()).toLowerCase(Locale.ROOT));
        }
        if (!r.ack()) {
            sb.append(" --no-ack");
        }
        if (!r.nestedFlag()) {
            sb.append(" --no-nested-flag");
        }
        if (!r.values().isEmpty()) {
            sb.append(" --json '").append(r.values().toString().replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    /** Builds the request and prints it decoded; a generic netlink family other than nlctrl gets a placeholder id. */
    private int dryRun(MessageEncoder encoder, Registry registry, Request request, Family fam)
            throws EncodeException, IOException {
        int placeholder = 0xfff0;
        byte[] bytes = encoder.encode(request, name -> placeholder).bytes();
        Capture c = new Capture("nlwb send --dry-run", "live");
        Instant now = Instant.now();
        c.append(new Record(now.getEpochSecond() * 1_000_000_000L + now.getNano(), Direction.TO_KERNEL, fam.protocol(),
                (int) ProcessHandle.current().pid(), -1, "sendto", "dry run", ByteView.of(bytes)));
        ConversationPolicy placeheld = ConversationPolicy.captureOnly().withUserFamilies(Map.of(placeholder, fam.name()));
        DecodedMessage m = new DecodedCapture(c, registry, placeheld, null).decodeUncached(0);
        report().dryRun(m, bytes, request, fam, placeholder);
        if (write != null) {
            writePcap(c, write);
        }
        return 0;
    }

    private SendReport report() {
        return new SendReport(spec.commandLine().getOut(), jsonOut, all);
    }

    private static void writePcap(Capture c, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, TimeResolution.NANOSECONDS)) {
            for (Record r : c.records()) {
                w.write(r);
            }
        }
    }
}
