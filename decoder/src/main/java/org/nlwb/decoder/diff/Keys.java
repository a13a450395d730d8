package org.nlwb.decoder.diff;

import java.util.HashMap;
import java.util.Map;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The path segment each child of one node is matched by: its name, {@code NAME#2} from the
 * second namesake on, and {@code padding(after NAME)} for alignment bytes (by the sibling they
 * follow, so padding moves with its attribute). One instance per list of children.
 */
final class Keys {
    private static final String PADDING_PREFIX = "padding(after ";

    private final Map<String, Integer> seen = new HashMap<>();
    private String previous = "start";

    String next(Node n) {
        boolean padding = n.status() == Status.PADDING;
        String base = padding ? PADDING_PREFIX + previous + ")" : n.name();
        int k = seen.merge(base, 1, Integer::sum);
        String key = k == 1 ? base : base + "#" + k;
        if (!padding) {
            previous = key;
        }
        return key;
    }

    static boolean isPadding(String key) {
        return key.startsWith(PADDING_PREFIX);
    }

    /** The key of the sibling a padding key follows ({@code padding(after X)} → {@code X}). */
    static String paddedSibling(String key) {
        if (!isPadding(key)) {
            return key;
        }
        int close = key.indexOf(')', PADDING_PREFIX.length());
        return key.substring(PADDING_PREFIX.length(), close < 0 ? key.length() : close);
    }
}
