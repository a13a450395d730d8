package org.nlwb.decoder.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nlwb.decoder.decode.DecimalDigits;

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
    /** For chars below 0x80: 0 written as is, -1 as {@code &#92;u00XX}, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
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

    /** {@code v} in decimal, without a String in between ({@link DecimalDigits}). */
    public JsonBytes number(int v) {
        ensure(DecimalDigits.MAX_BYTES);
        size = DecimalDigits.write(buf, size, v);
        return this;
    }

    /** {@code v} in decimal, without a String in between ({@link DecimalDigits}). */
    public JsonBytes number(long v) {
        ensure(DecimalDigits.MAX_BYTES);
        size = DecimalDigits.write(buf, size, v);
        return this;
    }

    /** Bytes {@code from..to} of what was already written, appended again (a number's digits). */
    public JsonBytes copyOwn(int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(buf, from, buf, size, n);
        size += n;
        return this;
    }

    /**
     * Whether bytes {@code from..to} of what was written are the chars of {@code s}, one byte per
     * char: meant for ASCII written by this class (digits), which {@code s} then equals exactly.
     */
    public boolean sameAscii(int from, int to, String s) {
        int n = to - from;
        if (s.length() != n) {
            return false;
        }
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
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
