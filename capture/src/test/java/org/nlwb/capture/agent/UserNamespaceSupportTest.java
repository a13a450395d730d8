package org.nlwb.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why user namespaces are refused, read from a made-up /proc. */
class UserNamespaceSupportTest {

    private static Path proc(Path dir, boolean userNs, String... sysctls) throws IOException {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("self/ns"));
        if (userNs) {
            Files.writeString(proc.resolve("self/ns/user"), "");
        }
        for (int i = 0; i < sysctls.length; i += 2) {
            Path f = proc.resolve("sys").resolve(sysctls[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, sysctls[i + 1] + "\n");
        }
        return proc;
    }

    @Test
    void permissiveSettingsRefuseNothing(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, true, "kernel/unprivileged_userns_clone", "1",
                "user/max_user_namespaces", "63000", "kernel/apparmor_restrict_unprivileged_userns", "0"));
        assertEquals(Optional.empty(), s.refusal());
        assertTrue(s.explain("unshare: unshare failed: Operation not permitted").contains("seccomp"),
                "with no setting to blame, the message says what else it may be");
    }

    @Test
    void debiansSwitchIsNamedWithHowToTurnItOn(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, true, "kernel/unprivileged_userns_clone", "0"));
        assertEquals(Optional.of("sysctl kernel.unprivileged_userns_clone = 0 forbids unprivileged user namespaces"
                + " (sysctl -w kernel.unprivileged_userns_clone=1 allows them)"), s.refusal());
    }

    @Test
    void aKernelWithoutUserNamespacesIsSaidSo(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, false));
        assertTrue(s.refusal().orElseThrow().contains("CONFIG_USER_NS"), s.refusal().toString());
    }

    @Test
    void everyForbiddingSettingIsListed(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, true, "user/max_user_namespaces", "0",
                "user/max_net_namespaces", "0"));
        String why = s.refusal().orElseThrow();
        assertTrue(why.contains("user.max_user_namespaces = 0") && why.contains("user.max_net_namespaces = 0"), why);
    }

    @Test
    void apparmorRestrictsRatherThanForbidsSoItIsNamedOnlyAfterAFailure(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, true,
                "kernel/apparmor_restrict_unprivileged_userns", "1"));
        assertEquals(Optional.empty(), s.refusal(), "a profile may allow java: try first");
        assertTrue(s.explain("unshare: write failed /proc/self/uid_map: Operation not permitted")
                .startsWith("AppArmor restricts unprivileged user namespaces"));
    }

    @Test
    void aFullNamespaceCountIsNamed(@TempDir Path dir) throws Exception {
        UserNamespaceSupport s = new UserNamespaceSupport(proc(dir, true, "user/max_user_namespaces", "5"));
        assertTrue(s.explain("unshare: unshare failed: No space left on device")
                .contains("user.max_user_namespaces = 5"));
    }
}
