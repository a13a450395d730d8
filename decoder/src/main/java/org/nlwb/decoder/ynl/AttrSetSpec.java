package org.nlwb.decoder.ynl;

import java.util.List;

/**
 * An attribute set: the attributes that may appear together at one level.
 *
 * @param prefix   the kernel constant prefix of its attributes ({@code IFLA_})
 * @param subsetOf the set it is a subset of (same numbers and names), or null
 */
public record AttrSetSpec(String name, String prefix, String subsetOf, List<AttrSpec> attributes) {

    public AttrSetSpec {
        attributes = List.copyOf(attributes);
    }

    /** The attribute with nla_type {@code value}, or null. */
    public AttrSpec byValue(int value) {
        // sets are small and usually numbered 1..n in order: try the likely slot before scanning
        if (value >= 1 && value <= attributes.size() && attributes.get(value - 1).value() == value) {
            return attributes.get(value - 1);
        }
        for (AttrSpec a : attributes) {
            if (a.value() == value) {
                return a;
            }
        }
        return null;
    }

    /** The attribute named {@code name} (spec spelling), or null. */
    public AttrSpec byName(String name) {
        for (AttrSpec a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
