package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.testing.NeedsRoot;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * A real kernel conversation in a throwaway network namespace: a bridge with a veth as its port,
 * listed by {@code ip -d link show} under strace, decodes with the kernel's rt-link spec down to
 * the sub-messages IFLA_INFO_DATA chosen by IFLA_INFO_KIND and IFLA_INFO_SLAVE_DATA chosen by
 * IFLA_INFO_SLAVE_KIND. (This kernel has no vlan, dummy or tunnel link types; bridge and veth work.) Needs root, ip and strace; skipped
 * otherwise. The namespace is always removed.
 */
class SpecLiveNetnsTest {

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean has(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/sbin", tool))
                || Files.isExecutable(Path.of("/sbin", tool)) || Files.isExecutable(Path.of("/bin", tool));
    }

    @Test
    @NeedsRoot
    void aBridgeAndItsPortDecodeTheirInfoDataByTheKindsBeforeThem(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && has("ip") && has("strace"), "needs root, ip and strace");
        String ns = "nlwb-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path log = dir.resolve("ip-vlan.strace.txt");
        assumeTrue(run(List.of("ip", "netns", "add", ns)) == 0, "cannot create a network namespace");
        try {
            assertEquals(0, run(List.of("ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")));
            assertEquals(0, run(List.of("ip", "-n", ns, "link", "add", "br0", "type", "bridge", "forward_delay", "400")));
            assertEquals(0, run(List.of("ip", "-n", ns, "link", "set", "v0", "master", "br0")));
            assertEquals(0, run(List.of("strace", "-f", "-ttt", "-yy", "-e", "trace=%network", "-e", "read=all",
                    "-e", "write=all", "-o", log.toString(), "ip", "-n", ns, "-d", "link", "show")));
        } finally {
            run(List.of("ip", "netns", "del", ns));
        }
        List<DecodedMessage> ms = SpecDecodeCapturedTest.decode(log);
        List<String> names = new ArrayList<>();
        Node bridge = null;
        Node port = null;
        for (DecodedMessage m : ms) {
            Node name = m.tree().child("IFLA_IFNAME");
            if (m.ref().record().direction() != Direction.FROM_KERNEL || name == null) {
                continue;
            }
            assertEquals("RTM_NEWLINK", m.typeName());
            names.add((String) name.value());
            if ("br0".equals(name.value())) {
                bridge = m.tree().child("IFLA_LINKINFO");
            } else if ("v0".equals(name.value())) {
                port = m.tree().child("IFLA_LINKINFO");
            }
        }
        assertTrue(names.containsAll(List.of("lo", "v0", "v1", "br0")), names.toString());
        assertEquals("bridge", bridge.child("IFLA_INFO_KIND").value());
        Node data = bridge.child("IFLA_INFO_DATA");
        assertEquals(Status.OK, data.status());
        assertEquals(400L, data.child("IFLA_BR_FORWARD_DELAY").value());
        // the port: its own kind (veth) has no layout in rt-link.yaml, its master's (bridge) does
        assertEquals("veth", port.child("IFLA_INFO_KIND").value());
        Node vethData = port.child("IFLA_INFO_DATA");
        if (vethData != null) {
            assertEquals(Status.UNKNOWN, vethData.status());
            assertTrue(vethData.note().contains("no format for IFLA_INFO_KIND = veth"), vethData.note());
        }
        assertEquals("bridge", port.child("IFLA_INFO_SLAVE_KIND").value());
        Node slave = port.child("IFLA_INFO_SLAVE_DATA");
        assertEquals(Status.OK, slave.status());
        assertTrue(slave.child("IFLA_BRPORT_STATE") != null, slave.toString());
    }
}
