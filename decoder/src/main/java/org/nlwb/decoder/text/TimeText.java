package org.nlwb.decoder.text;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A record's time as the text tree shows it, {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC (the
 * microseconds cut, not rounded), the same characters {@code DateTimeFormatter} writes for that
 * pattern, without its per-call allocation: the date and time of the last second written are kept,
 * since records come in time order and many share a second.
 *
 * <p>Only for times from 1970 on ({@code nanos >= 0}, which is all a record holds: a negative time
 * means none). Not thread-safe: one per writing thread.
 */
final class TimeText {
    private long second = -1;
    private byte[] upToSecond;

    /** Writes {@code nanos} since the epoch ({@code >= 0}) to {@code out}. */
    void write(TextBytes out, long nanos) {
        long s = nanos / 1_000_000_000L;
        if (s != second) {
            second = s;
            upToSecond = dateAndTime(s);
        }
        out.bytes(upToSecond).ascii('.').zeroPadded((int) (nanos % 1_000_000_000L / 1000), 6);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}: the year has four digits until 2262, when a long of nanoseconds ends. */
    private static byte[] dateAndTime(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        byte[] b = "0000-00-00 00:00:00".getBytes(StandardCharsets.US_ASCII);
        digits(b, 0, 4, t.getYear());
        digits(b, 5, 2, t.getMonthValue());
        digits(b, 8, 2, t.getDayOfMonth());
        digits(b, 11, 2, t.getHour());
        digits(b, 14, 2, t.getMinute());
        digits(b, 17, 2, t.getSecond());
        return b;
    }

    private static void digits(byte[] b, int at, int width, int v) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}
