package org.nlwb.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Received;
import org.nlwb.capture.sys.SysException;
import org.nlwb.capture.testing.ChildJvm;
import org.nlwb.capture.testing.Links;
import org.nlwb.capture.testing.Privileges;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.model.Protocol;

/** The namespace agent as root: its namespace, its sockets, its end. */
class NamespaceAgentTest {

    private static List<ByteView> messages(List<Received> received) {
        List<ByteView> out = new ArrayList<>();
        for (Received r : received) {
            if (r instanceof Datagram d) {
                ByteView v = ByteView.of(d.bytes());
                int off = 0;
                while (off + 16 <= v.length()) {
                    int len = (int) v.u32le(off);
                    if (len < 16 || off + len > v.length()) {
                        break;
                    }
                    out.add(v.slice(off, len).rebased());
                    off += (len + 3) & ~3;
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "user namespace: {0}")
    @ValueSource(booleans = {false, true})
    void theAgentsNamespaceIsItsOwnWithOnlyLoopbackAndLoopbackUp(boolean userNamespace) throws Exception {
        Privileges.assumeRoot();
        try (NamespaceAgent agent = startOrSkip(userNamespace);
             NetlinkChannel route = agent.open(ChannelOptions.requests(Protocol.ROUTE))) {
            assertNotEquals(AgentMain.namespace("net"), agent.netns(), "not nlwb's own namespace");
            assertEquals(agent.netns(), Files.readSymbolicLink(Path.of("/proc/" + agent.pid() + "/ns/net")).toString());
            assertNotEquals(0, route.portId());
            route.send(Links.dumpLinks());
            List<ByteView> all = new ArrayList<>(messages(route.drain()));
            while (all.isEmpty() || all.get(all.size() - 1).u16le(4) != ControlType.DONE) {
                Received r = route.receive(10_000);
                assertTrue(r != null, "the dump ends with NLMSG_DONE");
                all.addAll(messages(List.of(r)));
            }
            assertEquals(List.of("lo"), Links.names(all));
            assertEquals(1, Links.flags(all.get(0)) & 1, "lo is IFF_UP");
        }
    }

    /** An agent, or the test skipped when even root is refused a user namespace (some containers). */
    private static NamespaceAgent startOrSkip(boolean userNamespace) throws IOException {
        try {
            return NamespaceAgent.start(userNamespace);
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.assumeFalse(userNamespace
                    && e.getMessage().startsWith("cannot make a throwaway namespace"), e.getMessage());
            throw e;
        }
    }

    @Test
    void closingTheAgentEndsItsProcessAndSoItsNamespace() throws Exception {
        Privileges.assumeRoot();
        NamespaceAgent agent = NamespaceAgent.start(false);
        ProcessHandle h = ProcessHandle.of(agent.pid()).orElseThrow();
        NetlinkChannel c = agent.open(ChannelOptions.requests(Protocol.ROUTE));
        agent.close();
        assertFalse(h.isAlive(), "close waits for the agent to end");
        IOException e = assertThrows(IOException.class, () -> c.send(Links.dumpLinks()));
        assertTrue(e.getMessage().contains("namespace agent (pid " + agent.pid() + ")"), e.getMessage());
    }

    @Test
    void aSocketTheKernelRefusesNamesTheErrnoFromInsideTheAgent() throws Exception {
        Privileges.assumeRoot();
        try (NamespaceAgent agent = NamespaceAgent.start(false)) {
            SysException e = assertThrows(SysException.class, () -> agent.open(ChannelOptions.requests(30)));
            assertEquals("EPROTONOSUPPORT", e.errnoName());
            assertEquals("open a NETLINK_30 socket (in the namespace agent): EPROTONOSUPPORT (Protocol not supported)",
                    e.getMessage());
            try (NetlinkChannel still = agent.open(ChannelOptions.requests(Protocol.ROUTE))) {
                assertNotEquals(0, still.portId(), "the agent goes on serving after a failed open");
            }
        }
    }

    private static Path fakeUnshare(Path dir, String marker) throws IOException {
        Path script = dir.resolve("unshare");
        Files.writeString(script, "#!/bin/sh\ntouch '" + marker + "'\n"
                + "echo 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Path fakeProc(Path dir, String sysctl, String value) throws IOException {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("self/ns"));
        Files.writeString(proc.resolve("self/ns/user"), "");
        Path f = proc.resolve("sys").resolve(sysctl);
        Files.createDirectories(f.getParent());
        Files.writeString(f, value + "\n");
        return proc;
    }

    @Test
    void aFailingUnshareIsQuotedAndExplainedByTheSettingThatRestrictsIt(@TempDir Path dir) throws Exception {
        Path ran = dir.resolve("ran");
        AgentLaunch launch = AgentLaunch.of(true).withUnshare(List.of(fakeUnshare(dir, ran.toString()).toString()), false);
        UserNamespaceSupport apparmor = new UserNamespaceSupport(
                fakeProc(dir, "kernel/apparmor_restrict_unprivileged_userns", "1"));
        IOException e = assertThrows(IOException.class, () -> NamespaceAgent.start(launch, apparmor));
        assertTrue(Files.exists(ran), "unshare was tried");
        assertTrue(e.getMessage().contains("unshare: unshare failed: Operation not permitted (exit 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel.apparmor_restrict_unprivileged_userns = 1"), e.getMessage());
    }

    @Test
    void aSysctlThatForbidsUserNamespacesIsNamedWithoutTrying(@TempDir Path dir) throws Exception {
        Path ran = dir.resolve("ran");
        AgentLaunch launch = AgentLaunch.of(true).withUnshare(List.of(fakeUnshare(dir, ran.toString()).toString()), false);
        UserNamespaceSupport none = new UserNamespaceSupport(fakeProc(dir, "user/max_user_namespaces", "0"));
        IOException e = assertThrows(IOException.class, () -> NamespaceAgent.start(launch, none));
        assertFalse(Files.exists(ran), "no process is started when a sysctl forbids it outright");
        assertTrue(e.getMessage().endsWith("sysctl user.max_user_namespaces = 0 allows no user namespace (set it above 0)"),
                e.getMessage());
    }

    @Test
    void asRootAFailingUnshareNamesCapSysAdmin(@TempDir Path dir) throws Exception {
        AgentLaunch launch = AgentLaunch.of(false).withUnshare(
                List.of(fakeUnshare(dir, dir.resolve("ran").toString()).toString()), true);
        IOException e = assertThrows(IOException.class, () -> NamespaceAgent.start(launch, new UserNamespaceSupport()));
        assertTrue(e.getMessage().endsWith("making a network namespace needs CAP_SYS_ADMIN"), e.getMessage());
    }

    @Test
    void killingTheParentJvmLeavesNoAgentAndNoNamespace() throws Exception {
        Privileges.assumeRoot();
        String marker = "nlwbk" + ProcessHandle.current().pid() % 100000;
        ProcessHandle agent;
        String netns;
        try (ChildJvm child = ChildJvm.start(HoldAgentMain.class, marker)) {
            String[] line = String.valueOf(child.readLine()).split(" ");
            assertEquals("agent", line[0], String.join(" ", line));
            agent = ProcessHandle.of(Long.parseLong(line[1])).orElseThrow();
            netns = line[2];
            assertTrue(agent.isAlive());
            assertTrue(inNamespace(agent.pid(), marker), "the marker link is in the agent's namespace");
            child.process().destroyForcibly(); // SIGKILL: no hook runs in the parent
            child.process().waitFor();
        }
        agent.onExit().get(60, TimeUnit.SECONDS);
        assertFalse(agent.isAlive(), "the agent ended with its parent");
        List<Long> holders = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("ns/net")).toString().equals(netns)
                            && inNamespace(Long.parseLong(p.getFileName().toString()), marker)) {
                        holders.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        assertEquals(List.of(), holders, "no process is left in the marked namespace");
    }

    /** Whether link {@code name} exists in the network namespace of process {@code pid}. */
    private static boolean inNamespace(long pid, String name) throws Exception {
        Process p = new ProcessBuilder("nsenter", "--target", Long.toString(pid), "--net", "ip", "link", "show", name)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
