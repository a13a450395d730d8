package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.nlwb;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes on the {@code nlwb send} command line: each is said in plain words naming the option
 * (no Java class, no parser internals), exits 2 and sends nothing. Most runs name a namespace
 * that does not exist: had one tried to send, it would have exited 1.
 */
class SendUsageTest {
    private static final String NO_NS = "nlwb-test-does-not-exist";

    /** Exit 2 and exactly {@code message} as stderr's one line. */
    private static void refused(String message, String... args) {
        CliRun r = nlwb(args);
        assertEquals(2, r.exit(), r.all());
        assertEquals("nlwb send: " + message, r.err().strip());
        assertFalse(r.err().contains("Exception") || r.err().contains("java.") || r.err().contains("jackson"), r.err());
    }

    @Test
    void brokenJsonSaysWhatIsWrongAndWhere() {
        refused("--json: unexpected end of input at line 1, column 12",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": ");
        refused("--json: unexpected character 'i': was expecting double-quote to start field name at line 1, column 2",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{ifname: 1}");
        refused("--json: more text after the JSON value at line 1, column 9",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"a\":1} {\"b\":2}");
        refused("--json: unrecognized token 'tru': was expecting a JSON value at line 1, column 12",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": tru}");
        refused("--json: unexpected character '}': expected a JSON value at line 1, column 12",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--json", "{\"ifname\": }");
        refused("--multi getlink: unexpected end of input at line 1, column 2",
                "send", "--netns", NO_NS, "--family", "rt-link", "--multi", "getlink", "{");
    }

    @Test
    void namespaceNamesThatAreNoNamesAreRefusedPlainly() {
        refused("--netns: not a network namespace name: '' (a name under /var/run/netns, without '/')",
                "send", "--netns", "", "--family", "rt-link", "--do", "getlink");
        refused("--netns: not a network namespace name: '../../proc/self/ns/net' (a name under /var/run/netns, without '/')",
                "send", "--netns", "../../proc/self/ns/net", "--family", "rt-link", "--do", "getlink");
    }

    @Test
    void jsonAtFileIsReadAsJsonNotAsArguments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lo.json");
        Files.writeString(file, "{\"ifname\": \"lo\",\n \"ext-mask\": 1}\n");
        for (String[] form : new String[][] {{"--json", "@" + file}, {"--json=@" + file}}) {
            String[] args = new String[6 + form.length];
            System.arraycopy(new String[] {"send", "--dry-run", "--family", "rt-link", "--do", "getlink"}, 0, args, 0, 6);
            System.arraycopy(form, 0, args, 6, form.length);
            CliRun r = nlwb(args);
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().contains("IFLA_IFNAME: \"lo\"") && r.out().contains("IFLA_EXT_MASK"), r.out());
        }
        refused("--json @" + dir.resolve("missing.json") + ": no such file",
                "send", "--dry-run", "--family", "rt-link", "--do", "getlink", "--json", "@" + dir.resolve("missing.json"));
        Files.writeString(dir.resolve("broken.json"), "{\n  \"ifname\": \"lo\"\n");
        refused("--json @" + dir.resolve("broken.json") + ": unexpected end of input at line 3, column 1",
                "send", "--dry-run", "--family", "rt-link", "--do", "getlink", "--json", "@" + dir.resolve("broken.json"));
    }

    @Test
    void bytesNeedAProtocolAndHexDigits(@TempDir Path dir) {
        refused("--hex needs --protocol P (route, generic, netfilter, ... or a number): the bytes do not say which netlink "
                + "protocol they are for", "send", "--netns", NO_NS, "--hex", "1400");
        refused("--hex: 'g' is not a hex digit (after 2 digits)", "send", "--netns", NO_NS, "--protocol", "route", "--hex", "12g4");
        refused("--hex: 3 hex digits, an odd number: each byte is two", "send", "--netns", NO_NS, "--protocol", "route",
                "--hex", "123");
        refused("--protocol: unknown protocol 'bogus' (route, generic, netfilter, sock_diag, xfrm, audit, ... or 0..31)",
                "send", "--netns", NO_NS, "--protocol", "bogus", "--hex", "12");
        refused("--raw " + dir.resolve("none.bin") + ": no such file",
                "send", "--netns", NO_NS, "--protocol", "route", "--raw", dir.resolve("none.bin").toString());
        refused("--hex bytes are sent as given; --json, --flags, --no-ack and --no-nested-flag describe a --family request",
                "send", "--netns", NO_NS, "--protocol", "route", "--hex", "1400", "--flags", "create");
    }

    @Test
    void optionsThatDoNotGoTogetherSaySo() {
        refused("give one of --family (with --do, --dump or --multi), --hex, --raw and --from",
                "send", "--netns", NO_NS, "--family", "rt-link", "--hex", "00");
        refused("--multi OP JSON gives each request its operation and attributes; give no --do, --dump or --json with it",
                "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--multi", "getlink", "{}");
        refused("--protocol goes with --hex, --raw or --from; a --family names its own protocol",
                "send", "--netns", NO_NS, "--family", "rt-link", "--protocol", "route", "--do", "getlink");
        refused("--index N picks a message of --from FILE", "send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink",
                "--index", "2");
        refused("--cleanup removes orphaned namespaces and sends nothing; give it alone", "send", "--cleanup", "--family",
                "rt-link");
        CliRun group = nlwb("send", "--netns", NO_NS, "--family", "rt-link", "--do", "getlink", "--subscribe", "lnk");
        assertEquals(2, group.exit(), group.all());
        assertTrue(group.err().startsWith("nlwb send: --subscribe: no NETLINK_ROUTE multicast group 'lnk'; known: link, "
                + "notify, neigh,"), group.err());
    }
}
