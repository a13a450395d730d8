package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;
import org.nlwb.decoder.ynl.SpecProblem;

/**
 * A spec the build has never seen, written at run time into a spec directory, decodes a family
 * whose id the capture itself announces; changing the file and reloading changes the decode.
 */
class SpecRuntimeReloadTest {
    private static final int FAMILY_ID = 0x24;

    private static final String SPEC_V1 = """
            name: nlwbtest
            protocol: genetlink
            doc: A family made up by the test.
            definitions:
              -
                name: colour
                type: enum
                entries: [ red, green, blue ]
            attribute-sets:
              -
                name: nlwbtest
                attributes:
                  -
                    name: greeting
                    type: string
                  -
                    name: count
                    type: u32
            operations:
              list:
                -
                  name: hello
                  doc: Say hello.
                  attribute-set: nlwbtest
                  do:
                    request:
                      attributes: [ greeting, count ]
            """;

    /** v2 renames the first attribute and names the values of the second. */
    private static final String SPEC_V2 = SPEC_V1.replace("name: greeting", "name: salutation")
            .replace("type: u32", "type: u32\n        enum: colour").replace("[ greeting, count ]", "[ salutation, count ]");

    /** nlctrl's answer naming family {@value #FAMILY_ID} "nlwbtest", then two hello requests (before and after it). */
    static Capture capture() {
        Capture c = new Capture("made-up", "test");
        byte[] hello = NlBuilder.message(FAMILY_ID, 0x5, 7, 0,
                new NlBuilder().u8(1).u8(1).u16(0).attrString(1, "hi").attrU32(2, 2));
        byte[] newFamily = NlBuilder.message(0x10, 0, 6, 4242,
                new NlBuilder().u8(1).u8(2).u16(0).attrString(2, "nlwbtest").attrU16(1, FAMILY_ID));
        c.append(new Record(-1, Direction.TO_KERNEL, Protocol.GENERIC, -1, -1, null, "0", ByteView.of(hello)));
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, null, "1", ByteView.of(newFamily)));
        c.append(new Record(-1, Direction.TO_KERNEL, Protocol.GENERIC, -1, -1, null, "2", ByteView.of(hello)));
        return c;
    }

    static DecodedMessage decode(SpecLibrary library, Capture c, int i) {
        MessageDecoder d = new MessageDecoder(library.reload());
        IntFunction<Conversation> conv = Conversations.of(c);
        DecodedMessage m = d.decode(c.message(i), conv.apply(i));
        assertEquals(List.of(), TreeChecks.violations(m.tree(), c.message(i).length()));
        return m;
    }

    @Test
    void aSpecWrittenAtRunTimeDecodesAndAChangedSpecChangesTheDecodeOnReload(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("nlwbtest.yaml");
        Files.writeString(spec, SPEC_V1);
        SpecLibrary library = SpecLibrary.of(false, List.of(dir));
        Capture c = capture();

        DecodedMessage before = decode(library, c, 0);
        assertEquals("genl", before.className(), "the id is not known before nlctrl names it: only the fallback reads it");
        assertTrue(before.tree().child("genlmsghdr").note().contains("no spec for generic netlink family id 0x24"));
        assertEquals(org.nlwb.decoder.tree.Status.UNKNOWN, before.tree().child("genl-attrs[1]").status());

        DecodedMessage v1 = decode(library, c, 2);
        assertEquals("nlwbtest", v1.className());
        assertEquals("NLWBTEST_CMD_HELLO", v1.typeName());
        assertEquals("nlwbtest (0x24)", v1.tree().child("nlmsghdr").child("nlmsg_type").display());
        Node greeting = v1.tree().child("NLWBTEST_A_GREETING");
        assertNotNull(greeting, v1.tree().toString());
        assertEquals("hi", greeting.value());
        assertEquals("2", v1.tree().child("NLWBTEST_A_COUNT").display());

        Files.writeString(spec, SPEC_V2);
        DecodedMessage v2 = decode(library, c, 2);
        assertNull(v2.tree().child("NLWBTEST_A_GREETING"));
        assertEquals("hi", v2.tree().child("NLWBTEST_A_SALUTATION").value());
        assertEquals("NLWBTEST_COLOUR_BLUE (2)", v2.tree().child("NLWBTEST_A_COUNT").display());
    }

    @Test
    void aWatcherReloadsWhenASpecFileAppears(@TempDir Path dir) throws Exception {
        SpecLibrary library = SpecLibrary.of(false, List.of(dir));
        java.util.concurrent.BlockingQueue<org.nlwb.decoder.registry.Registry> reloaded =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (SpecWatcher w = SpecWatcher.start(library, reloaded::add)) {
            assertTrue(library.reload().byName("nlwbtest").isEmpty());
            Files.writeString(dir.resolve("nlwbtest.yaml"), SPEC_V1);
            org.nlwb.decoder.registry.Registry r = reloaded.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(r, "no reload after a spec file appeared");
            assertTrue(r.byName("nlwbtest").isPresent());
        }
    }

    @Test
    void aUserMappingNamesAFamilyTheCaptureNeverAnnounced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("nlwbtest.yaml"), SPEC_V1);
        Capture c = capture();
        MessageDecoder d = new MessageDecoder(SpecLibrary.of(false, List.of(dir)).reload());
        var entry = Conversations.parseGenlFamily("0x24=nlwbtest");
        DecodedMessage m = d.decode(c.message(0), Conversations.of(c, java.util.Map.ofEntries(entry)).apply(0));
        assertEquals("NLWBTEST_CMD_HELLO", m.typeName());
    }

    @Test
    void aLaterDirectoryOverridesAnEarlierOneAndSaysSo(@TempDir Path root) throws Exception {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        Files.writeString(a.resolve("nlwbtest.yaml"), SPEC_V1);
        Files.writeString(a.resolve("other.yaml"), SPEC_V1.replace("name: nlwbtest\nprotocol", "name: other\nprotocol"));
        Files.writeString(b.resolve("mine.yaml"), SPEC_V2);
        SpecCatalog cat = SpecLibrary.of(false, List.of(a, b)).load();
        assertEquals(List.of("nlwbtest", "other"), cat.entries().stream().map(x -> x.family().name()).toList(),
                "an overriding spec keeps the place of the one it replaces");
        SpecCatalog.Entry e = cat.entry("nlwbtest").orElseThrow();
        assertEquals(b.resolve("mine.yaml").toString(), e.origin());
        assertEquals(List.of(a.resolve("nlwbtest.yaml").toString()), e.overridden());
        assertTrue(e.family().attributeSets().get("nlwbtest").byName("salutation") != null);
    }

    @Test
    void aBrokenSpecOnThePathIsReportedAndSkippedNotFatal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), SPEC_V1);
        Files.writeString(dir.resolve("zz-bad.yaml"), SPEC_V1.replace("name: nlwbtest\nprotocol", "name: other\nprotocol")
                .replace("type: u32", "type: u33"));
        SpecCatalog cat = SpecLibrary.of(false, List.of(dir)).load();
        assertTrue(cat.family("nlwbtest").isPresent());
        assertTrue(cat.family("other").isEmpty());
        assertEquals(1, cat.problems().size(), cat.problems().toString());
        SpecProblem p = cat.problems().get(0);
        assertTrue(p.file().endsWith("zz-bad.yaml"));
        assertEquals(18, p.line(), p.toString());
        assertEquals(15, p.column(), p.toString());
        assertTrue(p.message().contains("\"u33\" is not one of"), p.toString());
    }
}
