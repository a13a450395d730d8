package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Diagnostic.Severity;

/**
 * A captured strace log with one number made too long for its field (issue 14: each used to end
 * the whole file with a NumberFormatException): the diagnostic names file and line, the rest loads.
 * Line 27 of the sample is a sendmsg of 48 bytes on fd 4, line 28 its buffer heading, 29 its first
 * dump line; the log has 4 records.
 */
class StraceNumbersTest {
    private static final String NAME = "long.strace.txt";
    private static final String DIGITS = "1234567890".repeat(4);

    private static Samples.Result withLine(int lineNo, UnaryOperator<String> change) throws Exception {
        String text = new String(Files.readAllBytes(Samples.captured("netns-ip-route-add.strace.txt")), StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(text.lines().toList());
        String was = lines.get(lineNo - 1);
        String now = change.apply(was);
        assertTrue(!now.equals(was), "the change applies to line " + lineNo + ": " + was);
        lines.set(lineNo - 1, now);
        return Samples.read(new StraceReader(), NAME, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Samples.Result original() throws Exception {
        return Samples.read(new StraceReader(), Samples.captured("netns-ip-route-add.strace.txt"));
    }

    /** The one diagnostic of {@code r}, which must be at {@code line} with {@code severity} and say {@code words}. */
    private static void assertOneDiagnostic(Samples.Result r, int line, Severity severity, String... words) {
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(NAME + ":" + line, d.location());
        assertEquals(severity, d.severity());
        for (String w : words) {
            assertTrue(d.message().contains(w), d.message());
        }
        assertTrue(d.message().length() < 200, "a long number is shortened: " + d.message());
    }

    @Test
    void anOverLongPidSkipsItsLineWithAnError() throws Exception {
        Samples.Result r = withLine(27, l -> l.replaceFirst("^21540 ", DIGITS + " "));
        assertOneDiagnostic(r, 27, Severity.ERROR, "pid 12345678901234567890", "(40 digits)", "too long", "skipped");
        assertEquals(3, r.records().size(), "the sendmsg of line 27 is lost, the rest loads");
    }

    @Test
    void anOverLongReturnValueSkipsItsCallWithAnError() throws Exception {
        Samples.Result r = withLine(27, l -> l.replaceFirst("\\) = 48$", ") = " + DIGITS));
        assertOneDiagnostic(r, 27, Severity.ERROR, "sendmsg returned", "too long", "skipped");
        assertEquals(3, r.records().size());
    }

    @Test
    void anOverLongFdSkipsItsCallWithAnError() throws Exception {
        Samples.Result r = withLine(27, l -> l.replaceFirst("sendmsg\\(4<", "sendmsg(" + DIGITS + "<"));
        assertOneDiagnostic(r, 27, Severity.ERROR, "fd 12345678901234567890", "sendmsg", "too long", "skipped");
        assertEquals(3, r.records().size());
    }

    @Test
    void anOverLongBufferByteCountIsAWarningAndTheBytesAreKept() throws Exception {
        Samples.Result r = withLine(28, l -> l.replace("* 48 bytes", "* " + DIGITS + " bytes"));
        assertOneDiagnostic(r, 28, Severity.WARNING, "buffer of 12345678901234567890", "too long");
        assertSameRecords(original(), r);
    }

    @Test
    void anOverLongDumpOffsetIsAWarningAndTheBytesAreTakenInLineOrder() throws Exception {
        Samples.Result r = withLine(29, l -> l.replace("| 00000  ", "| 0000" + "f".repeat(40) + "  "));
        assertOneDiagnostic(r, 29, Severity.WARNING, "dump offset 0x0000ffff", "too long", "line order");
        assertSameRecords(original(), r);
    }

    @Test
    void anOverLongTimeIsAWarningAndTheLineIsReadWithoutATime() throws Exception {
        Samples.Result r = withLine(27, l -> l.replace(" 1795855683.367065 ", " " + DIGITS + ".367065 "));
        assertOneDiagnostic(r, 27, Severity.WARNING, "time 12345678901234567890", "out of range");
        assertEquals(4, r.records().size());
        assertEquals(-1, r.records().get(0).timeNanos());
        assertArrayEquals(original().records().get(0).bytes().toArray(), r.records().get(0).bytes().toArray());
    }

    private static void assertSameRecords(Samples.Result expected, Samples.Result actual) {
        assertEquals(expected.records().size(), actual.records().size());
        for (int i = 0; i < expected.records().size(); i++) {
            assertArrayEquals(expected.records().get(i).bytes().toArray(), actual.records().get(i).bytes().toArray(), "record " + i);
        }
    }
}
