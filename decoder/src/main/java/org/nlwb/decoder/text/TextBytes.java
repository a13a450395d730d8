package org.nlwb.decoder.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nlwb.decoder.decode.DecimalDigits;

/**
 * UTF-8 text written straight into one reused byte array, handed on to an {@link OutputStream}
 * whenever it fills and on {@link #flush}: what the text tree writes through instead of a
 * StringBuilder that is copied, turned into a String and encoded again. Text that is all ASCII
 * (nearly every name, value and offset) costs one byte store a character.
 *
 * <p>Encoding is that of {@code String.getBytes(UTF_8)} for each string written: a lone surrogate
 * becomes {@code '?'}. Pitfall: a surrogate pair split across two {@link #string} calls is two
 * lone surrogates here (a StringBuilder would have joined them); no text the decoder makes splits one.
 *
 * <p>Not thread-safe: one per writing thread. A failed write of {@code out} is thrown as an
 * {@link UncheckedIOException} (from the appends, which have no {@code throws}) carrying the
 * {@link IOException}.
 */
public final class TextBytes {
    /** Bytes gathered before they go to the stream: large enough that a write is worth its call. */
    public static final int DEFAULT_CAPACITY = 1 << 16;
    private static final byte[] SPACES = new byte[256];

    static {
        Arrays.fill(SPACES, (byte) ' ');
    }

    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private char[] chars = new char[128];

    /** Text into {@code out}, gathered {@link #DEFAULT_CAPACITY} bytes at a time. */
    public TextBytes(OutputStream out) {
        this(out, DEFAULT_CAPACITY);
    }

    /** @param capacity bytes gathered before they go to {@code out}; at least 64 */
    public TextBytes(OutputStream out, int capacity) {
        if (capacity < 64) {
            throw new IllegalArgumentException("capacity must be at least 64 bytes, got " + capacity);
        }
        this.out = out;
        this.buf = new byte[capacity];
    }

    /** Makes room for {@code n} more bytes ({@code n <= buf.length}) by handing on what is gathered. */
    private void room(int n) {
        if (buf.length - pos < n) {
            drain();
        }
    }

    private void drain() {
        if (pos == 0) {
            return;
        }
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pos = 0;
        }
    }

    /** Hands everything gathered to the stream (without flushing the stream itself). */
    public void flush() {
        drain();
    }

    /** Bytes as they are: pre-encoded UTF-8 (literals, arrows, labels). */
    public TextBytes bytes(byte[] b) {
        if (b.length <= buf.length - pos) {
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        } else if (b.length <= buf.length) {
            drain();
            System.arraycopy(b, 0, buf, 0, b.length);
            pos = b.length;
        } else {
            drain();
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** One ASCII character ({@code c < 0x80}: a literal, never text from a file). */
    public TextBytes ascii(char c) {
        room(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** {@code n} spaces: the indentation of a tree line. */
    public TextBytes spaces(int n) {
        while (n > 0) {
            int k = Math.min(n, Math.min(SPACES.length, buf.length));
            room(k);
            System.arraycopy(SPACES, 0, buf, pos, k);
            pos += k;
            n -= k;
        }
        return this;
    }

    /**
     * {@code s} in UTF-8. The chars are copied out of the String at once into a reused array (a
     * {@code charAt} per char costs a check each, and a display with an ellipsis or a times sign,
     * such as every long binary's, is a UTF-16 String of some hundred chars).
     */
    public TextBytes string(String s) {
        int n = s.length();
        if (n > buf.length / 3) {
            return bytes(s.getBytes(StandardCharsets.UTF_8)); // longer than one buffer can surely take
        }
        room(3 * n);
        char[] c = chars(n);
        s.getChars(0, n, c, 0);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch >= 0x80) {
                pos = p;
                nonAscii(c, i, n);
                return this;
            }
            b[p++] = (byte) ch;
        }
        pos = p;
        return this;
    }

    /** The reused char array, at least {@code n} long. */
    private char[] chars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        return chars;
    }

    /** The rest of {@code s} from {@code i}, some of it beyond ASCII; room for 3 bytes a char was made. */
    private void nonAscii(char[] s, int from, int n) {
        byte[] b = buf;
        int p = pos;
        for (int i = from; i < n; i++) {
            char c = s[i];
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                int cp = Character.toCodePoint(c, s[++i]);
                b[p++] = (byte) (0xf0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                b[p++] = '?';
            } else {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        pos = p;
    }

    /** {@code v} in decimal, as {@code Long.toString} writes it ({@link DecimalDigits}). */
    public TextBytes decimal(long v) {
        room(DecimalDigits.MAX_BYTES);
        pos = DecimalDigits.write(buf, pos, v);
        return this;
    }

    /** {@code v} ({@code 0..999_999}) in exactly {@code width} digits, zeros in front. */
    public TextBytes zeroPadded(int v, int width) {
        room(width);
        for (int p = pos + width - 1; p >= pos; p--) {
            buf[p] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
        return this;
    }
}
