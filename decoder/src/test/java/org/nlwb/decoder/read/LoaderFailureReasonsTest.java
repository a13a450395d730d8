package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be opened is named once, with the reason in the words of ls and cat. */
class LoaderFailureReasonsTest {

    private static String failure(Path p) {
        return assertThrows(UnreadableInputException.class, () -> Loader.standard().load(p, null, -1)).getMessage();
    }

    @Test
    void aMissingFileSaysNoSuchFile(@TempDir Path dir) {
        Path p = dir.resolve("gone.pcap");
        assertEquals(p + ": no such file", failure(p));
    }

    @Test
    void aDirectorySaysIsADirectory(@TempDir Path dir) {
        assertEquals(dir + ": is a directory", failure(dir));
    }

    @Test
    void aFileThatMayNotBeReadSaysPermissionDenied(@TempDir Path dir) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file; see the mapping test below");
        Path p = Files.writeString(dir.resolve("secret.pcap"), "x");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assertEquals(p + ": permission denied", failure(p));
    }

    @Test
    void theJavaExceptionsOfFileAccessBecomeTheReasonsPeopleKnow(@TempDir Path dir) {
        Path p = dir.resolve("x");
        assertEquals("permission denied", Loader.reason(p, new AccessDeniedException(p.toString())));
        assertEquals("cannot be read: input/output error",
                Loader.reason(p, new FileSystemException(p.toString(), null, "Input/output error")));
        assertEquals("cannot be read", Loader.reason(p, new java.io.IOException(p.toString())));
    }

    @Test
    void anEmptyFileSaysSo(@TempDir Path dir) throws Exception {
        Path p = Files.createFile(dir.resolve("empty.data"));
        assertEquals(p + ": the file is empty", failure(p));
    }
}
