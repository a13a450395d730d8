package org.nlwb.decoder.policy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One policy table of a dump ({@code [policy-id N]}): the attributes the kernel accepts at one
 * level, by number. An attribute the table lacks is one the kernel does not accept there (strict
 * validation refuses it; {@code NLA_UNSPEC} and {@code NLA_REJECT} entries are not dumped).
 */
public record PolicyTable(int index, Map<Integer, AttrPolicy> attributes) {

    public PolicyTable {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The policy of attribute {@code attr}, or null. */
    public AttrPolicy attribute(int attr) {
        return attributes.get(attr);
    }
}
