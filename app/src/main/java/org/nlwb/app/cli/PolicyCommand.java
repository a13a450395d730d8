package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nlwb.capture.send.PolicyFetch;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.policy.SpecComparison;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlwb policy FAMILY}: the running kernel's attribute policy of a generic netlink family
 * (a CTRL_CMD_GETPOLICY dump, read-only: by default in the host namespace), by attribute name
 * through the family's spec, optionally compared with that spec. Families without a policy dump
 * (rtnetlink and the other netlink-raw ones) are said to have none, with the spec's own checks
 * instead ({@link PolicyPrinter}).
 *
 * <p>Exit: 0 shown, 1 the kernel has no such family or policy (or the namespace is missing), 2
 * usage errors.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Show the running kernel's attribute policy of a generic netlink family, by attribute name: "
                + "types, value and length bounds, masks, nested policies (a read-only CTRL_CMD_GETPOLICY dump).",
            "Example: nlwb policy ethtool --op linkmodes-set --spec-compare",
            "Exit: 0 shown, 1 no such family or policy on this kernel, 2 usage error."})
public final class PolicyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FAMILY", description = "Generic netlink family (ethtool, nlctrl, nl80211, ...).")
    String family;

    @Option(names = "--op", paramLabel = "OP", description = "Only this operation (spec name, or command number).")
    String op;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--spec-compare", description = "Also compare the spec with the kernel: attributes the kernel "
            + "accepts that the spec lacks, the other way round, types that differ.")
    boolean specCompare;

    @Option(names = "--netns", paramLabel = "NAME", description = "Ask the kernel from this network namespace "
            + "(the policy is the kernel's; the host namespace by default).")
    String netns;

    @Option(names = "--spec-dir", paramLabel = "DIR", description = "Extra directory of YNL spec files (repeatable).")
    List<Path> specDirs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SpecLibrary library = SpecLibrary.standard(specDirs);
        SpecCatalog catalog = library.load();
        Family fam = catalog.family(family).orElse(null);
        PolicyPrinter printer = new PolicyPrinter(out, json);
        if (fam != null && !fam.schema().isGeneric()) {
            printer.withoutDump(fam, op);
            return 0;
        }
        Integer cmd;
        try {
            cmd = op == null ? null : command(fam);
        } catch (UsageError e) {
            err.println("nlwb policy: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (SendSession s = SendSession.open(netns == null ? SendTarget.host() : SendTarget.named(netns))) {
            PolicyFetch.Fetched f = s.genlPolicy(fam != null ? fam.name() : family, cmd, library.registry(catalog));
            printer.policy(f.policy(), fam, specCompare && fam != null ? SpecComparison.compare(f.policy(), fam) : null);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("nlwb policy: " + Plain.escaped(e.getMessage()));
            err.flush();
            return 1;
        }
    }

    /** {@code --op} as a command number: a spec operation's request id, or a number. */
    private Integer command(Family fam) throws UsageError {
        if (op.matches("\\d{1,3}")) {
            return Integer.parseInt(op);
        }
        if (fam == null) {
            throw new UsageError("--op " + Plain.escaped(op) + ": no spec names " + Plain.escaped(family)
                    + "'s operations; give the command number");
        }
        List<String> names = new ArrayList<>();
        for (OpSpec o : fam.operations()) {
            if (o.requestId() != null) {
                if (o.name().equals(op)) {
                    return o.requestId();
                }
                names.add(o.name());
            }
        }
        throw new UsageError("--op: " + fam.name() + " has no operation '" + Plain.escaped(op) + "'"
                + org.nlwb.decoder.codec.Suggestions.suggestion(op, names));
    }
}
