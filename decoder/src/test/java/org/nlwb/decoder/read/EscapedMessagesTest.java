package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;

/**
 * Text a file supplies never reaches a message raw: ESC, BEL and the other C0 and C1 controls
 * are shown as {@code \xNN}, in "not a netlink dump" reasons, in each reader's diagnostics and in
 * file names alike. (The terminal test: {@code printf '\033]0;x\007\033[2J'} as a .strace.txt
 * retitled and cleared the terminal that showed the reason.)
 */
class EscapedMessagesTest {
    private static final String ATTACK = "\033]0;owned\007\033[2J\u009b31m";

    /** No control character but the newlines that separate the reasons. */
    private static void assertPrintable(String message) {
        for (char c : message.toCharArray()) {
            assertTrue(c == '\n' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f)),
                    "control character " + (int) c + " in: " + message.replace("\033", "ESC"));
        }
    }

    @Test
    void theTriedReasonsOfAFileNoReaderTakesAreEscaped() {
        byte[] file = ATTACK.getBytes(StandardCharsets.ISO_8859_1);
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> Loader.standard().load("x.strace.txt", file, null, -1));
        assertPrintable(e.getMessage());
        assertTrue(e.getMessage().startsWith("x.strace.txt: not a netlink dump nlwb can read. Tried:\n  "), e.getMessage());
        assertTrue(e.getMessage().contains("\\x1b]0;owned\\x07\\x1b[2J\\x9b31m"), e.getMessage());
    }

    @Test
    void everyTextReaderEscapesWhatItQuotesFromALine() {
        String later = "# protocol: route\n14 00 00 00 03 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00\n" + ATTACK + "\n";
        for (Reader r : List.of(new HexReader(), new Pyroute2Reader(), new StraceReader())) {
            assertEscaped(r, ATTACK + "\n"); // the reason it is not this format
        }
        for (Reader r : List.of(new HexReader(), new Pyroute2Reader())) {
            assertEscaped(r, later); // a diagnostic about a bad line (strace passes over lines it does not know)
        }
    }

    /** What {@code r} says about {@code text}, diagnostics or its reason to refuse, quotes the attack escaped. */
    private static void assertEscaped(Reader r, String text) {
        List<String> said = new ArrayList<>();
        try {
            r.read("x.txt", text.getBytes(StandardCharsets.ISO_8859_1), rec -> { }, d -> said.add(d.toString()));
        } catch (NotThisFormatException e) {
            said.add(e.getMessage());
        }
        assertTrue(!said.isEmpty(), r.format() + " said nothing");
        said.forEach(EscapedMessagesTest::assertPrintable);
        assertTrue(said.stream().anyMatch(s -> s.contains("\\x1b") || s.contains("0x1b")), r.format() + ": " + said);
    }

    @Test
    void aStraceDumpLineWithControlsInItsHexFieldIsQuotedEscaped() throws Exception {
        String log = Files.readString(Samples.own().resolve("malformed-bad-digit.strace.txt"), StandardCharsets.ISO_8859_1);
        String poisoned = log.replaceFirst("(\\| 00000  )..", "$1\033\007");
        Capture c = Loader.standard().load("p.strace.txt", poisoned.getBytes(StandardCharsets.ISO_8859_1), null, -1);
        List<String> texts = c.diagnostics().stream().map(Diagnostic::toString).toList();
        texts.forEach(EscapedMessagesTest::assertPrintable);
        assertTrue(texts.stream().anyMatch(t -> t.contains("bad hex byte \"\\x1b\\x07\"")), texts.toString());
    }

    @Test
    void aFileNameWithControlsIsEscapedInLocationsAndReasons() throws Exception {
        String name = "/tmp/\033[2Jevil.hex";
        Capture c = Loader.standard().load(name, "14 00 00 00 03 00 02 00 00 00 00 00 00 00 00 00\n00 00 00 \033\n"
                .getBytes(StandardCharsets.US_ASCII), null, -1);
        assertEquals("\\x1b[2Jevil.hex:1", c.records().get(0).location());
        c.diagnostics().forEach(d -> assertPrintable(d.toString()));
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> Loader.standard().load(name, new byte[0], null, -1));
        assertEquals("/tmp/\\x1b[2Jevil.hex: the file is empty", e.getMessage());
    }

    @Test
    void aDiagnosticFromAnySourceIsPrintable() {
        Diagnostic d = Diagnostic.info("output", "line from a traced program: " + ATTACK);
        assertEquals("line from a traced program: \\x1b]0;owned\\x07\\x1b[2J\\x9b31m", d.message());
        assertEquals(d, Diagnostic.info("output", d.message()), "escaping twice changes nothing");
    }
}
