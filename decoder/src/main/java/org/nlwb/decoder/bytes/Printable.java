package org.nlwb.decoder.bytes;

/**
 * Text taken from a file, made safe to print on a terminal. A message that quotes a file ("found
 * \"...\"", the first bytes of something that is not a netlink dump, a YAML scalar, a file name)
 * must not let the file drive the terminal: {@code ESC ] 0 ; title BEL} retitles a window,
 * {@code ESC [ 2 J} clears it, and a C1 {@code CSI} (U+009B) does the same on terminals that
 * take 8-bit controls.
 *
 * <p>Contract of {@link #escape}: every C0 control except tab (U+0000..U+001F), DEL (U+007F) and
 * every C1 control (U+0080..U+009F) is shown as {@code \xNN}; newline and carriage return too, so
 * a message stays one line. Nothing else changes, backslashes included, so escaping is
 * idempotent and safe to apply again where a message is assembled from already escaped parts
 * (the price: a literal {@code \x1b} in the file reads the same as an escaped ESC). Decoded string
 * values use {@code Values.quote}, which also escapes quotes and backslashes inside its quotes.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character but tab as {@code \xNN}; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                sb.append("\\x").append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@code c} is a C0 control other than tab, DEL, or a C1 control. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }
}
