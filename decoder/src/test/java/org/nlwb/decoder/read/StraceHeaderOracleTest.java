package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * strace decodes the same buffers it dumps: its structured decode is a second, independent
 * decoder. Every nlmsghdr strace prints (outer messages and the requests echoed in NLMSG_ERROR, in
 * file order) must agree with ours on length, type, flags, seq and pid, and every NLMSG_ERROR's
 * error code must agree.
 */
class StraceHeaderOracleTest {
    private static final Pattern HEADER = Pattern.compile(
            "\\{nlmsg_len=(\\d+), nlmsg_type=([^,]+?), nlmsg_flags=([^,]+), nlmsg_seq=(\\d+), nlmsg_pid=(-?\\d+)\\}");
    private static final Pattern ERROR = Pattern.compile("\\{error=(-?[A-Z0-9]+|0)");
    private static final Map<String, Integer> FLAGS = Map.ofEntries(
            Map.entry("NLM_F_REQUEST", 0x1), Map.entry("NLM_F_MULTI", 0x2), Map.entry("NLM_F_ACK", 0x4),
            Map.entry("NLM_F_ECHO", 0x8), Map.entry("NLM_F_DUMP_INTR", 0x10), Map.entry("NLM_F_DUMP_FILTERED", 0x20),
            Map.entry("NLM_F_ROOT", 0x100), Map.entry("NLM_F_MATCH", 0x200), Map.entry("NLM_F_ATOMIC", 0x400),
            Map.entry("NLM_F_DUMP", 0x300), Map.entry("NLM_F_REPLACE", 0x100), Map.entry("NLM_F_EXCL", 0x200),
            Map.entry("NLM_F_CREATE", 0x400), Map.entry("NLM_F_APPEND", 0x800), Map.entry("NLM_F_NONREC", 0x100),
            Map.entry("NLM_F_BULK", 0x200), Map.entry("NLM_F_CAPPED", 0x100), Map.entry("NLM_F_ACK_TLVS", 0x200));

    /** nlmsg_type names strace prints, with their numbers from the UAPI headers. */
    private static Map<String, Integer> typeNumbers() throws IOException {
        Map<String, Integer> types = new HashMap<>();
        Matcher m = Pattern.compile("(RTM_[A-Z]+)\\s*=\\s*(\\d+)")
                .matcher(Files.readString(Path.of("/usr/include/linux/rtnetlink.h")));
        while (m.find()) {
            types.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        types.put("NLMSG_NOOP", 1);
        types.put("NLMSG_ERROR", 2);
        types.put("NLMSG_DONE", 3);
        types.put("NLMSG_OVERRUN", 4);
        types.put("SOCK_DIAG_BY_FAMILY", 20);
        types.put("nlctrl", 0x10);
        return types;
    }

    record Header(long len, int type, String typeName, int flags, long seq, long pid) {
    }

    @TestFactory
    Stream<DynamicTest> everyHeaderStracePrintsAgreesWithOurs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path dir : List.of(Samples.shared().resolve("samples/captured"), Samples.project())) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".strace.txt")).sorted().forEach(logs::add);
                }
            }
        }
        assertTrue(logs.size() >= 7, "strace logs expected in " + Samples.shared());
        Map<String, Integer> types = typeNumbers();
        return logs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, types)));
    }

    private static void check(Path log, Map<String, Integer> types) throws Exception {
        List<Header> theirs = new ArrayList<>();
        List<String> theirErrors = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(" |") || line.startsWith(" *") || line.contains("MSG_PEEK")) {
                continue;
            }
            Matcher m = HEADER.matcher(line);
            while (m.find()) {
                if (line.startsWith("}, {iov_base=", Math.max(0, m.start() - "}, {iov_base=".length()))) {
                    continue; // strace reads a later iovec of one sendmsg (tc's request body) as a header
                }
                // strace spells nfnetlink types NFNL_SUBSYS_IPSET<<8|IPSET_CMD_LIST, we the message's own constant
                String t = m.group(2).replaceAll("\\s*/\\*.*\\*/", "").replaceFirst("^NFNL_SUBSYS_\\w+<<8\\|", "").trim();
                Integer type = t.startsWith("0x") ? Integer.valueOf(Integer.parseInt(t.substring(2), 16)) : types.get(t);
                theirs.add(new Header(Long.parseLong(m.group(1)), type == null ? -1 : type, t, flags(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) & 0xffffffffL));
            }
            Matcher e = ERROR.matcher(line);
            while (e.find()) {
                theirErrors.add(e.group(1));
            }
        }
        Capture c = Loader.standard().load(log, DumpFormat.STRACE, Protocol.UNKNOWN);
        MessageDecoder decoder = new MessageDecoder(RegistryFactory.standard(List.of()));
        var conv = Conversations.of(c);
        List<Node> ours = new ArrayList<>();
        List<String> ourErrors = new ArrayList<>();
        int trailing = 0;
        for (MessageRef ref : c.messages()) {
            if (ref.kind() == org.nlwb.decoder.message.FrameKind.TRAILING) {
                trailing++;
            }
            Node tree = decoder.decode(ref, conv.apply(ref.index())).tree();
            tree.walk(n -> {
                if (n.name().equals("nlmsghdr")) {
                    ours.add(n);
                }
            });
            if (tree.name().equals("NLMSG_ERROR") && tree.child("error") != null) {
                long err = (Long) tree.child("error").value();
                ourErrors.add(err == 0 ? "0" : org.nlwb.decoder.message.Errno.signedName((int) err));
            }
        }
        // strace reads the zeros iproute2 sends after its RTM_GETROUTE as a header of nlmsg_len 0;
        // for us they are a trailing entry, not a message.
        long zeroHeaders = theirs.stream().filter(h -> h.len == 0).count();
        theirs.removeIf(h -> h.len == 0);
        assertEquals(zeroHeaders, trailing, log + ": zero-length headers strace shows vs our trailing entries");
        assertEquals(theirs.size(), ours.size(), log + ": number of nlmsghdrs");
        for (int i = 0; i < theirs.size(); i++) {
            Header h = theirs.get(i);
            Node o = ours.get(i);
            String where = log.getFileName() + " header " + i + " (" + h.typeName + ")";
            assertEquals(h.len, o.child("nlmsg_len").value(), where + " nlmsg_len");
            if (h.type >= 0) {
                assertEquals((long) h.type, o.child("nlmsg_type").value(), where + " nlmsg_type");
            }
            String ourName = o.child("nlmsg_type").display();
            if (!h.typeName.startsWith("0x") && !ourName.startsWith("0x") && !h.typeName.equals("nlctrl")) {
                // a generic netlink family: strace prints its name, we add its id ("ethtool (0x15)")
                assertEquals(h.typeName, ourName.startsWith(h.typeName + " (0x") ? h.typeName : ourName, where + " type name");
            }
            assertEquals((long) h.flags, o.child("nlmsg_flags").value(), where + " nlmsg_flags");
            assertEquals(h.seq, o.child("nlmsg_seq").value(), where + " nlmsg_seq");
            assertEquals(h.pid, o.child("nlmsg_pid").value(), where + " nlmsg_pid");
        }
        assertEquals(theirErrors, ourErrors, log + ": NLMSG_ERROR codes");
    }

    private static int flags(String text) {
        int v = 0;
        for (String part : text.trim().split("\\|")) {
            String p = part.trim();
            if (p.startsWith("0x")) {
                v |= Integer.parseInt(p.substring(2), 16);
            } else if (p.matches("\\d+")) {
                v |= Integer.parseInt(p);
            } else {
                Integer f = FLAGS.get(p);
                if (f == null) {
                    throw new AssertionError("unknown flag name in strace output: " + p);
                }
                v |= f;
            }
        }
        return v;
    }
}
