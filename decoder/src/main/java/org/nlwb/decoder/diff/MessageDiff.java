package org.nlwb.decoder.diff;

import java.util.List;
import org.nlwb.decoder.tree.Node;

/**
 * Two paired messages and how they differ. One side is missing when a conversation has a message
 * the other lacks: its index is -1, its tree null, and the one difference is the whole message
 * {@link DiffKind#ADDED} or {@link DiffKind#REMOVED}.
 *
 * @param leftIndex   the left message's index in its capture (as {@code nlwb decode} numbers it), or -1
 * @param rightIndex  the same on the right
 * @param differences every difference found, noise included (see {@link #counted})
 */
public record MessageDiff(int leftIndex, int rightIndex, Node leftTree, Node rightTree, List<Difference> differences) {

    public MessageDiff {
        differences = List.copyOf(differences);
    }

    /** The differences that count: all of them with {@code includeNoise}, else those no rule covers. */
    public List<Difference> counted(boolean includeNoise) {
        return includeNoise ? differences : differences.stream().filter(d -> !d.isNoise()).toList();
    }

    public boolean equal(boolean includeNoise) {
        return counted(includeNoise).isEmpty();
    }

    /** The name of the message on either side ({@code RTM_NEWLINK}), left first. */
    public String name() {
        return leftTree != null ? leftTree.name() : rightTree != null ? rightTree.name() : "?";
    }
}
