package org.nlwb.capture.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says why the kernel refuses a non-root user a user namespace, from what {@code /proc} shows:
 * the sysctls that switch them off (Debian's {@code kernel.unprivileged_userns_clone},
 * {@code user.max_user_namespaces}, {@code user.max_net_namespaces}), AppArmor's
 * {@code kernel.apparmor_restrict_unprivileged_userns}, or a kernel built without them.
 * A sysctl that does not exist on this kernel is no obstacle.
 */
public final class UserNamespaceSupport {
    private final Path proc;

    /** Reads the running kernel's {@code /proc}. */
    public UserNamespaceSupport() {
        this(Path.of("/proc"));
    }

    /** Reads {@code proc} instead of {@code /proc} (tests give a made-up tree). */
    UserNamespaceSupport(Path proc) {
        this.proc = proc;
    }

    /** The settings that forbid unprivileged user namespaces outright, or empty when none does. */
    public Optional<String> refusal() {
        List<String> why = new ArrayList<>();
        if (!Files.exists(proc.resolve("self/ns/user"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            why.add("this kernel has no user namespaces (built without CONFIG_USER_NS: " + proc.resolve("self/ns/user")
                    + " is missing)");
        }
        if ("0".equals(sysctl("kernel/unprivileged_userns_clone"))) {
            why.add("sysctl kernel.unprivileged_userns_clone = 0 forbids unprivileged user namespaces"
                    + " (sysctl -w kernel.unprivileged_userns_clone=1 allows them)");
        }
        if ("0".equals(sysctl("user/max_user_namespaces"))) {
            why.add("sysctl user.max_user_namespaces = 0 allows no user namespace (set it above 0)");
        }
        if ("0".equals(sysctl("user/max_net_namespaces"))) {
            why.add("sysctl user.max_net_namespaces = 0 allows no network namespace (set it above 0)");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    /**
     * Why {@code unshare} failed, for the message: the outright refusals, else the settings that
     * restrict rather than forbid (AppArmor, a full {@code user.max_user_namespaces}), else that
     * no setting here explains it.
     *
     * @param unshareError what unshare printed
     */
    public String explain(String unshareError) {
        Optional<String> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> why = new ArrayList<>();
        if ("1".equals(sysctl("kernel/apparmor_restrict_unprivileged_userns"))) {
            why.add("AppArmor restricts unprivileged user namespaces: sysctl kernel.apparmor_restrict_unprivileged_userns = 1"
                    + " (an AppArmor profile granting 'userns' to " + javaName() + ", or the sysctl set to 0, allows them)");
        }
        if (unshareError.contains("No space left on device")) {
            why.add("the limit user.max_user_namespaces = " + sysctl("user/max_user_namespaces")
                    + " (or user.max_net_namespaces) is reached");
        }
        if (why.isEmpty()) {
            why.add("none of kernel.unprivileged_userns_clone, user.max_user_namespaces, user.max_net_namespaces,"
                    + " kernel.apparmor_restrict_unprivileged_userns forbids it here, so a seccomp filter or security"
                    + " module (as in many containers) likely denies unshare(CLONE_NEWUSER); as root, nlwb uses ip netns");
        }
        return String.join("; ", why);
    }

    /** The sysctl's value trimmed ({@code "kernel/unprivileged_userns_clone"}), or null when absent. */
    private String sysctl(String name) {
        try {
            return Files.readString(proc.resolve("sys").resolve(name), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static String javaName() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
