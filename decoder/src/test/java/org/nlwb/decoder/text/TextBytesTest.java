package org.nlwb.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes are those String.getBytes(UTF_8) and Long.toString give, whatever the buffer size. */
class TextBytesTest {
    private static final List<String> STRINGS = List.of("", "nla_len", "IFLA_IFNAME", "← kernel", "→ kernel",
            "\"é\" ü ß", "00 11 … (132 bytes)", "中文 name", "emoji \uD83D\uDE00 pair", "lone \uD83D high",
            "lone \uDE00 low", "end high \uD83D", "\u007f\u0080\u07ff\u0800\uffff", "x".repeat(70_000),
            "é".repeat(30_000), "a→".repeat(25_000));

    @Test
    void stringsAreEncodedAsStringGetBytesEncodesThemAtAnyCapacity() {
        for (int capacity : new int[] {64, 100, 4096, TextBytes.DEFAULT_CAPACITY}) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            TextBytes t = new TextBytes(actual, capacity);
            for (String s : STRINGS) {
                expected.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                t.string(s);
            }
            t.flush();
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "capacity " + capacity);
        }
    }

    @Test
    void numbersAreWrittenAsLongToStringWritesThem() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 99L, 100L, 65535L, 4294967295L, -1L, -10L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE));
        for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, p * 10 - 1));
        }
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        TextBytes t = new TextBytes(actual, 64);
        for (long v : values) {
            expected.append(v).append(' ');
            t.decimal(v).ascii(' ');
        }
        t.flush();
        assertEquals(expected.toString(), actual.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void zeroPaddingAndIndentationFillTheirWidth() {
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        TextBytes t = new TextBytes(actual, 64);
        t.zeroPadded(37, 6).ascii('|').zeroPadded(999_999, 6).ascii('|').spaces(0).spaces(3).ascii('|').spaces(600);
        t.flush();
        assertEquals("000037|999999|   |" + " ".repeat(600), actual.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aFailedWriteIsThrownUncheckedWithItsCause() {
        IOException broken = new IOException("broken pipe");
        TextBytes t = new TextBytes(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw broken;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw broken;
            }
        }, 64);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> t.string("x".repeat(100)).flush());
        assertEquals(broken, e.getCause());
    }
}
