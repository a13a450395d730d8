package org.nlwb.app.ui.compose;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Bytes as raw mode shows them: two hex digits a byte, a space between bytes, 16 bytes a line,
 * so byte {@code i} is at character {@link #charOf}. Parsing takes any spacing and {@code 0x}
 * prefixes, and ignores {@code #} comments to the end of a line.
 */
final class HexText {
    static final int PER_LINE = 16;

    private HexText() {
    }

    static String format(byte[] b) {
        StringBuilder sb = new StringBuilder();
        HexFormat h = HexFormat.of();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(i % PER_LINE == 0 ? '\n' : ' ');
            }
            sb.append(h.toHexDigits(b[i]));
        }
        return sb.toString();
    }

    /** Where byte {@code i} starts in {@link #format}'s text. */
    static int charOf(int i) {
        return i / PER_LINE * (PER_LINE * 3) + i % PER_LINE * 3;
    }

    /** @throws IllegalArgumentException naming the first thing that is not a hex digit */
    static byte[] parse(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).replace("0x", " ").replace("0X", " ");
            for (char c : l.toCharArray()) {
                if (Character.digit(c, 16) >= 0) {
                    digits.append(c);
                } else if (!Character.isWhitespace(c) && c != ',' && c != ':') {
                    throw new IllegalArgumentException("'" + c + "' is not a hex digit");
                }
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hex digits (" + digits.length() + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < digits.length(); i += 2) {
            out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }
}
