package org.nlwb.decoder.ynl;

import java.util.List;
import java.util.Map;

/**
 * A netlink family as one YNL spec describes it, fully resolved: names, numbers and every
 * reference checked. Immutable.
 *
 * @param schema      the spec's {@code protocol:} level
 * @param protonum    the netlink protocol of a netlink-raw family ({@code 0} for rtnetlink), or null for
 *                    generic netlink
 * @param directional the operations use the directional enum model
 * @param origin      where the spec came from ({@code builtin:rt-link.yaml}, a path)
 */
public record Family(String name, SchemaLevel schema, Integer protonum, String doc, Map<String, Long> consts,
                     Map<String, EnumDef> enums, Map<String, StructDef> structs, Map<String, AttrSetSpec> attributeSets,
                     List<OpSpec> operations, Map<String, SubMessageSpec> subMessages, List<McastGroup> mcastGroups,
                     boolean directional, String origin) {

    public Family {
        consts = Map.copyOf(consts);
        enums = Map.copyOf(enums);
        structs = Map.copyOf(structs);
        attributeSets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributeSets));
        operations = List.copyOf(operations);
        subMessages = Map.copyOf(subMessages);
        mcastGroups = List.copyOf(mcastGroups);
    }

    /** A multicast group; {@code value} is the group number of a netlink-raw family, else null. */
    public record McastGroup(String name, Integer value) {
    }

    /** The protocol the family's messages travel on. */
    public int protocol() {
        return protonum != null ? protonum : org.nlwb.decoder.model.Protocol.GENERIC;
    }
}
