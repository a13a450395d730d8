package org.nlwb.decoder.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that JSON tokens are appended to, meant to be reused ({@link
 * #reset}) for batch after batch by one thread: no encoder, no per-token checks, no flush of its
 * own. Strings are escaped exactly as Jackson's UTF-8 generator escapes them in its default
 * configuration, so the bytes equal {@link TreeJson}'s:
 *
 * <ul>
 * <li>{@code "} and {@code \} as {@code \"} and {@code \\}; {@code /} and DEL (0x7f) as they are;</li>
 * <li>U+0008, U+0009, U+000A, U+000C, U+000D as {@code \b \t \n \f \r}; every other char below
 *     U+0020 as {@code &#92;u00XX} (upper-case hex);</li>
 * <li>every UTF-16 surrogate, paired or lone, as its own {@code &#92;uXXXX} escape (upper-case): a
 *     character beyond the BMP is written as its two escaped halves, never as 4 UTF-8 bytes;</li>
 * <li>any other char as its 1 to 3 UTF-8 bytes (U+2028 and U+2029 included, unescaped).</li>
 * </ul>
 *
 * <p>Pitfall: the caller writes the separators ({@code ,} {@code :}); this class knows nothing of
 * JSON's structure and checks none of it.
 */
public final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] LONG_MIN = ascii(Long.toString(Long.MIN_VALUE));
    private static final byte[] INT_MIN = ascii(Integer.toString(Integer.MIN_VALUE));
    /** "00" to "99", two bytes each: an int is written two digits per division. */
    private static final byte[] PAIRS = new byte[200];
    /** 0 to 999: up to three digits, then the digit count, four bytes each. */
    private static final byte[] SMALL = new byte[4000];
    /** For chars below 0x80: 0 written as is, -1 as {@code &#92;u00XX}, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int i = 0; i < 1000; i++) {
            byte[] d = ascii(Integer.toString(i));
            System.arraycopy(d, 0, SMALL, i << 2, d.length);
            SMALL[(i << 2) + 3] = (byte) d.length;
        }
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private byte[] buf;
    private int size;
    private char[] chars = new char[256];
    /** Slots of the recurring-string cache: a power of two, enough for every name of the rtnetlink specs. */
    private static final int RECURRING = 2048;
    private static final int MAX_RECURRING = 80;
    private final String[] recurringKeys = new String[RECURRING];
    private final byte[][] recurringBytes = new byte[RECURRING][];

    public JsonBytes(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes of an ASCII fragment (a key with its quotes and colon), encoded once. */
    public static byte[] ascii(String fragment) {
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }

    /** Forgets what was written, keeping the array for the next batch. */
    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Writes everything appended so far to {@code out} in one call. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    /** A copy of what was written (tests). */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** A pre-encoded fragment, copied as it is. */
    public JsonBytes raw(byte[] fragment) {
        int n = fragment.length;
        ensure(n);
        System.arraycopy(fragment, 0, buf, size, n);
        size += n;
        return this;
    }

    /** One ASCII byte: a bracket, a comma. */
    public JsonBytes raw(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    public JsonBytes nullValue() {
        return raw(NULL);
    }

    public JsonBytes bool(boolean b) {
        return raw(b ? TRUE : FALSE);
    }

    /**
     * {@code v} in decimal, without a String in between. Offsets, lengths and types are nearly
     * always below 10,000 (four digits written from tables with no loop); the rest goes two digits
     * per division. Kept small so that the JIT inlines it at each call site.
     */
    public JsonBytes number(int v) {
        if (v >= 0 && v < 10000) {
            ensure(4);
            size = small(buf, size, v);
            return this;
        }
        return large(v);
    }

    /**
     * Writes {@code v} (0..9999) at {@code p} and returns the end. Four bytes are always stored
     * (the room is ensured) and the size moves by the digit count: bytes past it are free to use.
     */
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

    private JsonBytes large(int v) {
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                return raw(INT_MIN); // no positive counterpart to write digits of
            }
            raw('-');
            v = -v;
        }
        ensure(10);
        byte[] b = buf;
        int n = digits(v);
        int p = size + n;
        while (v >= 100) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            v = q;
            b[--p] = PAIRS[r + 1];
            b[--p] = PAIRS[r];
        }
        if (v >= 10) {
            b[--p] = PAIRS[(v << 1) + 1];
            b[--p] = PAIRS[v << 1];
        } else {
            b[--p] = (byte) ('0' + v);
        }
        size += n;
        return this;
    }

    private static int digits(int v) {
        return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6
                : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    }

    /** {@code v} in decimal, without a String in between (small values as {@link #number(int)}). */
    public JsonBytes number(long v) {
        if (v >= 0 && v < 10000) {
            ensure(4);
            size = small(buf, size, (int) v);
            return this;
        }
        return v == (int) v ? large((int) v) : largeLong(v);
    }

    private JsonBytes largeLong(long v) {
        if (v == Long.MIN_VALUE) {
            return raw(LONG_MIN);
        }
        ensure(20);
        byte[] b = buf;
        int p = size;
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        int end = p + longDigits(v);
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
        size = end;
        return this;
    }

    private static int longDigits(long v) {
        int d = 1;
        for (long limit = 10; d < 19 && v >= limit; limit *= 10) {
            d++;
        }
        return d;
    }

    /**
     * {@code s} as a JSON string, quotes included, escaped as the class comment says. ASCII that
     * needs no escape (nearly every name and display) is copied in one tight loop over the chars
     * copied out of the String at once (a per-char {@code charAt} costs a check each).
     */
    public JsonBytes string(String s) {
        int len = s.length();
        ensure(len + 2);
        char[] c = chars(len);
        s.getChars(0, len, c, 0);
        byte[] b = buf;
        int start = size + 1;
        b[size] = '"';
        int i = 0;
        for (; i < len; i++) {
            char ch = c[i];
            if (ch >= 0x80 || ESCAPES[ch] != 0) {
                break;
            }
            b[start + i] = (byte) ch;
        }
        size = start + i;
        if (i < len) {
            escapedRest(c, i, len);
            b = buf;
        }
        b[size++] = '"';
        return this;
    }

    /**
     * As {@link #string}, for text that recurs as the same String object (a node's name comes
     * from its spec): the encoded bytes of recent such strings are kept by identity and copied.
     * A string seen once costs one identity hash more than {@link #string}.
     */
    public JsonBytes recurringString(String s) {
        int slot = System.identityHashCode(s) & (RECURRING - 1);
        if (recurringKeys[slot] == s) {
            return raw(recurringBytes[slot]);
        }
        int start = size;
        string(s);
        if (size - start <= MAX_RECURRING) {
            recurringKeys[slot] = s;
            recurringBytes[slot] = Arrays.copyOfRange(buf, start, size);
        }
        return this;
    }

    /** The reused char buffer, at least {@code len} long. */
    private char[] chars(int len) {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        return chars;
    }

    /** Chars {@code from..len} of {@code s}, at most 6 bytes each, then room for the closing quote. */
    private void escapedRest(char[] s, int from, int len) {
        ensure((len - from) * 6 + 1);
        byte[] b = buf;
        int p = size;
        for (int i = from; i < len; i++) {
            char c = s[i];
            if (c < 0x80) {
                int esc = ESCAPES[c];
                if (esc == 0) {
                    b[p++] = (byte) c;
                } else if (esc > 0) {
                    b[p++] = '\\';
                    b[p++] = (byte) esc;
                } else {
                    p = unicodeEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        size = p;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xf];
        b[p++] = HEX[(c >> 8) & 0xf];
        b[p++] = HEX[(c >> 4) & 0xf];
        b[p++] = HEX[c & 0xf];
        return p;
    }

    private void ensure(int more) {
        int need = size + more;
        if (need > buf.length) {
            if (need < 0) {
                throw new OutOfMemoryError("JSON batch over 2 GB");
            }
            buf = Arrays.copyOf(buf, Math.max(need, buf.length + (buf.length >> 1)));
        }
    }
}
