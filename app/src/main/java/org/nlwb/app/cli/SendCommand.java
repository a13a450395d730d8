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
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.spec.Family;
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

    @Option(names = "--family", required = true, paramLabel = "FAMILY", description = "Spec family (rt-link, rt-addr, nlctrl, ...).")
    String family;

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
    private record Outcome(Capture capture, int requestRecord, NetlinkExchange.Reply reply, String where) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (host && netns != null) {
            return usage(err, "--host and --netns exclude each other");
        }
        boolean namedDump = dumpOp != null && !dumpOp.isEmpty();
        if (doOp == null && !namedDump) {
            return usage(err, "name the operation: --do OP or --dump OP");
        }
        if (doOp != null && namedDump) {
            return usage(err, "give either --do OP or --dump OP, not both (a bare --dump sends the --do operation as a dump)");
        }
        boolean dump = dumpOp != null;
        String op = namedDump ? dumpOp : doOp;
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
        SpecLibrary library = SpecLibrary.standard(specDirs);
        SpecCatalog catalog = library.load();
        MessageEncoder encoder = new MessageEncoder(catalog);
        Request request = Request.of(family, op, dump, values).withFlags(flags).withAck(!noAck).withNestedFlag(!noNestedFlag);
        Family fam;
        try {
            fam = encoder.family(family);
            encoder.encode(request, name -> 0); // every mistake in the description is found before anything is sent
        } catch (EncodeException e) {
            return usage(err, e.getMessage());
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
        MessageDecoder decoder = new MessageDecoder(library.registry(catalog));
        try {
            print(outcome, decoder);
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
        String ns = netns;
        try {
            if (!host && netns == null) {
                throwaway = ThrowawayNamespace.create(NS_PREFIX);
                ns = throwaway.name();
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
                byte[] bytes = encoder.encode(r, name -> id).bytes();
                int requestRecord = capture.recordCount();
                NetlinkExchange.Reply reply = new NetlinkExchange(socket).tap(capture::append).request(bytes, timeoutMillis);
                return new Outcome(capture, requestRecord, reply, where);
            }
        } finally {
            if (throwaway != null) {
                throwaway.close();
            }
        }
    }

    // ---------------------------------------------------------------- output

    private void print(Outcome o, MessageDecoder decoder) throws IOException {
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
                    ExtAck a = ExtAck.of(m, request);
                    if (a != null) {
                        g.writeStartObject();
                        g.writeNumberField("index", m.ref().index());
                        g.writeStringField("message", a.message());
                        if (a.offset() != null) {
                            g.writeNumberField("offset", a.offset());
                            g.writeStringField("attribute", a.attribute());
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
            ps.println("== nlwb send " + family + " " + (dumpOp != null ? "dump " : "do ") + o.reply().request().length
                    + " bytes in the " + o.where() + ": " + (shown.size() - 1) + " replies");
            TextTree text = new TextTree(ps, all);
            for (DecodedMessage m : shown) {
                text.message(m);
                ExtAck a = ExtAck.of(m, request);
                if (a != null) {
                    ps.println("  ext-ACK: " + (a.message() != null ? "\"" + a.message() + "\"" : "(no message)")
                            + (a.offset() != null ? "; offset " + a.offset() + " is " + a.attribute() + " of the request" : ""));
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
     * The extended ACK of an NLMSG_ERROR or NLMSG_DONE: NLMSGERR_ATTR_MSG, and NLMSGERR_ATTR_OFFS
     * (an offset into the request, from its nlmsghdr) with the request attribute it falls in.
     */
    record ExtAck(String message, Long offset, String attribute) {
        static ExtAck of(DecodedMessage m, DecodedMessage request) {
            Integer t = m.tree().type();
            if (t == null || (t != ControlType.ERROR && t != ControlType.DONE)) {
                return null;
            }
            Node msg = m.tree().child("NLMSGERR_ATTR_MSG");
            Node offs = m.tree().child("NLMSGERR_ATTR_OFFS");
            if (msg == null && offs == null) {
                return null;
            }
            Long off = offs != null && offs.value() instanceof Number n ? n.longValue() : null;
            String attr = off == null ? null : attributeAt(request, off.intValue());
            return new ExtAck(msg != null && msg.value() != null ? msg.value().toString() : null, off, attr);
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
