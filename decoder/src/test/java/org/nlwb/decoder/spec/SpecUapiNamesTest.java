package org.nlwb.decoder.spec;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * The kernel constant names and numbers the loader derives (attribute numbering, name prefixes,
 * directional message ids) agree with the kernel's own UAPI headers in /usr/include/linux for
 * every name both know. The headers are older than the specs, so names only the specs know are
 * not checked; a minimum count makes sure the comparison has substance.
 */
class SpecUapiNamesTest {
    private static final Pattern ENUM = Pattern.compile("enum\\s*\\w*\\s*\\{([^}]*)\\}", Pattern.DOTALL);
    private static final Pattern DEFINE = Pattern.compile("#define\\s+([A-Z][A-Z0-9_]+)\\s+(0x[0-9a-fA-F]+|\\d+)\\b");

    /** Every enum constant and integer #define of a header. */
    static Map<String, Long> constants(Path header) throws IOException {
        String text = Files.readString(header).replaceAll("/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Map<String, Long> out = new HashMap<>();
        Matcher d = DEFINE.matcher(text);
        while (d.find()) {
            out.put(d.group(1), Long.decode(d.group(2)));
        }
        Matcher e = ENUM.matcher(text);
        while (e.find()) {
            long next = 0;
            for (String item : e.group(1).split(",")) {
                String t = item.replaceAll("#[^\n]*", "").strip();
                if (t.isEmpty()) {
                    continue;
                }
                String name = t;
                Long value = next;
                int eq = t.indexOf('=');
                if (eq > 0) {
                    name = t.substring(0, eq).strip();
                    String expr = t.substring(eq + 1).strip();
                    value = expr.matches("0x[0-9a-fA-F]+|\\d+") ? Long.decode(expr) : out.get(expr);
                }
                if (value == null || !name.matches("[A-Z_][A-Z0-9_]*")) {
                    break; // an expression this little parser does not follow; stop counting this enum
                }
                out.put(name, value);
                next = value + 1;
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "rt-link.yaml, rtnetlink.h if_link.h, 60",
        "rt-addr.yaml, rtnetlink.h if_addr.h, 10",
        "rt-route.yaml, rtnetlink.h, 30",
        "rt-neigh.yaml, rtnetlink.h neighbour.h, 15",
        "rt-rule.yaml, rtnetlink.h fib_rules.h, 15",
        "nlctrl.yaml, genetlink.h, 15",
        "devlink.yaml, devlink.h, 100",
        "team.yaml, if_team.h, 10",
        "wireguard.yaml, wireguard.h, 10",
        "fou.yaml, fou.h, 10",
        "tcp_metrics.yaml, tcp_metrics.h, 15",
        "ovs_datapath.yaml, openvswitch.h, 8",
        "ovs_vport.yaml, openvswitch.h, 8",
        "mptcp_pm.yaml, mptcp.h, 15",
        "ethtool.yaml, ethtool_netlink.h ethtool_netlink_generated.h, 100",
    })
    void derivedNamesAndNumbersMatchTheUapiHeaders(String spec, String headers, int atLeast) throws Exception {
        Map<String, Long> uapi = new HashMap<>();
        for (String h : headers.split(" ")) {
            Path p = Path.of("/usr/include/linux", h);
            if (Files.exists(p)) {
                uapi.putAll(constants(p));
            }
        }
        Path file = SpecLoadKernelSpecsTest.ynl().resolve(spec);
        Family f = SpecLibrary.parse(file.toString(), Files.readAllBytes(file));
        Map<String, Long> ours = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (AttrSetSpec s : f.attributeSets().values()) {
            for (AttrSpec a : s.attributes()) {
                ours.put(a.kernelName(), (long) a.value());
            }
        }
        for (OpSpec op : f.operations()) {
            if (op.toKernelName() != null) {
                ours.put(op.toKernelName(), (long) op.requestId());
            }
            if (op.fromKernelName() != null) {
                Long prev = ours.put(op.fromKernelName(), (long) op.replyId());
                if (prev != null && prev != (long) op.replyId() && !f.directional()) {
                    clashes.add(op.fromKernelName());
                }
            }
        }
        int matched = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : ours.entrySet()) {
            Long k = uapi.get(e.getKey());
            if (k != null) {
                matched++;
                if (!k.equals(e.getValue())) {
                    wrong.add(e.getKey() + ": spec " + e.getValue() + ", header " + k);
                }
            }
        }
        assertEquals(List.of(), wrong, spec);
        assertEquals(List.of(), clashes, spec);
        assertTrue(matched >= atLeast, spec + ": only " + matched + " names found in " + headers);
    }
}
