package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers are written as {@link Long#toString} writes them, on each side of every boundary the
 * writer's tables and loops change at (one to four digits from tables, then pairs per division),
 * and the bytes a small number leaves past its end are overwritten by what follows.
 */
class JsonBytesNumbersTest {
    private static List<Long> edges() {
        List<Long> out = new ArrayList<>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            for (long d = -2; d <= 2; d++) {
                out.add(p + d);
                out.add(-(p + d));
            }
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        for (long v : new long[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
            0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            out.add(v);
        }
        for (long v = 0; v < 12000; v++) {
            out.add(v);
        }
        return out;
    }

    @Test
    void everyLongIsItsDecimalText() {
        JsonBytes b = new JsonBytes(16);
        StringBuilder expected = new StringBuilder();
        for (long v : edges()) {
            b.number(v).raw(',');
            expected.append(v).append(',');
        }
        assertEquals(expected.toString(), new String(b.toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void everyIntIsItsDecimalText() {
        JsonBytes b = new JsonBytes(16);
        StringBuilder expected = new StringBuilder();
        for (long v : edges()) {
            if (v == (int) v) {
                b.number((int) v).raw('|');
                expected.append(v).append('|');
            }
        }
        assertEquals(expected.toString(), new String(b.toByteArray(), StandardCharsets.US_ASCII));
    }
}
