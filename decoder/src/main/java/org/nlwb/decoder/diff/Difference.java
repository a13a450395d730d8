package org.nlwb.decoder.diff;

import java.util.Objects;

/**
 * One difference between two messages.
 *
 * @param path  node names from the message root down, joined by {@code /}
 *              ({@code RTM_NEWLINK/IFLA_LINKINFO/IFLA_INFO_KIND}); a repeated name carries its
 *              occurrence from the second on ({@code IFLA_ALT_IFNAME#2}); metadata paths start
 *              with {@code @} ({@code @time})
 * @param left  the left side, null when {@link DiffKind#ADDED}
 * @param right the right side, null when {@link DiffKind#REMOVED}
 * @param noise the noise rule that covers this difference, or null when it counts
 */
public record Difference(DiffKind kind, String path, Side left, Side right, NoiseRule noise) {

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    public boolean isNoise() {
        return noise != null;
    }
}
