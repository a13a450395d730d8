package org.nlwb.decoder.registry;

import java.util.function.Function;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;

/**
 * A plugin's decoder for one attribute of a spec family, used instead of the spec's: the hook for
 * values a YNL spec cannot describe (RTA_MULTIPATH's list of {@code rtnexthop}s, each followed by
 * attributes) or that a user wants shown differently (a value formatter).
 */
@FunctionalInterface
public interface AttributeCodecFactory {

    /**
     * @param specCodec   how the spec alone would decode the attribute (its name is the kernel name)
     * @param familySets  the family's attribute sets by YNL name, for nested walks
     */
    AttributeCodec create(AttributeCodec specCodec, Function<String, AttributeSet> familySets);
}
