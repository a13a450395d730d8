package org.nlwb.app.ui.compose;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nlwb.capture.send.SendSession;
import org.nlwb.capture.send.SendTarget;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.registry.Registry;

/**
 * The running kernel's policies as the composer asks for them: each generic netlink family's
 * dump read once (read-only, in the host namespace: a policy is the kernel's, the same in every
 * namespace, so the tab's target does not matter) and kept for the tab's life; a family whose
 * dump failed keeps why. {@link #fetch} blocks (run it off the FX thread); the rest do not.
 */
final class PolicySource {
    /** A family's policy, or why there is none. */
    record Result(KernelPolicy policy, String failure) {
    }

    private final Map<String, Result> known = new HashMap<>();

    /** What is known of {@code family} so far, without asking the kernel. */
    synchronized Optional<Result> known(String family) {
        return Optional.ofNullable(known.get(family));
    }

    /** The policy of {@code family}, asked of the kernel the first time. */
    Result fetch(String family, Registry registry) {
        Optional<Result> k = known(family);
        if (k.isPresent()) {
            return k.get();
        }
        Result r;
        try (SendSession s = SendSession.open(SendTarget.host())) {
            r = new Result(s.genlPolicy(family, null, registry).policy(), null);
        } catch (IOException e) {
            r = new Result(null, "the kernel's policy could not be read: " + e.getMessage());
        }
        synchronized (this) {
            known.put(family, r);
        }
        return r;
    }
}
