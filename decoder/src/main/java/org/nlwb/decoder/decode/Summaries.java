package org.nlwb.decoder.decode;

import java.util.ArrayList;
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
        StringBuilder sb = new StringBuilder(tree.name());
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
        List<String> items = new ArrayList<>();
        for (Node c : tree.children()) {
            if (items.size() >= MAX_ITEMS) {
                break;
            }
            if (c.name().equals("nlmsghdr") || c.status() == Status.PADDING || c.display() == null
                    || c.value() == null || c.status() == Status.UNKNOWN) {
                continue;
            }
            if (c.value() instanceof String) {
                items.add(shortName(c.name()) + "=" + c.display());
            }
        }
        for (String s : items) {
            sb.append(' ').append(s);
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
