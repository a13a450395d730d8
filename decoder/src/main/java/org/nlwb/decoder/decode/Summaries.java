package org.nlwb.decoder.decode;

import java.util.List;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** One-line summaries for the message list when a class offers none. */
public final class Summaries {
    private static final int MAX_ITEMS = 4;

    private Summaries() {
    }

    /**
     * {@code NLMSG_ERROR -EEXIST "Address already assigned"}, {@code NLMSG_ERROR ACK}, or the type
     * name followed by the first few named top-level values.
     */
    public static String generic(Node tree) {
        StringBuilder sb = new StringBuilder(80).append(tree.name());
        Node error = tree.child("error");
        if (error != null && error.value() instanceof Long e) {
            if (tree.name().equals("NLMSG_ERROR") && e == 0) {
                sb.append(" ACK");
            } else if (e != 0) {
                sb.append(' ').append(org.nlwb.decoder.message.Errno.signedName(e.intValue()));
            }
            Node msg = tree.child("msg");
            if (msg != null) {
                sb.append(" to ").append(requestName(msg));
            }
            Node text = tree.child("NLMSGERR_ATTR_MSG");
            if (text != null && text.display() != null) {
                sb.append(' ').append(text.display());
            }
            return sb.toString();
        }
        // written straight into the line: this runs for every message
        int items = 0;
        List<Node> children = tree.children();
        for (int i = 0, n = children.size(); i < n && items < MAX_ITEMS; i++) {
            Node c = children.get(i);
            if (c.value() instanceof String && c.display() != null && c.status() != Status.PADDING
                    && c.status() != Status.UNKNOWN && !c.name().equals("nlmsghdr")) {
                sb.append(' ');
                appendShortName(sb, c.name());
                sb.append('=').append(c.display());
                items++;
            }
        }
        if (tree.status() == Status.MALFORMED) {
            sb.append(" [malformed]");
        }
        return sb.toString();
    }

    /**
     * What the echoed request was: its message name, or, when a capped echo leaves only a number
     * (a genl header without its command), what its nlmsghdr says ({@code nlctrl (0x10)}).
     */
    private static String requestName(Node msg) {
        String name = msg.display() == null ? msg.name() : msg.display().split(" ")[0];
        Node header = msg.child("nlmsghdr");
        Node type = header == null ? null : header.child("nlmsg_type");
        return name.startsWith("0x") && type != null && type.display() != null ? type.display() : name;
    }

    /** {@link #shortName} of {@code kernelName}, appended without making it first. */
    private static void appendShortName(StringBuilder sb, String kernelName) {
        int from = shortNameStart(kernelName);
        int n = kernelName.length();
        for (int i = from; i < n; i++) {
            if (kernelName.charAt(i) >= 0x80) {
                sb.append(kernelName.substring(from).toLowerCase(java.util.Locale.ROOT));
                return;
            }
        }
        for (int i = from; i < n; i++) {
            char ch = kernelName.charAt(i);
            sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch); // Locale.ROOT lower case of ASCII
        }
    }

    /** Where {@link #shortName} starts in {@code kernelName}. */
    private static int shortNameStart(String kernelName) {
        int m = kernelName.lastIndexOf("_ATTR_");
        if (m > 0 && m + 6 < kernelName.length()) {
            return m + 6;
        }
        m = kernelName.lastIndexOf("_A_");
        if (m > 0 && m + 3 < kernelName.length()) {
            return m + 3;
        }
        int u = kernelName.indexOf('_');
        return u > 0 && u < kernelName.length() - 1 ? u + 1 : 0;
    }

    /** {@code IFLA_IFNAME} → {@code ifname}, {@code NL80211_ATTR_IFNAME} → {@code ifname}, {@code CTRL_ATTR_FAMILY_NAME} → {@code family_name}. */
    static String shortName(String kernelName) {
        for (String marker : new String[] {"_ATTR_", "_A_"}) {
            int m = kernelName.lastIndexOf(marker);
            if (m > 0 && m + marker.length() < kernelName.length()) {
                return kernelName.substring(m + marker.length()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        int u = kernelName.indexOf('_');
        return (u > 0 && u < kernelName.length() - 1 ? kernelName.substring(u + 1) : kernelName)
                .toLowerCase(java.util.Locale.ROOT);
    }
}
