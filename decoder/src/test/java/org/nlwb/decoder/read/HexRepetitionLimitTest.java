package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;

/**
 * hexdump's {@code *} line repeats the line before it up to the next offset, so a few bytes of
 * text can claim gigabytes. The repetition is bounded by {@link HexReader#MAX_REPEATED_BYTES}
 * for the whole file, and a repetition past it is a diagnostic naming the line.
 */
class HexRepetitionLimitTest {
    private final HexReader reader = new HexReader();

    @Test
    void aStarLineFollowedByAHugeFinalOffsetIsRefusedNamingTheLineAndTheLimit() throws Exception {
        String bomb = """
                00000000  14 00 00 00 03 00 02 00  00 00 00 00 00 00 00 00  |................|
                *
                fffffff0
                """;
        assertTrue(bomb.length() < 100, "a 90-byte file");
        Samples.Result r = Samples.read(reader, "bomb.hexdump", bomb.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, r.records().size());
        assertEquals(16, r.records().get(0).bytes().length(), "the datagram keeps the line it had, nothing repeated");
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("bomb.hexdump:3", d.location());
        assertEquals("the * line before this one would repeat the previous line up to offset fffffff0 (4294967264 bytes), "
                + "but the * lines of one file may fill at most 16777216 bytes (16 MiB) in all, far more than any netlink "
                + "datagram, so the offset is taken to be wrong; the datagram of line 1 keeps the 16 bytes before it", d.message());
    }

    @Test
    void theLimitCountsEveryStarLineOfTheFileSoManySmallBombsAreBoundedToo() throws Exception {
        StringBuilder many = new StringBuilder();
        int datagrams = 40; // each claims 1 MiB: together more than the 16 MiB a file may fill
        for (int i = 0; i < datagrams; i++) {
            many.append("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00100000\n\n");
        }
        Samples.Result r = Samples.read(reader, "many.hexdump", many.toString().getBytes(StandardCharsets.US_ASCII));
        long total = r.records().stream().mapToLong(rec -> rec.bytes().length()).sum();
        assertTrue(total <= HexReader.MAX_REPEATED_BYTES + 16L * datagrams, "bytes held: " + total);
        assertEquals(0x100000, r.records().get(0).bytes().length(), "the first datagrams are expanded to 1 MiB");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("may fill at most 16777216 bytes")),
                r.diagnostics().toString());
    }

    @Test
    void anHonestRepetitionStillFillsUpToTheFinalOffset() throws Exception {
        String dump = """
                00000000  14 00 00 00 03 00 02 00  00 00 00 00 00 00 00 00  |................|
                00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
                *
                00001000
                """;
        Samples.Result r = Samples.read(reader, "ok.hexdump", dump.getBytes(StandardCharsets.US_ASCII));
        assertEquals(0x1000, r.records().get(0).bytes().length());
        assertEquals(java.util.List.of(), r.diagnostics());
    }
}
