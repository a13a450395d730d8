package org.nlwb.decoder.decode;

import java.util.Set;

/**
 * An {@link AttributeCodec} (a Java one, put in place of a spec's) that says which node names its
 * subtree can carry, so a search for one name (the display filter) skips its attribute when the
 * name cannot be there and otherwise decodes that attribute alone, not the whole message.
 *
 * <p>Contract: the codec's result depends only on its payload, the byte-order flag, the walks it
 * asks of its scope and {@link DecodeScope#lookup} of sub-message selectors (never
 * {@link DecodeScope#siblings}): decoded alone in a scope that looks up as the message's would, it
 * makes the same nodes. Pitfall: a name left out here makes the filter miss that node.
 */
public interface NamedSubtree {

    /**
     * Whether a node the codec makes itself may be named {@code name}: not the attribute's own
     * node (its kernel name), not the walker's ({@code value}, {@code padding}), not those of the
     * sets it walks.
     */
    boolean mayName(String name);

    /** The family's attribute sets (YNL names) it walks inside its payload. */
    Set<String> walkedSets();
}
