package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Capture;

/**
 * A number in a strace log too long for what strace prints there (pid, time, fd, return value,
 * {@code * N bytes in buffer}, dump offset) was a NumberFormatException that lost the whole file;
 * now it is a warning naming the line, and the rest of the log reads as before. Each case damages
 * one line of the project's {@code ip-addr-show.strace.txt} (line 8 is its first sendto, line 9 the
 * first line of that sendto's dump, line 14 the {@code * 1468 bytes in buffer 0} of a recvmsg).
 */
class StraceNumbersTest {
    private static final String HUGE = "99999999999999999999999";
    private static List<String> lines;
    private static Capture plain;

    @BeforeAll
    static void readTheSample() throws Exception {
        byte[] b = Files.readAllBytes(Samples.own().resolve("ip-addr-show.strace.txt"));
        lines = List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1));
        plain = Loader.standard().load("s.strace.txt", b, null, -1);
        assertTrue(lines.get(7).contains(" sendto(3<") && lines.get(7).endsWith(") = 40"), lines.get(7));
        assertTrue(lines.get(8).startsWith(" | 00000  28 00"), lines.get(8));
        assertTrue(lines.get(13).equals(" * 1468 bytes in buffer 0"), lines.get(13));
    }

    /** The sample with line {@code lineNo} (1-based) changed, loaded. */
    private static Capture withLine(int lineNo, String from, String to) throws Exception {
        String line = lines.get(lineNo - 1);
        assertTrue(line.contains(from), line);
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(lineNo - 1, line.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return Loader.standard().load("s.strace.txt", String.join("\n", changed).getBytes(StandardCharsets.ISO_8859_1), null, -1);
    }

    private static Diagnostic onlyNew(Capture c) {
        List<Diagnostic> added = new java.util.ArrayList<>(c.diagnostics());
        added.removeAll(plain.diagnostics());
        assertEquals(1, added.size(), added.toString());
        return added.get(0);
    }

    @Test
    void aPidTooLargeSkipsItsLine() throws Exception {
        Capture c = withLine(8, "18974 ", HUGE + " ");
        Diagnostic d = onlyNew(c);
        assertEquals("s.strace.txt:8", d.location());
        assertEquals("pid 99999999999999999999999 is too large for what strace prints there (at most 2147483647); line skipped",
                d.message());
        assertEquals(plain.recordCount() - 1, c.recordCount(), "the sendto of that line is lost, nothing else");
    }

    @Test
    void aTimeTooLargeIsTakenAsUnknown() throws Exception {
        Capture c = withLine(8, "1795871148.089756", HUGE + ".089756");
        Diagnostic d = onlyNew(c);
        assertEquals("s.strace.txt:8", d.location());
        assertEquals("time 99999999999999999999999.089756 is too large for what strace prints there "
                + "(no time before the year 2262); taken as unknown", d.message());
        assertEquals(plain.recordCount(), c.recordCount());
        assertEquals(-1, c.records().get(0).timeNanos());
    }

    @Test
    void aReturnValueTooLargeSkipsTheCall() throws Exception {
        Diagnostic d = onlyNew(withLine(8, ") = 40", ") = " + HUGE));
        assertEquals("s.strace.txt:8", d.location());
        assertEquals("sendto return value 99999999999999999999999 is too large for what strace prints there "
                + "(a number of 64 bits); call skipped", d.message());
    }

    @Test
    void anFdTooLargeSkipsTheCall() throws Exception {
        Diagnostic d = onlyNew(withLine(8, "sendto(3<", "sendto(" + HUGE + "<"));
        assertEquals("s.strace.txt:8", d.location());
        assertEquals("sendto fd 99999999999999999999999 is too large for what strace prints there (at most 2147483647); "
                + "call skipped", d.message());
    }

    @Test
    void aBufferSizeTooLargeTakesTheBytesAsTheyCome() throws Exception {
        Capture c = withLine(14, "1468", HUGE);
        Diagnostic d = onlyNew(c);
        assertEquals("s.strace.txt:14", d.location());
        assertEquals("buffer size 99999999999999999999999 is too large for what strace prints there (a number of 64 bits); "
                + "the buffer's bytes are taken as they come", d.message());
        assertEquals(plain.records().get(1).bytes().hex(), c.records().get(1).bytes().hex());
    }

    @Test
    void aDumpOffsetTooLargeIsAnOffsetMismatch() throws Exception {
        Capture c = withLine(9, "| 00000  ", "| 1" + "0".repeat(20) + "  ");
        Diagnostic d = onlyNew(c);
        assertEquals("s.strace.txt:9", d.location());
        assertEquals("dump offset 0x1" + "0".repeat(20) + " but 0 bytes so far in this buffer; bytes are taken in line order",
                d.message());
        assertEquals(plain.records().get(0).bytes().hex(), c.records().get(0).bytes().hex());
    }
}
