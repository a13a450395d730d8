package org.nlwb.decoder.read;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The numbers of a strace line (pid, time, fd, return value, byte counts, dump offsets) as the
 * lexer matched them: digit strings of any length. Empty means the digits do not fit the
 * number's type; the parser then says so in a diagnostic instead of failing on the whole log.
 */
final class StraceNumbers {
    private static final int SHOWN_DIGITS = 24;

    private StraceNumbers() {
    }

    /** {@code -?[0-9]+} as a long; empty when it does not fit. */
    static OptionalLong decimal(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code -?[0-9]+} as an int (a pid, an fd); empty when it does not fit. */
    static OptionalInt decimalInt(String digits) {
        OptionalLong v = decimal(digits);
        return v.isPresent() && v.getAsLong() == (int) v.getAsLong() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    /** {@code [0-9a-fA-F]+} as a long; empty when it does not fit. */
    static OptionalLong hex(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The digits for a message: a hostile log's 100 kB number is shortened, with its length. */
    static String shown(String digits) {
        return digits.length() <= SHOWN_DIGITS ? digits
                : digits.substring(0, SHOWN_DIGITS - 4) + "... (" + digits.length() + " digits)";
    }
}
