package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.ynl.SpecProblem;
import org.nlwb.decoder.ynl.YamlReader;

/**
 * Hostile and wrong specs are refused with {@code file:line:column} and never hang: over-long
 * lines (which SnakeYAML parses in quadratic time), huge files, alias bombs, anchor cycles, deep
 * nesting, wrong types, attribute numbers that no nla_type can carry. A set nesting itself is a
 * legal spec and decodes to the nesting depth limit.
 */
class SpecLimitsTest {

    private static SpecProblem only(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> SpecLibrary.parse("x.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    private static List<String> problems(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> SpecLibrary.parse("x.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return e.problems().stream().map(SpecProblem::toString).toList();
    }

    /** A netlink-raw family on protocol 31 with one attribute set, whose attributes are {@code attrs}. */
    private static String family(String attrs) {
        return "name: t\nprotocol: netlink-raw\nprotonum: 31\nattribute-sets:\n  - name: a\n    attributes:\n" + attrs
                + "operations:\n  list:\n    - name: get\n      value: 16\n      attribute-set: a\n"
                + "      do:\n        request:\n          attributes: [n]\n";
    }

    @Test
    void oneVeryLongLineIsRefusedAtTheColumnWhereItPassesTheLimit() {
        SpecProblem p = only("name: x\ndoc: \"" + "a".repeat(5 << 20 >> 2) + "\"\n");
        assertEquals("x.yaml:2:16385: line longer than 16384 bytes (16 KiB); spec lines are limited to that because the "
                + "YAML parser takes time quadratic in the length of one line, and every command reads every spec on the "
                + "search path", p.toString());
    }

    @Test
    void aHugeFileIsRefusedSayingWhatTheLimitIsFor() {
        StringBuilder sb = new StringBuilder("name: x\ndoc: |\n");
        while (sb.length() <= YamlReader.MAX_FILE_BYTES) {
            sb.append("  ").append("word ".repeat(200)).append('\n');
        }
        SpecProblem p = only(sb.toString());
        assertTrue(p.line() > 3000 && p.column() > 0, p.toString());
        assertTrue(p.message().startsWith("the file is " + sb.length() + " bytes; spec files are limited to 3145728 bytes "
                + "(3 MiB) so that a stray file in ~/.config/nlwb/specs or another spec directory cannot slow every command"),
                p.message());
    }

    @Test
    void anAliasBombIsRefusedAtTheAliasThatCrossesTheNodeLimit() {
        StringBuilder bomb = new StringBuilder("name: x\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(9))
                    .append("*l").append(i - 1).append("]\n");
        }
        SpecProblem p = only(bomb.toString());
        assertEquals(7, p.line(), "l5 would stand for 1111111 nodes");
        assertTrue(p.message().startsWith("alias *l4 brings the document to more than 1000000 nodes with aliases expanded"),
                p.message());
    }

    @Test
    void anAnchorThatContainsItsOwnAliasIsRefusedAsACycle() {
        SpecProblem p = only("name: x\nattribute-sets: &s\n  - name: a\n    attributes: *s\n");
        assertEquals("x.yaml:4:17: not valid YAML: alias *s names no anchor", p.toString());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        SpecProblem p = only("name: x\ndoc: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertEquals(2, p.line());
        assertEquals(105, p.column(), "the 101st [");
        assertTrue(p.message().startsWith("mappings and lists nest more than 100 levels deep here"), p.message());
    }

    @Test
    void wrongTypesAreRefusedWithFileLineAndColumn() {
        assertEquals(List.of("x.yaml:2:17: .attribute-sets: must be a list, is \"5\"", "x.yaml:1:1: missing required key \"operations\""),
                problems("name: x\nattribute-sets: 5\n"));
        List<String> wrong = problems(family("      - name: n\n        type: u32\n        value: twelve\n"));
        assertTrue(wrong.contains("x.yaml:9:16: attribute-sets[a].attributes[n].value: must be an integer, is \"twelve\""),
                wrong.toString());
    }

    @Test
    void attributeNumbersOutsideNlaTypeAreRefusedWhereTheyAreGiven() {
        for (String v : List.of("16384", "70000", "-5", "0x4000")) {
            SpecProblem p = only(family("      - name: n\n        type: u32\n        value: " + v + "\n"));
            assertEquals(9, p.line());
            assertEquals(16, p.column());
            assertEquals("attribute-sets[a].attributes[n].value", p.path());
            assertTrue(p.message().endsWith(" is not an attribute number: nla_type holds 0..16383 (bits 14 and 15 are "
                    + "the NLA_F_NET_BYTEORDER and NLA_F_NESTED flags)"), p.message());
        }
    }

    @Test
    void aCountedNumberPastTheLimitIsRefusedAtItsAttribute() {
        SpecProblem p = only(family("      - name: last\n        type: u32\n        value: 16383\n"
                + "      - name: n\n        type: u32\n"));
        assertEquals("x.yaml:10:9: attribute-sets[a].attributes[n]: counted number 16384 is not an attribute number: "
                + "nla_type holds 0..16383 (bits 14 and 15 are the NLA_F_NET_BYTEORDER and NLA_F_NESTED flags)", p.toString());
    }

    @Test
    void numbersZeroAndTheLargestAreAttributeNumbers() throws Exception {
        Family f = SpecLibrary.parse("x.yaml", family("      - name: zero\n        type: u32\n        value: 0\n"
                + "      - name: n\n        type: u32\n        value: 16383\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(16383, f.attributeSets().get("a").byName("n").value());
    }

    @Test
    void loadingLeavesOutASpecWithABadNumberAndSaysWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), family("      - name: n\n        type: u32\n        value: 70000\n"));
        SpecCatalog cat = SpecLibrary.of(false, List.of(dir)).load();
        assertTrue(cat.family("t").isEmpty());
        assertEquals(1, cat.problems().size());
        assertTrue(cat.problems().get(0).toString().startsWith(dir.resolve("t.yaml") + ":9:16: "), cat.problems().toString());
    }

    @Test
    void aNamedSpecDirectoryThatIsMissingIsAProblemOfTheCatalog(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        SpecCatalog cat = SpecLibrary.of(false, List.of(missing)).load();
        assertEquals(List.of(missing + ": no such directory"), cat.problems().stream().map(SpecProblem::toString).toList());
    }

    @Test
    void aSetThatNestsItselfLoadsAndDecodesToTheDepthLimit(@TempDir Path dir) throws Exception {
        String spec = family("      - name: n\n        type: nest\n        nested-attributes: a\n");
        Files.writeString(dir.resolve("t.yaml"), spec);
        SpecLibrary lib = SpecLibrary.of(false, List.of(dir));
        SpecCatalog cat = lib.load();
        assertEquals(List.of(), cat.problems(), "a cycle is no problem");
        NlBuilder inner = new NlBuilder();
        for (int i = 0; i < AttributeWalker.MAX_DEPTH + 8; i++) {
            inner = new NlBuilder().attr(1, inner);
        }
        byte[] msg = NlBuilder.message(16, 1, 1, 0, inner);
        Capture c = new Capture("t", "test");
        c.append(new Record(-1, Direction.TO_KERNEL, 31, -1, -1, null, "t", ByteView.of(msg)));
        DecodedMessage m = new MessageDecoder(lib.registry(cat)).decode(c.message(0), Conversation.empty());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), msg.length));
        Node deepest = m.tree();
        int depth = 0;
        while (deepest.children().stream().anyMatch(ch -> ch.name().equals("T_A_A_N"))) {
            deepest = deepest.children().stream().filter(ch -> ch.name().equals("T_A_A_N")).findFirst().orElseThrow();
            depth++;
        }
        assertTrue(depth >= AttributeWalker.MAX_DEPTH && depth <= AttributeWalker.MAX_DEPTH + 1, "depth " + depth);
        assertTrue(findNote(m.tree(), "nesting deeper than " + AttributeWalker.MAX_DEPTH + " levels is not decoded"),
                m.tree().toString());
    }

    private static boolean findNote(Node n, String text) {
        if (n.note() != null && n.note().contains(text)) {
            return true;
        }
        return n.children().stream().anyMatch(c -> findNote(c, text));
    }
}
