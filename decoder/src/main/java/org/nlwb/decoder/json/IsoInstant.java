package org.nlwb.decoder.json;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A record's time as the JSON's {@code time} string: the characters of {@code
 * Instant.ofEpochSecond(0, nanos).toString()} (ISO-8601 in UTC, the fraction in groups of three
 * digits, as many as it needs, none for a whole second), quotes included, without a formatter per
 * call: the quoted date and time of the last second written are kept, since records come in time
 * order and many share a second. {@code DateTimeFormatter}'s printer was the third biggest method
 * the JIT compiled for {@code decode --json} and a part of every message's cost.
 *
 * <p>Only for times from 1970 on ({@code nanos >= 0}, all a record holds; a long of nanoseconds
 * ends in 2262, so the year always has four digits). Not thread-safe: one per {@link JsonBytes}.
 */
final class IsoInstant {
    /** The room a write may use: {@code "2262-04-11T23:47:16.854775807Z"}. */
    static final int MAX_BYTES = 32;

    private long second = -1;
    private final byte[] upToSecond = "\"0000-00-00T00:00:00".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Writes {@code nanos} since the epoch ({@code >= 0}) at {@code p} of {@code b} (room for {@link #MAX_BYTES}); returns the end. */
    int write(byte[] b, int p, long nanos) {
        long s = nanos / 1_000_000_000L;
        if (s != second) {
            second = s;
            dateAndTime(s);
        }
        System.arraycopy(upToSecond, 0, b, p, upToSecond.length);
        p += upToSecond.length;
        int nano = (int) (nanos - s * 1_000_000_000L);
        if (nano != 0) {
            b[p++] = '.';
            if (nano % 1_000_000 == 0) {
                p = digits(b, p, 3, nano / 1_000_000);
            } else if (nano % 1000 == 0) {
                p = digits(b, p, 6, nano / 1000);
            } else {
                p = digits(b, p, 9, nano);
            }
        }
        b[p++] = 'Z';
        b[p++] = '"';
        return p;
    }

    private void dateAndTime(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        digits(upToSecond, 1, 4, t.getYear());
        digits(upToSecond, 6, 2, t.getMonthValue());
        digits(upToSecond, 9, 2, t.getDayOfMonth());
        digits(upToSecond, 12, 2, t.getHour());
        digits(upToSecond, 15, 2, t.getMinute());
        digits(upToSecond, 18, 2, t.getSecond());
    }

    /** {@code v} in {@code width} digits, zeros in front, at {@code at}; returns the end. */
    private static int digits(byte[] b, int at, int width, int v) {
        int end = at + width;
        for (int i = end - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }
}
