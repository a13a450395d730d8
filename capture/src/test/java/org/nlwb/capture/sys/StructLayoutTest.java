package org.nlwb.capture.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Struct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jnr-ffi structs must match the C layout byte for byte, tail padding included. With gcc
 * present the expected numbers come from the C compiler itself; without it, from the known
 * x86_64 values.
 */
class StructLayoutTest {
    private static final Map<String, Long> KNOWN_X86_64 = Map.ofEntries(
            Map.entry("sizeof(struct sockaddr_nl)", 12L), Map.entry("offsetof(struct sockaddr_nl, nl_pid)", 4L),
            Map.entry("offsetof(struct sockaddr_nl, nl_groups)", 8L),
            Map.entry("sizeof(struct iovec)", 16L), Map.entry("offsetof(struct iovec, iov_len)", 8L),
            Map.entry("sizeof(struct msghdr)", 56L), Map.entry("offsetof(struct msghdr, msg_namelen)", 8L),
            Map.entry("offsetof(struct msghdr, msg_iov)", 16L), Map.entry("offsetof(struct msghdr, msg_iovlen)", 24L),
            Map.entry("offsetof(struct msghdr, msg_control)", 32L),
            Map.entry("offsetof(struct msghdr, msg_controllen)", 40L),
            Map.entry("offsetof(struct msghdr, msg_flags)", 48L),
            Map.entry("sizeof(struct sockaddr_ll)", 20L), Map.entry("offsetof(struct sockaddr_ll, sll_ifindex)", 4L),
            Map.entry("offsetof(struct sockaddr_ll, sll_pkttype)", 10L),
            Map.entry("offsetof(struct sockaddr_ll, sll_addr)", 12L));

    private static Map<String, Long> expected;

    @BeforeAll
    static void layoutFromCompiler(@TempDir Path dir) throws Exception {
        expected = compileAndRun(dir);
        if (expected == null) {
            expected = KNOWN_X86_64;
        }
    }

    /** Compiles a C program printing every key of {@link #KNOWN_X86_64}; null when gcc is missing. */
    private static Map<String, Long> compileAndRun(Path dir) throws IOException, InterruptedException {
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/socket.h>
                #include <sys/uio.h>
                #include <linux/netlink.h>
                #include <linux/if_packet.h>
                int main(void) {
                """);
        for (String k : KNOWN_X86_64.keySet()) {
            c.append("  printf(\"%s=%zu\\n\", \"").append(k).append("\", (size_t) ").append(k).append(");\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("layout.c");
        Path exe = dir.resolve("layout");
        Files.writeString(src, c);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (IOException noGcc) {
            return null;
        }
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new AssertionError("gcc failed on the layout probe:\n" + out);
        }
        Process run = new ProcessBuilder(exe.toString()).start();
        Map<String, Long> m = new HashMap<>();
        for (String line : new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.lastIndexOf('=');
            m.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        run.waitFor();
        return m;
    }

    private static long e(String key) {
        return expected.get(key);
    }

    @Test
    void sockaddrNlMatchesC() {
        SockaddrNl s = new SockaddrNl(Sys.runtime());
        assertEquals(e("sizeof(struct sockaddr_nl)"), Struct.size(s));
        assertEquals(e("offsetof(struct sockaddr_nl, nl_pid)"), s.pid.offset());
        assertEquals(e("offsetof(struct sockaddr_nl, nl_groups)"), s.groups.offset());
        assertEquals(SockaddrNl.SIZE, Struct.size(s));
    }

    @Test
    void iovecMatchesC() {
        IoVec v = new IoVec(Sys.runtime());
        assertEquals(e("sizeof(struct iovec)"), Struct.size(v));
        assertEquals(e("offsetof(struct iovec, iov_len)"), v.len.offset());
    }

    @Test
    void msghdrMatchesCIncludingTailPadding() {
        MsgHdr m = new MsgHdr(Sys.runtime());
        assertEquals(e("sizeof(struct msghdr)"), Struct.size(m));
        assertEquals(e("offsetof(struct msghdr, msg_namelen)"), m.namelen.offset());
        assertEquals(e("offsetof(struct msghdr, msg_iov)"), m.iov.offset());
        assertEquals(e("offsetof(struct msghdr, msg_iovlen)"), m.iovlen.offset());
        assertEquals(e("offsetof(struct msghdr, msg_control)"), m.control.offset());
        assertEquals(e("offsetof(struct msghdr, msg_controllen)"), m.controllen.offset());
        assertEquals(e("offsetof(struct msghdr, msg_flags)"), m.flags.offset());
    }

    @Test
    void sockaddrLlMatchesC() {
        SockaddrLl s = new SockaddrLl(Sys.runtime());
        assertEquals(e("sizeof(struct sockaddr_ll)"), Struct.size(s));
        assertEquals(e("offsetof(struct sockaddr_ll, sll_ifindex)"), s.ifindex.offset());
        assertEquals(e("offsetof(struct sockaddr_ll, sll_pkttype)"), s.pkttype.offset());
        assertEquals(e("offsetof(struct sockaddr_ll, sll_addr)"), s.addr[0].offset());
    }
}
