package org.nlwb.decoder.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The time string is {@code Instant.toString}'s, quoted, for every fraction width (none, 3, 6, 9
 * digits), at the ends of the range a record's time can hold, and for times in order and out of it
 * (the kept second must be replaced, not reused).
 */
class IsoInstantTest {
    private final IsoInstant instant = new IsoInstant();
    private final byte[] b = new byte[64];

    @Test
    void everyFractionWidthIsInstantToString() {
        long base = 1_733_097_600L * 1_000_000_000L; // 2024-12-02T00:00:00Z
        for (long nanos : new long[] {0, 1, 999_999_999, 1_000_000_000, base, base + 1, base + 10,
            base + 1_000, base + 120_000, base + 1_000_000, base + 500_000_000, base + 999_999_000,
            base + 999_000_000, Long.MAX_VALUE, 951_782_400L * 1_000_000_000L /* 2000-02-29 */}) {
            check(nanos);
        }
    }

    @Test
    void randomTimesInAndOutOfOrderAreInstantToString() {
        SplittableRandom random = new SplittableRandom(7);
        long t = 1_600_000_000L * 1_000_000_000L;
        for (int i = 0; i < 100_000; i++) {
            t += random.nextLong(3_000_000_000L);
            check(i % 7 == 0 ? random.nextLong(Long.MAX_VALUE) : t);
            check(i % 3 == 0 ? t - t % 1_000_000 : t - t % 1000);
        }
    }

    private void check(long nanos) {
        int end = instant.write(b, 5, nanos);
        assertEquals('"' + Instant.ofEpochSecond(0, nanos).toString() + '"',
                new String(b, 5, end - 5, StandardCharsets.US_ASCII), () -> "nanos " + nanos);
    }
}
