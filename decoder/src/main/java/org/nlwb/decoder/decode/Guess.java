package org.nlwb.decoder.decode;

import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Best guesses for bytes no spec explains. The guess is a reading aid, marked {@code unknown},
 * and never drops a byte: a nest guess is only taken when its attributes tile the payload
 * exactly.
 */
public final class Guess {
    private Guess() {
    }

    static Decoded attribute(ByteView p, boolean nestedFlag, DecodeScope scope) {
        int n = p.length();
        String note;
        if (nestedFlag || (n >= 8 && tilesAsAttributes(p))) {
            List<Node> kids = scope.walk(p, AttributeSet.unknown("nest"));
            return new Decoded(null, "nested (" + n + " bytes)", kids, Status.UNKNOWN,
                    "unknown attribute; payload read as nested attributes" + (nestedFlag ? " (NLA_F_NESTED)" : " (they tile it exactly)"));
        }
        if (isText(p)) {
            Decoded s = Values.string(p, false);
            return s.withStatus(Status.UNKNOWN, "unknown attribute; payload looks like text");
        }
        switch (n) {
            case 0 -> {
                return new Decoded(Boolean.TRUE, "(empty)", List.of(), Status.UNKNOWN, "unknown attribute; empty payload (a flag?)");
            }
            case 1 -> note = "u8";
            case 2 -> note = "u16";
            case 4 -> note = "u32";
            case 8 -> note = "u64";
            default -> note = null;
        }
        if (note != null) {
            Decoded v = Values.decode(ValueType.valueOf(note.toUpperCase(java.util.Locale.ROOT)), p, false);
            return new Decoded(v.value(), v.display() + " (0x" + hexLe(p) + ")", List.of(), Status.UNKNOWN,
                    "unknown attribute; payload read as " + note);
        }
        Decoded b = Values.binary(p);
        return b.withStatus(Status.UNKNOWN, "unknown attribute; " + n + " bytes shown as hex");
    }

    private static String hexLe(ByteView p) {
        StringBuilder sb = new StringBuilder();
        for (int i = p.length() - 1; i >= 0; i--) {
            sb.append(Character.forDigit(p.u8(i) >> 4, 16)).append(Character.forDigit(p.u8(i) & 15, 16));
        }
        return sb.toString();
    }

    /** Printable text ending in a NUL (and nothing but NULs after it). */
    static boolean isText(ByteView p) {
        int n = p.length();
        if (n < 2) {
            return false;
        }
        int nul = p.indexOf(0, 0);
        if (nul < 1 || !p.slice(nul, n - nul).allZero()) {
            return false;
        }
        for (int i = 0; i < nul; i++) {
            int c = p.u8(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code p} frames exactly as a sequence of attributes with sane lengths. */
    public static boolean tilesAsAttributes(ByteView p) {
        AttributeCursor c = new AttributeCursor(p);
        int count = 0;
        while (c.next()) {
            if (c.type() > 512 || !p.slice(c.offset() + c.nlaLen(), c.paddingAfter()).allZero()) {
                return false;
            }
            count++;
        }
        if (c.stop() != AttributeCursor.Stop.END) {
            return false;
        }
        return count > 0;
    }
}
