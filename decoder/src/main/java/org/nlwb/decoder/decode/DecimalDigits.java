package org.nlwb.decoder.decode;

import java.nio.charset.StandardCharsets;

/**
 * Decimal digits of a number written straight into a byte array, as {@link Long#toString} writes
 * them, for the JSON and text writers (offsets, lengths and types of every node). Numbers below
 * 10,000, nearly all of them, come from tables with no loop and no division but one; larger ones
 * two digits per division (int division up to {@link Integer#MAX_VALUE}, long beyond).
 *
 * <p>Pitfall: the caller makes room for {@link #MAX_BYTES} bytes at the position given, whatever
 * the number: a small number stores four bytes and returns an end before the last of them (the
 * bytes past the end are free for what comes next).
 */
public final class DecimalDigits {
    /** The room a write may use: {@code -9223372036854775808} is 20 bytes. */
    public static final int MAX_BYTES = 20;

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];
    /** 0 to 999: up to three digits, then the digit count, four bytes each. */
    private static final byte[] SMALL = new byte[4000];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int i = 0; i < 1000; i++) {
            byte[] d = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(d, 0, SMALL, i << 2, d.length);
            SMALL[(i << 2) + 3] = (byte) d.length;
        }
    }

    private DecimalDigits() {
    }

    /** Writes {@code v} at {@code p} of {@code b} (room for {@link #MAX_BYTES}) and returns where it ends. */
    public static int write(byte[] b, int p, long v) {
        if (v >= 0 && v < 10000) {
            return small(b, p, (int) v);
        }
        return large(b, p, v);
    }

    /** {@code v} of 0..9999: four bytes stored, the end moved by the digit count. */
    private static int small(byte[] b, int p, int v) {
        if (v < 1000) {
            int t = v << 2;
            b[p] = SMALL[t];
            b[p + 1] = SMALL[t + 1];
            b[p + 2] = SMALL[t + 2];
            return p + SMALL[t + 3];
        }
        int q = v / 100;
        int hi = q << 1;
        int lo = (v - q * 100) << 1;
        b[p] = PAIRS[hi];
        b[p + 1] = PAIRS[hi + 1];
        b[p + 2] = PAIRS[lo];
        b[p + 3] = PAIRS[lo + 1];
        return p + 4;
    }

    private static int large(byte[] b, int p, long v) {
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            return positiveInt(b, p, (int) v); // sequence numbers, pids, most counters: no long division
        }
        if (v == Long.MIN_VALUE) {
            System.arraycopy(LONG_MIN, 0, b, p, LONG_MIN.length); // no positive counterpart to write digits of
            return p + LONG_MIN.length;
        }
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        int end = p + digits(v);
        int at = end;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100) << 1;
            v = q;
            b[--at] = PAIRS[r + 1];
            b[--at] = PAIRS[r];
        }
        if (v >= 10) {
            b[--at] = PAIRS[((int) v << 1) + 1];
            b[--at] = PAIRS[(int) v << 1];
        } else {
            b[--at] = (byte) ('0' + (int) v);
        }
        return end;
    }

    /** {@code v} of 10,000 and more as int: the same pairs, with int division (cheaper than long's). */
    private static int positiveInt(byte[] b, int p, int v) {
        int end = p + intDigits(v);
        int at = end;
        while (v >= 100) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            v = q;
            b[--at] = PAIRS[r + 1];
            b[--at] = PAIRS[r];
        }
        if (v >= 10) {
            b[--at] = PAIRS[(v << 1) + 1];
            b[--at] = PAIRS[v << 1];
        } else {
            b[--at] = (byte) ('0' + v);
        }
        return end;
    }

    /** Digits of a positive int of 10,000 or more (5 to 10). */
    private static int intDigits(int v) {
        if (v < 1_000_000) {
            return v < 100_000 ? 5 : 6;
        }
        if (v < 100_000_000) {
            return v < 10_000_000 ? 7 : 8;
        }
        return v < 1_000_000_000 ? 9 : 10;
    }

    private static int digits(long v) {
        int d = 1;
        for (long limit = 10; d < 19 && v >= limit; limit *= 10) {
            d++;
        }
        return d;
    }
}
