package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;

/** Every sample file, shared and our own, loads through format detection. */
class AllSamplesLoadTest {
    /** Already-decoded JSON, not bytes: rejected with a message saying so. */
    private static final Set<String> JSON = Set.of("links.dump", "nl0.json");

    static DumpFormat expectedFormat(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".pcap") || n.endsWith(".pcapng")) {
            return DumpFormat.PCAP;
        }
        if (n.endsWith(".strace.txt")) {
            return DumpFormat.STRACE;
        }
        if (n.endsWith(".hex")) {
            return DumpFormat.HEX;
        }
        if (n.endsWith(".pyroute2.txt")) {
            return null; // pyroute2's decoded text output, not a dump
        }
        return DumpFormat.PYROUTE2; // .dump, .data and the extension-less historical dumps
    }

    @Test
    void everySharedAndOwnSampleLoadsWithTheFormatItsNameSays() throws Exception {
        List<Path> files = new ArrayList<>(Samples.filesUnder(Samples.shared()));
        if (Files.isDirectory(Samples.own())) {
            files.addAll(Samples.filesUnder(Samples.own()));
        }
        List<String> problems = new ArrayList<>();
        int loaded = 0;
        for (Path p : files) {
            String n = p.getFileName().toString();
            DumpFormat expected = expectedFormat(p);
            if (JSON.contains(n) || expected == null) {
                continue;
            }
            try {
                Capture c = Samples.load(p);
                if (!c.format().equals(expected.label())) {
                    problems.add(p + ": detected " + c.format() + ", expected " + expected.label());
                }
                if (c.messageCount() == 0 && !n.contains("empty")) {
                    problems.add(p + ": no messages");
                }
                loaded++;
            } catch (UnreadableInputException e) {
                problems.add(p + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(loaded >= 40, "only " + loaded + " samples loaded");
    }

    @Test
    void pyroute2sDecodedJsonIsRejectedSayingItIsAlreadyDecoded() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> Samples.load(Samples.pyroute2("links.dump")));
        assertTrue(e.getMessage().contains("pyroute2: line 1: this is JSON, i.e. already-decoded messages"), e.getMessage());
    }

    @Test
    void garbageIsRejectedListingEveryFormatTriedAndWhereItStopped() {
        byte[] garbage = "hello, this is not a dump\nat all\n".getBytes(StandardCharsets.US_ASCII);
        try {
            Loader.standard().load("garbage.txt", garbage, null, -1);
            fail("garbage was accepted");
        } catch (UnreadableInputException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith("garbage.txt: not a netlink dump nlwb can read. Tried:"), m);
            assertTrue(m.contains("pcap: offset 0: expected a pcap magic"), m);
            assertTrue(m.contains("strace: line 1: expected a strace line"), m);
            assertTrue(m.contains("pyroute2: line 1: column 1: expected \\xHH or a hex pair, found 'h'"), m);
            assertTrue(m.contains("hex: line 1: column 1: expected hex bytes, found \"hello\""), m);
        }
    }

    @Test
    void forcingAFormatReadsWithThatReaderOnly() throws Exception {
        byte[] plain = "14 00 00 00 03 00 02 00 01 00 00 00 00 00 00 00 00 00 00 00\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("hex", Loader.standard().load("x", plain, null, -1).format());
        assertEquals("pyroute2", Loader.standard().load("x", plain, DumpFormat.PYROUTE2, -1).format());
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> Loader.standard().load("x", plain, DumpFormat.STRACE, -1));
        assertTrue(e.getMessage().contains("strace: line 1"), e.getMessage());
    }
}
