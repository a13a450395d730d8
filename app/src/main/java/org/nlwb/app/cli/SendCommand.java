package org.nlwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nlwb.capture.groups.KernelGenlFamilies;
import org.nlwb.capture.send.SendResult;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlwb send}: builds one datagram — a request from a YNL-style description
 * ({@link MessageEncoder}), several ({@code --multi}), bytes as given ({@code --hex},
 * {@code --raw}) or a captured request ({@code --from}, {@link CapturedRequest}) — sends it
 * ({@link NamespacedSend}) and prints the request, every reply and the notifications of
 * {@code --subscribe} decoded, with the ext-ACK explained against the sent bytes
 * ({@link SendReport}). This class is the command line: options, what they mean together, and
 * the exit code.
 *
 * <p>By default the socket lives in a network namespace made for this one send and removed
 * afterwards, so a {@code newlink} or {@code deladdr} cannot touch the host; without root it is
 * an unprivileged user + network namespace. {@code --netns NAME} uses an existing namespace and
 * {@code --host} must be said to act on the host's own.
 *
 * <p>Exit codes: 0 when the kernel answered without error (an ACK, a reply, a dump), 1 when it
 * answered with an error or not at all, the target could not be had, or {@code --check} refused
 * to send ({@link SendCheck}), 2 for usage errors (the
 * message names the option or field).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Craft a netlink request from its spec (or give its bytes) and send it; print the request, the "
                + "kernel's replies and any notifications decoded.",
            "Runs in a throwaway network namespace (without root: an unprivileged user + network namespace) unless "
                + "--netns NAME or --host is given.",
            "Example: nlwb send --family rt-link --do getlink --json '{\"ifname\": \"lo\"}'",
            "Exit: 0 success/ACK, 1 the kernel answered with an error (or not at all) or --check refused, 2 usage error."})
public final class SendCommand implements Callable<Integer> {
    @Option(names = "--family", paramLabel = "FAMILY", description = "Spec family (rt-link, rt-addr, nlctrl, nftables, ...).")
    String family;

    @Option(names = "--do", paramLabel = "OP", description = "Operation to send in its do form (getlink, newlink, ...).")
    String doOp;

    @Option(names = "--dump", paramLabel = "OP", arity = "0..1", fallbackValue = "",
            description = "Operation to send in its dump form; without OP, the --do operation as a dump.")
    String dumpOp;

    @Option(names = "--json", paramLabel = "JSON",
            description = "Attributes and fixed header members by spec name, e.g. '{\"ifname\": \"lo\"}'; @FILE reads a file.")
    String json;

    @Option(names = "--multi", arity = "2", paramLabel = "OP JSON", hideParamSyntax = true, description = "A do request OP with attributes JSON "
            + "(or @FILE); repeat for several in one datagram (nftables's wrapped in a batch, res_id of the subsystem).")
    List<String> multi = new ArrayList<>();

    @Option(names = "--protocol", paramLabel = "PROTO", description = "With --hex, --raw, or --from a file that does not "
            + "say: the netlink protocol (route, generic, netfilter, sock_diag, ... or 0..31).")
    String protocol;

    @Option(names = "--hex", paramLabel = "HEX", description = "Send these bytes exactly as given (one datagram, any "
            + "number of messages, malformed ones included); needs --protocol.")
    String hex;

    @Option(names = "--raw", paramLabel = "FILE", description = "Send the bytes of FILE exactly as given; needs --protocol.")
    Path raw;

    @Option(names = "--fix-up", description = "With --hex/--raw: overwrite nlmsg_seq (fresh numbers) and nlmsg_pid (the "
            + "socket's port id) of every message. Described and replayed requests always get them.")
    boolean fixUp;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay a captured request: described by name from FILE "
            + "(any format decode reads, or decode --json output) and encoded again, or its bytes when no spec describes "
            + "it; prints the equivalent command.")
    Path from;

    @Option(names = "--index", paramLabel = "N", description = "With --from: the message #N (as decode numbers them); "
            + "default the first request a spec family describes, else the first request.")
    Integer index;

    @Option(names = "--subscribe", paramLabel = "GROUP[,GROUP...]", split = ",", description = "Also receive these "
            + "multicast groups while sending (names as nlwb monitor --groups: link, ipv4-ifaddr, FAMILY:GROUP, ...).")
    List<String> subscribe = new ArrayList<>();

    @Option(names = "--list-ops", paramLabel = "FAMILY", description = "List the operations of a spec family: name, "
            + "do/dump, fixed header and request attributes; sends nothing.")
    String listOps;

    @Option(names = "--cleanup", description = "Remove the throwaway namespaces of nlwb runs that were killed, and say which.")
    boolean cleanup;

    @Option(names = "--dry-run", description = "Only build the datagram and print it decoded; send nothing.")
    boolean dryRun;

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

    @Option(names = "--write", paramLabel = "FILE", description = "Save the conversation (request, replies, "
            + "notifications) as a pcap file (pcapng for a .pcapng name).")
    Path write;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000", description = "How long to wait for the answer (ms).")
    int timeoutMillis;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @CommandLine.Mixin
    SendCheck checks = new SendCheck();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (ShutdownWatch watch = ShutdownWatch.start()) {
            try {
                return run(err, watch);
            } catch (UsageError e) {
                err.println("nlwb send: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }

    private int run(PrintWriter err, ShutdownWatch watch) throws UsageError {
        if (cleanup) {
            requireAlone();
            return OrphanCleanup.run(spec.commandLine().getOut(), err);
        }
        SpecLibrary library = SpecLibrary.standard(specDirs);
        SpecCatalog catalog = library.load();
        MessageEncoder encoder = new MessageEncoder(catalog);
        if (listOps != null) {
            new OperationList(encoded(() -> encoder.family(listOps))).print(spec.commandLine().getOut(), jsonOut);
            return 0;
        }
        SendTarget target = target();
        if (timeoutMillis < 0) {
            throw new UsageError("--timeout: " + timeoutMillis + " is negative");
        }
        Registry registry = library.registry(catalog);
        SendPlan plan = plan(err, encoder, registry, catalog);
        encoded(() -> {
            plan.check(encoder);
            return plan;
        });
        if (encoded(() -> checks.refuses(err, plan, encoder, registry, catalog))) {
            return 1;
        }
        if (dryRun) {
            return dryRun(encoder, registry, plan);
        }
        if (plan.protocol() != Protocol.GENERIC) {
            SubscribeGroups.fixed(plan.protocol(), subscribe); // a misspelt group is found before a namespace is made
        }
        return send(err, watch, encoder, registry, catalog, target, plan);
    }

    private void requireAlone() throws UsageError {
        if (family != null || hex != null || raw != null || from != null || listOps != null || !multi.isEmpty()) {
            throw new UsageError("--cleanup removes orphaned namespaces and sends nothing; give it alone");
        }
    }

    /** Where to send: {@code --host}, {@code --netns NAME}, or a throwaway namespace. */
    private SendTarget target() throws UsageError {
        if (host && netns != null) {
            throw new UsageError("--host and --netns exclude each other");
        }
        if (host) {
            return SendTarget.host();
        }
        if (netns == null) {
            return SendTarget.throwaway();
        }
        try {
            return SendTarget.named(netns);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--netns: " + Plain.escaped(e.getMessage()));
        }
    }

    /** The datagram the options describe; exactly one source of it may be given. */
    private SendPlan plan(PrintWriter err, MessageEncoder encoder, Registry registry, SpecCatalog catalog)
            throws UsageError {
        int sources = (family != null || doOp != null || dumpOp != null || !multi.isEmpty() ? 1 : 0)
                + (hex != null ? 1 : 0) + (raw != null ? 1 : 0) + (from != null ? 1 : 0);
        if (from != null && (family != null || doOp != null || dumpOp != null)) {
            throw new UsageError("--from replays a captured request; --family, --do and --dump come from it");
        }
        if (sources > 1) {
            throw new UsageError("give one of --family (with --do, --dump or --multi), --hex, --raw and --from");
        }
        if (index != null && from == null) {
            throw new UsageError("--index N picks a message of --from FILE");
        }
        int proto = protocol();
        if (hex != null || raw != null) {
            return bytes(proto);
        }
        if (from != null) {
            CapturedRequest.Picked picked = new CapturedRequest(registry, catalog).pick(from, index,
                    proto == Integer.MIN_VALUE ? Protocol.UNKNOWN : proto);
            err.println("nlwb send: " + picked.said());
            err.flush();
            return picked.plan();
        }
        if (proto != Integer.MIN_VALUE) {
            throw new UsageError("--protocol goes with --hex, --raw or --from; a --family names its own protocol");
        }
        if (family == null) {
            throw new UsageError("name the family: --family FAMILY (or send bytes with --protocol P --hex HEX, "
                    + "or replay a request with --from FILE)");
        }
        Family fam = encoded(() -> encoder.family(family));
        return multi.isEmpty() ? described(fam) : multi(encoder, fam);
    }

    /** {@code --protocol} as a number, or {@link Integer#MIN_VALUE} when not given. */
    private int protocol() throws UsageError {
        if (protocol == null) {
            return Integer.MIN_VALUE;
        }
        return Protocol.parse(protocol).orElseThrow(() -> new UsageError("--protocol: unknown protocol '"
                + Plain.escaped(protocol) + "' (route, generic, netfilter, sock_diag, xfrm, audit, ... or 0..31)"));
    }

    /** {@code --hex} or {@code --raw}: sent as given. */
    private SendPlan bytes(int proto) throws UsageError {
        String option = hex != null ? "--hex" : "--raw";
        if (proto == Integer.MIN_VALUE) {
            throw new UsageError(option + " needs --protocol P (route, generic, netfilter, ... or a number): the bytes "
                    + "do not say which netlink protocol they are for");
        }
        if (json != null || !flags.isEmpty() || noAck || noNestedFlag) {
            throw new UsageError(option + " bytes are sent as given; --json, --flags, --no-ack and --no-nested-flag "
                    + "describe a --family request");
        }
        byte[] b = hex != null ? RawInput.hex(hex) : RawInput.file(raw);
        return new SendPlan(Protocol.shortName(proto) + " bytes", proto, List.of(new SendPlan.Raw(b, null)), fixUp);
    }

    /** The request {@code --family}, {@code --do}/{@code --dump}, {@code --json} and the flags describe. */
    private SendPlan described(Family fam) throws UsageError {
        boolean namedDump = dumpOp != null && !dumpOp.isEmpty();
        if (doOp == null && !namedDump) {
            throw new UsageError("name the operation: --do OP or --dump OP (or several --multi OP JSON)");
        }
        if (doOp != null && namedDump) {
            throw new UsageError("give either --do OP or --dump OP, not both (a bare --dump sends the --do operation as a dump)");
        }
        JsonNode values = JsonArgument.parse("--json", json == null ? "{}" : json);
        Request r = dress(Request.of(family, namedDump ? dumpOp : doOp, dumpOp != null, values));
        return new SendPlan(r.family() + " " + (r.dump() ? "dump " : "do ") + r.op(), fam.protocol(),
                List.of(new SendPlan.Described(r, fam)), true);
    }

    private SendPlan multi(MessageEncoder encoder, Family fam) throws UsageError {
        if (doOp != null || dumpOp != null || json != null) {
            throw new UsageError("--multi OP JSON gives each request its operation and attributes; "
                    + "give no --do, --dump or --json with it");
        }
        return encoded(() -> MultiRequest.plan(encoder, fam, multi, this::dress));
    }

    private Request dress(Request r) {
        return r.withFlags(flags).withAck(!noAck).withNestedFlag(!noNestedFlag);
    }

    /** Sends, prints the conversation, saves it when asked; the exit code says how the kernel answered. */
    private int send(PrintWriter err, ShutdownWatch watch, MessageEncoder encoder, Registry registry,
                     SpecCatalog catalog, SendTarget target, SendPlan plan) throws UsageError {
        NamespacedSend.Outcome o;
        try {
            o = new NamespacedSend(target, timeoutMillis, subscribe).send(plan, encoder);
        } catch (EncodeException e) {
            throw new UsageError(e.getMessage());
        } catch (IOException e) {
            // a signal closes the session under the send: what failed then failed because of it
            return fail(err, watch.signalled() ? "interrupted (" + ShutdownWatch.REASON + "): " + e.getMessage()
                    : e.getMessage());
        }
        try {
            report().exchange(SendView.of(plan.title(), o, decoded(o, plan, registry), catalog));
        } catch (IOException e) {
            return fail(err, e.getMessage());
        }
        o.result().overruns().forEach(x -> warn(err, x.describe()));
        if (write != null) {
            try {
                ConversationFile.write(o.capture(), write);
            } catch (IOException e) {
                return fail(err, "--write " + write + ": " + Plain.reason(e));
            }
        }
        SendResult r = o.result();
        if (r.ending() != SendResult.Ending.COMPLETE) {
            return fail(err, r.note());
        }
        if (r.error() != 0) {
            return fail(err, "the kernel answered " + Errno.signedName(r.error())
                    + (Errno.text(r.error()) != null ? " (" + Errno.text(r.error()) + ")" : ""));
        }
        return 0;
    }

    /**
     * The conversation decoded. Generic netlink bytes sent as given name their family by an id
     * no look-up of this send told: the kernel's nlctrl is asked (ids are the same in every
     * namespace, so nlwb's own serves; a read-only question).
     */
    private static DecodedCapture decoded(NamespacedSend.Outcome o, SendPlan plan, Registry registry) {
        ConversationPolicy policy = ConversationPolicy.captureOnly();
        if (plan.protocol() == Protocol.GENERIC && plan.genlFamilies().isEmpty()) {
            policy = policy.withKernel(new KernelGenlFamilies(null));
        }
        return new DecodedCapture(o.capture(), registry, policy, null);
    }

    private static int fail(PrintWriter err, String message) {
        err.println("nlwb send: " + message);
        err.flush();
        return 1;
    }

    private static void warn(PrintWriter err, String message) {
        err.println("nlwb send: warning: " + message);
        err.flush();
    }

    /** Builds the datagram and prints it decoded; a generic netlink family other than nlctrl gets a placeholder id. */
    private int dryRun(MessageEncoder encoder, Registry registry, SendPlan plan) throws UsageError {
        DryRun d = encoded(() -> DryRun.of(plan, encoder, registry));
        try {
            report().dryRun(plan.title(), d.messages(), d.bytes(), d.placeheld());
        } catch (IOException e) {
            throw new UsageError(e.getMessage());
        }
        if (write != null) {
            try {
                ConversationFile.write(d.capture(), write);
            } catch (IOException e) {
                return fail(spec.commandLine().getErr(), "--write " + write + ": " + Plain.reason(e));
            }
        }
        return 0;
    }

    private SendReport report() {
        return new SendReport(spec.commandLine().getOut(), jsonOut, all);
    }

    /** A step that may find a description wrong. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws EncodeException, UsageError;
    }

    /** {@code step}'s result; an EncodeException (it names the field) becomes a usage error. */
    private static <T> T encoded(Step<T> step) throws UsageError {
        try {
            return step.run();
        } catch (EncodeException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
