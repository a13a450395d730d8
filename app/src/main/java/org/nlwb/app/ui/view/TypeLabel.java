package org.nlwb.app.ui.view;

import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.tree.Node;

/**
 * The message type as the window names it. The decoder names a generic netlink message by its
 * family id when the capture does not say which family the id is ({@code 0x1b}); once a class is
 * chosen for it, its genlmsghdr carries the command's name ({@code NL80211_CMD_NEW_INTERFACE}),
 * which says more than the number, so the list, the summary and the pane title use that.
 */
public final class TypeLabel {
    private TypeLabel() {
    }

    /** The type name, the command's name where the decoder could only give a number. */
    public static String of(DecodedMessage m) {
        String t = m.typeName();
        if (t == null || !t.startsWith("0x")) {
            return t;
        }
        Node genl = m.tree().child("genlmsghdr");
        String cmd = genl == null ? null : genl.display() != null ? genl.display()
                : genl.value() instanceof String s ? s : null;
        return cmd == null || cmd.isBlank() || cmd.startsWith("0x") ? t : cmd;
    }

    /** The summary, starting with {@link #of} instead of the number it started with. */
    public static String summary(DecodedMessage m) {
        String s = m.summary();
        String t = m.typeName();
        String named = of(m);
        if (s == null || t == null || named.equals(t) || !s.startsWith(t)) {
            return s;
        }
        return named + s.substring(t.length());
    }
}
