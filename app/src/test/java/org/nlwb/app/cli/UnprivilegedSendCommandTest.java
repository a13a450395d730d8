package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nlwb.app.cli.CliRun.child;
import static org.nlwb.app.cli.CliRun.dryRunHex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.testing.WorldReadableClassPath;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.sys.Sys;

/**
 * {@code nlwb send} as {@code nobody}: no root, no sudo, the throwaway namespace an unprivileged
 * user + network namespace held by a namespace agent. The class path is copied where nobody may
 * read it (the build's folders and ~/.m2 may not be). Skipped, with the reason, where the machine
 * has no setpriv or the kernel gives nobody no user namespace.
 */
class UnprivilegedSendCommandTest {
    private static final String NOBODY = "65534";
    private static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
            "--clear-groups", "--");
    private static final String VETH = "{\"ifname\": \"uv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": "
            + "{\"ifname\": \"uv1\"}}}}";
    private static WorldReadableClassPath copy;

    @BeforeAll
    static void copyClassPath() throws IOException {
        assumeTrue(Sys.isRoot(), "needs root to switch to nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
                "needs setpriv (util-linux) to run nlwb as nobody");
        copy = WorldReadableClassPath.copyOf(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
    }

    @AfterAll
    static void removeCopy() {
        if (copy != null) {
            copy.close();
        }
    }

    private static NlwbProcess asNobody(String... args) throws IOException {
        return NlwbProcess.start(AS_NOBODY, copy.classPath(), copy.dir(), args);
    }

    private static void assumeUserNamespaces(List<String> err) {
        assumeFalse(String.join("\n", err).contains("cannot make a throwaway namespace with unshare"),
                "the kernel gives nobody no user namespace here: " + err);
    }

    @Test
    void nobodyMakesAVethPairInAThrowawayUserNamespaceFromHexBytes() throws Exception {
        String hex = dryRunHex("--family", "rt-link", "--do", "newlink", "--flags", "create,excl", "--json", VETH)
                + dryRunHex("--family", "rt-link", "--dump", "getlink");
        try (NlwbProcess p = asNobody("send", "--protocol", "route", "--hex", hex, "--fix-up", "--json-out")) {
            int exit = p.waitFor(120);
            assumeUserNamespaces(p.err);
            assertEquals(0, exit, "stderr: " + p.err);
            JsonNode out = new ObjectMapper().readTree(String.join("\n", p.out));
            assertTrue(out.get("namespace").asText().startsWith("unprivileged throwaway namespace (user + network, agent pid "),
                    out.get("namespace").asText());
            List<String> seen = new ArrayList<>();
            for (JsonNode m : out.get("messages")) {
                JsonNode tree = m.get("tree");
                JsonNode ifname = child(tree, "IFLA_IFNAME");
                seen.add(tree.get("name").asText() + (ifname != null ? " " + ifname.get("value").asText() : ""));
            }
            assertEquals("NLMSG_ERROR", seen.get(2), "the newlink's ACK: " + seen);
            assertTrue(seen.containsAll(List.of("RTM_NEWLINK uv0", "RTM_NEWLINK uv1")), "the dump shows the pair: " + seen);
        }
    }

    @Test
    void aKilledUnprivilegedSendTakesItsNamespaceWithIt() throws Exception {
        String veth = dryRunHex("--family", "rt-link", "--do", "newlink", "--flags", "create,excl", "--json", VETH);
        String waitsForever = "2000000013000103000000000000000000000000010000000000000000000000"; // see SendSignalsTest
        try (NlwbProcess p = asNobody("send", "--protocol", "route", "--hex", veth + waitsForever, "--fix-up",
                "--timeout", "600000")) {
            ProcessHandle agent = awaitAgentWithVeth(p);
            p.process.destroyForcibly(); // SIGKILL: no hook of nlwb's runs
            p.process.waitFor();
            assertTrue(agent.onExit().get(60, TimeUnit.SECONDS) != null && !agent.isAlive(),
                    "the agent, and with it the namespace, ended with nlwb");
        }
    }

    /** The namespace agent of {@code p}, once its namespace holds the veth pair (the send is under way). */
    private static ProcessHandle awaitAgentWithVeth(NlwbProcess p) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && p.process.isAlive()) {
            Optional<ProcessHandle> agent = p.process.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("org.nlwb.capture.agent.AgentMain")).findFirst();
            if (agent.isPresent() && links(agent.get()).contains("uv0@uv1")) {
                return agent.get();
            }
            Thread.sleep(50);
        }
        assumeUserNamespaces(p.err);
        throw new AssertionError("no agent with the veth pair appeared; stderr: " + p.err);
    }

    private static String links(ProcessHandle agent) {
        try {
            return ThrowawayNamespace.run(List.of("nsenter", "--target", Long.toString(agent.pid()), "--net",
                    "ip", "-o", "link"));
        } catch (IOException e) {
            return ""; // not ready yet
        }
    }
}
