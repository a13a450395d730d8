package org.nlwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.policy.PolicyCheck;
import org.nlwb.decoder.policy.PolicyChecker;
import org.nlwb.decoder.policy.PolicyProblem;
import org.nlwb.decoder.policy.SpecChecker;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.ynl.Family;
import picocli.CommandLine.Option;

/**
 * {@code nlwb send --check [--force]}: before anything is sent, every message of the datagram is
 * checked against the running kernel's policy of its generic netlink family (a read-only
 * CTRL_CMD_GETPOLICY dump in the host namespace: policies are the kernel's, the same in every
 * namespace), or against the spec's own checks where the kernel reports no policy (rtnetlink and
 * the other netlink-raw families, a family this kernel lacks). The findings go to standard error,
 * so {@code --json-out} stays the exchange alone. A definite violation stops the send unless
 * {@code --force}; what only strict validation refuses is a warning.
 */
public final class SendCheck {
    @Option(names = "--check", description = "Check the request against the running kernel's policy first (generic "
            + "netlink: a read-only policy dump; other families: the spec's checks); a definite violation is not sent.")
    boolean check;

    @Option(names = "--force", description = "With --check: send even when the check finds a definite violation.")
    boolean force;

    /**
     * Runs the check when asked; true when the send must stop (a definite violation, no {@code --force}).
     *
     * @throws UsageError {@code --force} without {@code --check}
     */
    boolean refuses(PrintWriter err, SendPlan plan, MessageEncoder encoder, Registry registry, SpecCatalog catalog)
            throws UsageError, EncodeException {
        if (force && !check) {
            throw new UsageError("--force goes with --check: it sends what the check refuses");
        }
        if (!check) {
            return false;
        }
        List<PolicyProblem> definite = new ArrayList<>();
        Map<String, Object> policies = new HashMap<>();
        for (SendPlan.Checkable c : plan.checkables(encoder, name -> catalog.family(name).orElse(null))) {
            if (c.family() == null) {
                err.println("nlwb send: --check: message " + (c.index() + 1) + " (bytes as given, no family) is not checked");
                continue;
            }
            PolicyCheck result = check(c, policies, registry);
            report(err, result);
            definite.addAll(result.definite());
        }
        err.flush();
        if (definite.isEmpty()) {
            return false;
        }
        String first = definite.get(0).text();
        if (force) {
            err.println("nlwb send: --force: sending although the kernel will refuse it (" + first + ")");
            err.flush();
            return false;
        }
        err.println("nlwb send: not sent: the kernel would refuse it (" + first + "); --force sends it anyway");
        err.flush();
        return true;
    }

    private static PolicyCheck check(SendPlan.Checkable c, Map<String, Object> policies, Registry registry) {
        Family f = c.family();
        if (!f.schema().isGeneric()) {
            return new SpecChecker(f, f.name() + " is not generic netlink: the kernel has no policy dump for it")
                    .check(c.bytes());
        }
        Object p = policies.computeIfAbsent(f.name(), name -> fetch(name, registry));
        return p instanceof KernelPolicy k ? new PolicyChecker(k, f).check(c.bytes())
                : new SpecChecker(f, (String) p).check(c.bytes());
    }

    /** The kernel's policy of {@code family}, or why it could not be read. */
    private static Object fetch(String family, Registry registry) {
        try (SendSession s = SendSession.open(SendTarget.host())) {
            return s.genlPolicy(family, null, registry).policy();
        } catch (IOException e) {
            return "the kernel's policy could not be read: " + e.getMessage();
        }
    }

    private static void report(PrintWriter err, PolicyCheck r) {
        err.println("nlwb send: --check against " + r.basis() + ": " + (r.clean() ? "no problems"
                : SendView.count(r.problems().size(), "problem", "problems") + ", " + r.definite().size() + " definite"));
        for (PolicyProblem p : r.problems()) {
            err.println("nlwb send:   " + p.text() + "  [" + p.offset() + "+" + p.length() + "]");
        }
    }
}
