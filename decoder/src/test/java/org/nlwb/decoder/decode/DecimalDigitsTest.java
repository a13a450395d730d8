package org.nlwb.decoder.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Digits as {@link Long#toString} writes them, on each side of every boundary where the writer
 * changes tables or loops, and a small number's spare bytes past its end left for what follows.
 */
class DecimalDigitsTest {
    @Test
    void everyNumberIsItsDecimalText() {
        byte[] b = new byte[64];
        for (long p = 1; ; p *= 10) {
            for (long v = p - 2; v <= p + 2; v++) {
                check(b, v);
                check(b, -v);
            }
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 0xffffffffL, Integer.MAX_VALUE + 1L, Integer.MAX_VALUE - 1L}) {
            check(b, v);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            check(b, random.nextInt(Integer.MAX_VALUE) >>> random.nextInt(31)); // every digit count of the int path
        }
        for (long v = 0; v < 12_000; v++) {
            check(b, v);
        }
    }

    @Test
    void aSmallNumbersSpareBytesAreOverwrittenByWhatFollows() {
        byte[] b = new byte[64];
        int p = DecimalDigits.write(b, 0, 7);
        b[p++] = ',';
        p = DecimalDigits.write(b, p, 42);
        assertEquals("7,42", new String(b, 0, p, StandardCharsets.US_ASCII));
    }

    private static void check(byte[] b, long v) {
        int at = 3;
        int end = DecimalDigits.write(b, at, v);
        assertEquals(Long.toString(v), new String(b, at, end - at, StandardCharsets.US_ASCII));
    }
}
