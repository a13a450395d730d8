package org.nlwb.decoder.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;

/** A save is the old file or the whole new one; nothing is left beside it. */
class AtomicFileTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedSaveReplacesTheFileAndKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("out.txt"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(f, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void aSaveThatFailsHalfwayLeavesTheOldFileAndNoTemporaryOne(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("out.pcap"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("out.pcap"), names(dir));
    }

    @Test
    void aSaveNotCommittedLeavesTheOldFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("out.json"), "old");
        try (AtomicFile a = AtomicFile.create(f)) {
            a.stream().write("half".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("out.json"), names(dir));
    }

    @Test
    void aWriterClosingTheStreamDoesNotStopTheCommit(@TempDir Path dir) throws Exception {
        Capture src = Loader.standard().load(Path.of("..", "samples", "ss-tan.pcap"), null, -1);
        Path f = dir.resolve("copy.pcapng");
        try (AtomicFile a = AtomicFile.create(f)) {
            try (RecordWriter w = new PcapngWriter(a.stream(), TimeResolution.NANOSECONDS)) {
                for (Record r : src.records()) {
                    w.write(r);
                }
            }
            a.commit();
        }
        assertEquals(src.messageCount(), Loader.standard().load(f, null, -1).messageCount());
    }
}
