package org.nlwb.decoder.pipeline;

import java.util.Locale;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.tree.Node;

/**
 * Find: the first node of a message whose name, value or display contains the text
 * (case-insensitive), or whose bytes contain it when the text is hex ({@code 7f000001},
 * {@code 7f 00 00 01}). The window's find bar (Ctrl+F) searches with it; it needs no window.
 */
public final class Finder {
    private Finder() {
    }

    /** Where the text was found: a message of the capture and the node in its tree. */
    public record Hit(int messageIndex, Node node) {
    }

    /** @param after when not null, only nodes after this one (pre-order) count: "find next" within a message */
    public static Hit find(DecodedMessage m, String needle, Node after) {
        String lower = needle.toLowerCase(Locale.ROOT);
        byte[] hex = hexBytes(needle);
        boolean[] passed = {after == null};
        Node[] found = new Node[1];
        m.tree().walk(n -> {
            if (found[0] != null) {
                return;
            }
            if (!passed[0]) {
                if (n == after) {
                    passed[0] = true;
                }
                return;
            }
            if (matches(n, lower)) {
                found[0] = n;
            }
        });
        if (found[0] == null && hex != null && after == null) {
            int at = indexOf(m.ref().bytes().toArray(), hex);
            if (at >= 0) {
                found[0] = m.tree().deepestCovering(at, at + hex.length);
            }
        }
        return found[0] == null ? null : new Hit(m.ref().index(), found[0]);
    }

    private static boolean matches(Node n, String lower) {
        return n.name().toLowerCase(Locale.ROOT).contains(lower)
                || (n.display() != null && n.display().toLowerCase(Locale.ROOT).contains(lower))
                || (n.value() != null && n.value().toString().toLowerCase(Locale.ROOT).contains(lower));
    }

    /** The bytes {@code s} spells in hex ({@code 0x7f000001}, {@code 7f:00 00 01}), or null when it is not hex. */
    public static byte[] hexBytes(String s) {
        String h = s.replaceAll("[\\s:]", "");
        if (h.startsWith("0x")) {
            h = h.substring(2);
        }
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            return null;
        }
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
