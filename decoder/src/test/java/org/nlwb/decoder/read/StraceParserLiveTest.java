package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * The way a live capture uses {@link StraceParser}: strace's output read line by line while the
 * traced command runs, here {@code ip link show} in a throwaway network namespace.
 */
class StraceParserLiveTest {

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return p.exitValue();
    }

    @Test
    @NeedsRoot
    void parsesALiveStraceOfIpLinkShowInAThrowawayNamespace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip")), "ip is not installed");
        String ns = "nlwb-test-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        assumeTrue(run("ip", "netns", "add", ns) == 0, "cannot create a network namespace (not root?)");
        try {
            List<Record> records = new ArrayList<>();
            List<Diagnostic> diags = new ArrayList<>();
            StraceParser parser = new StraceParser("live strace", records::add, diags::add);
            // strace writes its trace to stderr; ip's own output is discarded
            Process p = new ProcessBuilder("ip", "netns", "exec", ns, "strace", "-f", "-ttt", "-yy",
                    "-e", "trace=%network", "-e", "read=all", "-e", "write=all", "ip", "link", "show")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.ISO_8859_1))) {
                String line;
                while ((line = err.readLine()) != null) {
                    parser.accept(line);
                }
            }
            parser.finish();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals(List.of(), diags);
            assertTrue(records.size() >= 4, records.toString());
            Record first = records.get(0);
            assertEquals(Protocol.ROUTE, first.protocol());
            assertEquals(Direction.TO_KERNEL, first.direction());
            assertEquals(1, first.bytes().u16le(6) & 1, "NLM_F_REQUEST");
            assertTrue(records.stream().anyMatch(r -> r.direction() == Direction.FROM_KERNEL
                    && r.bytes().u16le(4) == 16), "an RTM_NEWLINK reply for lo");
            assertTrue(first.timeNanos() > 1_600_000_000L * 1_000_000_000L, "an epoch time from -ttt");
        } finally {
            run("ip", "netns", "del", ns);
        }
    }
}
