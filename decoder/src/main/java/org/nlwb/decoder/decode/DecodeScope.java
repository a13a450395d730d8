package org.nlwb.decoder.decode;

import java.util.List;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.tree.Node;

/**
 * What a value decoder may ask while it decodes: walk nested attributes (depth-limited), read the
 * conversation (genl family ids seen so far), and look at values decoded earlier in the enclosing
 * scopes (a YNL sub-message selector such as {@code IFLA_INFO_KIND} lives in a parent nest).
 */
public interface DecodeScope {

    /**
     * Walks {@code region} as a stream of attributes of {@code set}, one nesting level deeper: the
     * nodes tiling it, as an unmodifiable list (copy it to change it).
     */
    List<Node> walk(ByteView region, AttributeSet set);

    /** The conversation context of the message being decoded. */
    Conversation conversation();

    /** How deep the attribute nesting is here (0 at the message body). */
    int depth();

    /**
     * The value of the nearest attribute named {@code attributeName} already decoded in this scope or
     * an enclosing one (the innermost wins), or null. Values are those of {@link Node#value()}.
     */
    Object lookup(String attributeName);

    /** Values decoded so far at this level, by attribute name (for selectors); a read-only snapshot. */
    Map<String, Object> siblings();
}
