package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * strace decodes the same buffers with its own tables. Every attribute strace names in a capture
 * must appear, in the same order and with the same nla_len, among the attributes the kernel specs
 * name for us (strace 6.1 names no nlctrl attributes, and none at all in another network namespace,
 * so those captures are left to the other tests); where strace prints a plain number, a string or an {@code inet_addr}, the value
 * must agree too.
 */
class SpecStraceOracleTest {
    private static final Pattern ATTR = Pattern.compile(
            "\\{nla_len=(\\d+), nla_type=([A-Z][A-Z0-9_]*)[^}]*\\}, (\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+\\]|inet_addr\\(\"[^\"]+\"\\)|inet_pton\\(AF_INET6, \"[^\"]+\"\\))?");

    record Seen(String name, int len, Object value) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"ip-addr-show", "ip-d-link-show", "ip-route-show"})
    void everyAttributeStraceNamesIsNamedAlikeByTheSpecs(String sample) throws Exception {
        List<Seen> strace = new ArrayList<>();
        for (String line : Files.readAllLines(Samples.shared().resolve("samples/captured/" + sample + ".strace.txt"))) {
            if (line.startsWith(" |") || line.startsWith(" *")) {
                continue;
            }
            Matcher m = ATTR.matcher(line);
            while (m.find()) {
                strace.add(new Seen(m.group(2), Integer.parseInt(m.group(1)), value(m.group(3))));
            }
        }
        assertTrue(strace.size() > 3, "strace names attributes in " + sample);
        List<Node> ours = new ArrayList<>();
        for (DecodedMessage d : SpecDecodeCapturedTest.decode(sample + ".pcap")) {
            d.tree().walk(n -> {
                if (n.child("nla_type") != null) {
                    ours.add(n);
                }
            });
        }
        int at = 0;
        int compared = 0;
        for (Seen s : strace) {
            int found = -1;
            for (int i = at; i < ours.size(); i++) {
                if (ours.get(i).name().equals(s.name()) && ours.get(i).length() == s.len()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                fail(sample + ": strace's " + s + " not found in our attributes after #" + at + " ("
                        + (at < ours.size() ? ours.get(at).name() : "end") + ")");
            }
            if (s.value() != null) {
                Object v = ours.get(found).value();
                assertEquals(s.value().toString(), String.valueOf(v), sample + ": value of " + s.name() + " at offset "
                        + ours.get(found).offset());
                compared++;
            }
            at = found + 1;
        }
        assertTrue(compared > 0, "some values compared");
    }

    private static Object value(String token) {
        if (token == null) {
            return null;
        }
        if (token.startsWith("\"")) {
            String s = token.substring(1, token.length() - 1);
            return s.contains("\\") ? null : s;
        }
        if (token.startsWith("inet_addr(\"") || token.startsWith("inet_pton(")) {
            return token.substring(token.indexOf('"') + 1, token.lastIndexOf('"'));
        }
        return Long.parseLong(token.substring(0, token.length() - 1));
    }
}
