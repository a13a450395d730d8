package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nlwb decode big | head}: when the reader of standard output goes away, decode stops like
 * any Unix filter (quietly, status 141 as a shell shows a SIGPIPE death) instead of decoding the
 * rest of the file into a closed pipe. pyroute2's nl0.pcap decodes to 1.5 MB of JSON, far more
 * than a pipe and nlwb's 64 KiB buffer hold, so the write after the close must fail.
 */
class DecodeClosedPipeTest {
    private static final Path NL0 = Path.of(System.getProperty("nlwb.shared", "../../shared"), "samples/pyroute2/nl0.pcap");

    @ParameterizedTest
    @ValueSource(strings = {"--json", "--all"})
    void aClosedPipeEndsTheDecodeQuietly(String form) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.nlwb.app.Main", "decode", form, NL0.toString()));
        Process p = new ProcessBuilder(cmd).start();
        try (InputStream out = p.getInputStream()) {
            byte[] head = out.readNBytes(1000);
            assertEquals(1000, head.length, "the decode started writing");
        } // closed: the next write of the child meets EPIPE
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the decode ended after its reader went away");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(DecodeCommand.EXIT_BROKEN_PIPE, p.exitValue(), err);
        assertEquals("", err, "nothing to say on stderr: the reader stopped on purpose");
    }
}
