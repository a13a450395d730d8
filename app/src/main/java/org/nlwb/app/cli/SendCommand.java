package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.nlwb.capture.groups.GenlFamilies;
import org.nlwb.capture.groups.GenlFamily;
import org.nlwb.capture.netns.NetNamespace;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.socket.NetlinkExchange;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.encode.RequestDescriber;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.text.TextTree;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.write.PcapWriter;
import org.nlwb.decoder.write.TimeResolution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlwb send}: crafts one request from a YNL-style description ({@link MessageEncoder}),
 * sends it over a real netlink socket and prints the request and every reply decoded, the
 * ext-ACK message and the request attribute its offset points at included.
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
    private static final String NS_PREFIX = "nlwb-send";

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

    /** What one send produced: the records (request, replies, and any nlctrl look-up before them). */
    private record Outcome(Capture capture, int requestRecord, NetlinkExchange.Reply reply, String where, Family family,
                           OpSpec op) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (host && netns != null) {
            return usage(err, "--host and --netns exclude each other");
        }
        SpecLibrary library = SpecLibrary.standard(specDirs);
        SpecCatalog catalog = library.load();
        MessageEncoder encoder = new MessageEncoder(catalog);
        MessageDecoder decoder = new MessageDecoder(library.registry(catalog));
        Request request;
        if (from != null) {
            if (family != null || doOp != null || dumpOp != null) {
                return usage(err, "--from replays a captured request; --family, --do and --dump come from it");
            }
            try {
                request = replayed(from, index, decoder, catalog);
            } catch (IOException | EncodeException e) {
                return usage(err, "--from " + from + ": " + e.getMessage());
            }
            err.println("nlwb send: replaying as " + commandLine(request));
            err.flush();
        } else {
            if (family == null) {
                return usage(err, "name the family: --family FAMILY (or replay a request with --from FILE)");
            }
            boolean namedDump = dumpOp != null && !dumpOp.isEmpty();
            if (doOp == null && !namedDump) {
                return usage(err, "name the operation: --do OP or --dump OP");
            }
            if (doOp != null && namedDump) {
                return usage(err, "give either --do OP or --dump OP, not both (a bare --dump sends the --do operation as a dump)");
            }
            JsonNode values;
            try {
                String text = json.startsWith("@") ? Files.readString(Path.of(json.substring(1))) : json;
                values = new ObjectMapper().readTree(text);
            } catch (JsonProcessingException e) {
                return usage(err, "--json: not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            } catch (IOException e) {
                return usage(err, "--json: cannot read " + json.substring(1) + ": " + e.getMessage());
            }
            request = Request.of(family, namedDump ? dumpOp : doOp, dumpOp != null, values).withFlags(flags)
                    .withAck(!noAck).withNestedFlag(!noNestedFlag);
        }
        Family fam;
        try {
            fam = encoder.family(request.family());
            encoder.encode(request, name -> 0); // every mistake in the description is found before anything is sent
        } catch (EncodeException e) {
            return usage(err, e.getMessage());
        }
        if (dryRun) {
            try {
                return dryRun(encoder, decoder, request, fam);
            } catch (EncodeException | IOException e) {
                return usage(err, e.getMessage());
            }
        }
        Outcome outcome;
        try {
            outcome = send(encoder, request, fam);
        } catch (EncodeException e) {
            return usage(err, e.getMessage());
        } catch (Exception e) {
            err.println("nlwb send: " + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            print(outcome, decoder, request);
            if (write != null) {
                writePcap(outcome.capture(), write);
            }
        } catch (IOException e) {
            err.println("nlwb send: " + e.getMessage());
            err.flush();
            return 1;
        }
        NetlinkExchange.Reply r = outcome.reply();
        if (!r.complete()) {
            err.println("nlwb send: no complete answer within " + timeoutMillis + " ms");
            err.flush();
            return 1;
        }
        if (r.error() != 0) {
            err.println("nlwb send: the kernel answered " + Errno.signedName(r.error())
                    + (Errno.text(r.error()) != null ? " (" + Errno.text(r.error()) + ")" : ""));
            err.flush();
            return 1;
        }
        return 0;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("nlwb send: " + message);
        err.flush();
        return 2;
    }

    /** Opens the socket where asked (a throwaway namespace by default), resolves a genl id, sends, collects. */
    private Outcome send(MessageEncoder encoder, Request request, Family fam) throws Exception {
        ThrowawayNamespace throwaway = null;
        Thread cleanup = null;
        String ns = netns;
        try {
            if (!host && netns == null) {
                throwaway = ThrowawayNamespace.create(NS_PREFIX);
                ns = throwaway.name();
                ThrowawayNamespace made = throwaway;
                // Ctrl-C while waiting for the kernel must not leave the namespace behind
                cleanup = new Thread(() -> {
                    try {
                        made.close();
                    } catch (IOException e) {
                        System.err.println("nlwb send: could not remove " + made.name() + ": " + e.getMessage());
                    }
                }, "nlwb-send-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            } else if (netns != null && !NetNamespace.exists(netns)) {
                throw new IOException("no network namespace " + netns + " (" + NetNamespace.path(netns) + ")");
            }
            String where = host ? "host namespace" : throwaway != null ? "throwaway namespace " + ns : "namespace " + ns;
            Capture capture = new Capture("nlwb send " + fam.name() + " " + request.op(), "live");
            try (NetlinkSocket socket = NetNamespace.openSocket(ns, fam.protocol())) {
                socket.setExtAck(true);
                socket.setCapAck(false);
                Request r = request;
                int genlId = 0;
                if (fam.schema().isGeneric() && !fam.name().equals("nlctrl")) {
                    GenlFamily g = GenlFamilies.byName(socket, fam.name(), capture::append);
                    genlId = g.id();
                    r = r.withHeader(r.seq(), r.pid(), g.version());
                }
                int id = genlId;
                MessageEncoder.Encoded encoded = encoder.encode(r, name -> id);
                byte[] bytes = encoded.bytes();
                int requestRecord = capture.recordCount();
                NetlinkExchange.Reply reply = new NetlinkExchange(socket).tap(capture::append).request(bytes, timeoutMillis);
                return new Outcome(capture, requestRecord, reply, where, fam, encoded.op());
            }
        } finally {
            if (throwaway != null) {
                boolean shuttingDown = false;
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    shuttingDown = true; // the hook removes the namespace
                }
                if (!shuttingDown) {
                    throwaway.close();
                }
            }
        }
    }

    /** Message {@code n} of {@code file} (or its first request a spec family decodes), described by name. */
    private static Request replayed(Path file, Integer n, MessageDecoder decoder, SpecCatalog catalog)
            throws IOException, EncodeException {
        byte[] content = Files.readAllBytes(file);
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).strip();
        if (start.startsWith("{") || start.startsWith("[")) {
            return replayedFromJson(file, new ObjectMapper().readTree(content), n, catalog);
        }
        Capture c;
        try {
            c = Loader.standard().load(file, null, org.nlwb.decoder.model.Protocol.UNKNOWN);
        } catch (UnreadableInputException e) {
            throw new IOException(e.getMessage());
        }
        IntFunction<Conversation> conv = Conversations.of(c);
        for (int i = n != null ? n : 0; i < c.messageCount(); i++) {
            MessageRef ref = c.message(i);
            DecodedMessage m = decoder.decode(ref, conv.apply(i));
            Family f = m.className() == null ? null : catalog.family(m.className()).orElse(null);
            boolean request = ref.record().direction() == Direction.TO_KERNEL
                    || ref.record().direction() == Direction.UNKNOWN && (ref.flags() & 1) != 0;
            if (n != null && (f == null || !request)) {
                throw new EncodeException("--index", "message #" + n + " (" + m.summary() + ") is not a request of a spec family");
            }
            if (f != null && request) {
                Request r = RequestDescriber.describe(f, m);
                return r.withHeader(0, 0, r.genlVersion()); // the exchange stamps its own seq; the kernel fills pid
            }
        }
        throw new EncodeException("--index", n != null ? "there is no message #" + n + " (" + c.messageCount() + " messages)"
                : "no request of a spec family in the file");
    }

    /**
     * A request from {@code nlwb decode --json} output: a capture document (or an array of them)
     * or one message object; message {@code n} by its {@code index}, else the first request
     * whose {@code class} is a spec family.
     */
    private static Request replayedFromJson(Path file, JsonNode doc, Integer n, SpecCatalog catalog)
            throws EncodeException {
        List<JsonNode> messages = new ArrayList<>();
        List<JsonNode> docs = new ArrayList<>();
        if (doc.isArray()) {
            doc.forEach(docs::add);
        } else {
            docs.add(doc);
        }
        for (JsonNode d : docs) {
            if (d.has("messages")) {
                d.get("messages").forEach(messages::add);
            } else if (d.has("tree")) {
                messages.add(d);
            }
        }
        if (messages.isEmpty()) {
            throw new EncodeException("", "no decoded messages in this JSON (expects the output of nlwb decode --json)");
        }
        for (JsonNode m : messages) {
            if (n != null && m.path("index").asInt(-1) != n) {
                continue;
            }
            String cls = m.path("class").asText(null);
            Family f = cls == null ? null : catalog.family(cls).orElse(null);
            boolean request = Direction.TO_KERNEL.json().equals(m.path("direction").asText());
            if (f != null && request) {
                Request r = RequestDescriber.describe(f, org.nlwb.decoder.encode.JsonTrees.node(m.get("tree"),
                        "messages[" + m.path("index").asInt() + "].tree"));
                return r.withHeader(0, 0, r.genlVersion());
            }
            if (n != null) {
                throw new EncodeException("--index", "message #" + n + " (class " + cls + ", direction "
                        + m.path("direction").asText() + ") is not a request of a spec family");
            }
        }
        throw new EncodeException("--index", n != null ? "there is no message #" + n + " in " + file
                : "no request of a spec family in " + file);
    }

    /** The command line that sends {@code r}. */
    static String commandLine(Request r) {
        StringBuilder sb = new StringBuilder("nlwb send --family ").append(r.family())
                .append(r.dump() ? " --dump " : " --do ").append(r.op());
        if (!r.flags().isEmpty()) {
            sb.append(" --flags ").append(String.join(",", r.flags()).toLowerCase(java.util.Locale.ROOT));
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
    private int dryRun(MessageEncoder encoder, MessageDecoder decoder, Request request, Family fam)
            throws EncodeException, IOException {
        int placeholder = 0xfff0;
        byte[] bytes = encoder.encode(request, name -> placeholder).bytes();
        Capture c = new Capture("nlwb send --dry-run", "live");
        java.time.Instant now = java.time.Instant.now();
        c.append(new Record(now.getEpochSecond() * 1_000_000_000L + now.getNano(), Direction.TO_KERNEL, fam.protocol(),
                (int) ProcessHandle.current().pid(), -1, "sendto", "dry run", org.nlwb.decoder.bytes.ByteView.of(bytes)));
        Conversation conv = Conversations.fixed(java.util.Map.of(placeholder, fam.name()));
        DecodedMessage m = decoder.decode(c.message(0), conv);
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOut) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("hex", java.util.HexFormat.of().formatHex(bytes));
                g.writeFieldName("message");
                TreeJson.writeMessage(g, m);
                g.writeEndObject();
            }
            out.println(buf.toString(StandardCharsets.UTF_8));
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, false, StandardCharsets.UTF_8);
            ps.println("== nlwb send --dry-run " + fam.name() + " " + (request.dump() ? "dump " : "do ") + request.op() + ": "
                    + bytes.length + " bytes, not sent" + (fam.schema().isGeneric() && !fam.name().equals("nlctrl")
                    ? " (nlmsg_type 0x" + Integer.toHexString(placeholder) + " stands for the id the kernel gives " + fam.name() + ")" : ""));
            ps.println("   " + java.util.HexFormat.of().formatHex(bytes));
            new TextTree(ps, all).message(m);
            ps.flush();
            out.print(buf.toString(StandardCharsets.UTF_8));
        }
        out.flush();
        if (write != null) {
            writePcap(c, write);
        }
        return 0;
    }

    // ---------------------------------------------------------------- output

    private void print(Outcome o, MessageDecoder decoder, Request sent) throws IOException {
        Capture c = o.capture();
        IntFunction<Conversation> conv = Conversations.of(c);
        List<DecodedMessage> shown = new ArrayList<>();
        DecodedMessage request = null;
        for (int i = 0; i < c.messageCount(); i++) {
            MessageRef ref = c.message(i);
            if (ref.recordIndex() < o.requestRecord()) {
                continue; // the nlctrl look-up of a genl family id: in --write's file, not on screen
            }
            DecodedMessage m = decoder.decode(ref, conv.apply(i));
            if (request == null && ref.record().direction() == Direction.TO_KERNEL) {
                request = m;
            }
            shown.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOut) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("namespace", o.where());
                g.writeNumberField("error", o.reply().error());
                g.writeStringField("errno", o.reply().error() == 0 ? null : Errno.signedName(o.reply().error()));
                g.writeBooleanField("complete", o.reply().complete());
                g.writeArrayFieldStart("messages");
                for (DecodedMessage m : shown) {
                    TreeJson.writeMessage(g, m);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("ext_ack");
                for (DecodedMessage m : shown) {
                    ExtAck a = ExtAck.of(m, request, o.family(), o.op());
                    if (a != null) {
                        g.writeStartObject();
                        g.writeNumberField("index", m.ref().index());
                        g.writeStringField("message", a.message());
                        if (a.offset() != null) {
                            g.writeNumberField("offset", a.offset());
                            g.writeStringField("attribute", a.attribute());
                        }
                        if (a.missing() != null) {
                            g.writeStringField("missing", a.missing());
                        }
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println(buf.toString(StandardCharsets.UTF_8));
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, false, StandardCharsets.UTF_8);
            ps.println("== nlwb send " + sent.family() + " " + (sent.dump() ? "dump " : "do ") + sent.op() + ": "
                    + o.reply().request().length
                    + " bytes in the " + o.where() + ": " + (shown.size() - 1) + " replies");
            TextTree text = new TextTree(ps, all);
            for (DecodedMessage m : shown) {
                text.message(m);
                ExtAck a = ExtAck.of(m, request, o.family(), o.op());
                if (a != null) {
                    ps.println("  ext-ACK: " + (a.message() != null ? "\"" + a.message() + "\"" : "(no message)")
                            + (a.offset() != null ? "; offset " + a.offset() + " is " + a.attribute() + " of the request" : "")
                            + (a.missing() != null ? "; missing attribute " + a.missing() : ""));
                }
            }
            ps.flush();
            out.print(buf.toString(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void writePcap(Capture c, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, TimeResolution.NANOSECONDS)) {
            for (Record r : c.records()) {
                w.write(r);
            }
        }
    }

    /**
     * The extended ACK of an NLMSG_ERROR or NLMSG_DONE: NLMSGERR_ATTR_MSG; NLMSGERR_ATTR_OFFS (an
     * offset into the request, from its nlmsghdr) with the request attribute it falls in; and
     * NLMSGERR_ATTR_MISS_TYPE (an attribute the kernel needed and did not get) named through the
     * spec, in the nest NLMSGERR_ATTR_MISS_NEST points at or else at the message's top level.
     */
    record ExtAck(String message, Long offset, String attribute, String missing) {
        static ExtAck of(DecodedMessage m, DecodedMessage request, Family fam, OpSpec op) {
            Integer t = m.tree().type();
            if (t == null || (t != ControlType.ERROR && t != ControlType.DONE)) {
                return null;
            }
            Node msg = m.tree().child("NLMSGERR_ATTR_MSG");
            Long off = number(m.tree().child("NLMSGERR_ATTR_OFFS"));
            Long missType = number(m.tree().child("NLMSGERR_ATTR_MISS_TYPE"));
            Long missNest = number(m.tree().child("NLMSGERR_ATTR_MISS_NEST"));
            if (msg == null && off == null && missType == null) {
                return null;
            }
            String attr = off == null ? null : attributeAt(request, off.intValue());
            String missing = missType == null ? null : missing(request, fam, op, missType.intValue(), missNest);
            return new ExtAck(msg != null && msg.value() != null ? msg.value().toString() : null, off, attr, missing);
        }

        private static Long number(Node n) {
            return n != null && n.value() instanceof Number x ? x.longValue() : null;
        }

        /** {@code ETHTOOL_A_LINKINFO_HEADER (1) of linkinfo}: the missing attribute by its kernel name where the spec knows it. */
        static String missing(DecodedMessage request, Family fam, OpSpec op, int type, Long nestOffset) {
            AttrSetSpec set = op == null || op.attributeSet() == null ? null : fam.attributeSets().get(op.attributeSet());
            String where = "the message";
            if (nestOffset != null && request != null) {
                Node root = request.tree();
                List<Node> path = root.pathTo(root.deepestCovering(nestOffset.intValue(), nestOffset.intValue() + 1));
                where = attributeAt(request, nestOffset.intValue());
                for (Node n : path.subList(1, path.size())) {
                    if (set == null || n.type() == null || !isAttribute(n)) {
                        continue;
                    }
                    AttrSpec a = set.byValue(n.type());
                    set = a != null && a.nested() != null && a.type() == AttrType.NEST ? fam.attributeSets().get(a.nested()) : null;
                    if (n.offset() == nestOffset) {
                        break;
                    }
                }
            }
            AttrSpec a = set == null ? null : set.byValue(type);
            return (a != null ? a.kernelName() + " (" + type + ")" : "type " + type) + " in " + where
                    + (set != null ? " (" + set.name() + ")" : "");
        }

        /**
         * {@code IFLA_LINKINFO > IFLA_INFO_KIND}: the attributes around byte {@code off} of the
         * request (the kernel points at an attribute's nla_len); in a fixed header, the struct
         * and its member ({@code ifinfomsg > ifi_index}).
         */
        static String attributeAt(DecodedMessage request, int off) {
            if (request == null || off < 0 || off >= request.tree().length()) {
                return "outside the request";
            }
            Node root = request.tree();
            List<Node> path = root.pathTo(root.deepestCovering(off, off + 1));
            List<String> names = new ArrayList<>();
            Node parent = root;
            for (Node n : path.subList(1, path.size())) {
                if (isAttribute(n) || !isAttribute(parent)) {
                    names.add(n.name());
                }
                parent = n;
            }
            return names.isEmpty() ? root.name() : String.join(" > ", names);
        }

        private static boolean isAttribute(Node n) {
            return !n.children().isEmpty() && n.children().get(0).name().equals("nla_len");
        }
    }
}
