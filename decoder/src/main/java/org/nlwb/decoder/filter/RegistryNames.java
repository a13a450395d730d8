package org.nlwb.decoder.filter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecMessageClass;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * Collects a {@link FilterVocabulary} from a registry: the spec families' attribute kernel names,
 * struct and member names, operation type names and enum value names, plus the names the core
 * decoder and the Java families give nodes. Message classes that are not spec-backed cannot list
 * their names; their fields are then warnings, not errors (see {@link FilterVocabulary}).
 */
final class RegistryNames {
    /** Node names the core decoder (headers, control messages, ext-ACK, the attribute walker, guesses) uses. */
    private static final List<String> CORE_FIELDS = List.of("nlmsghdr", "nlmsg_len", "nlmsg_type", "nlmsg_flags",
            "nlmsg_seq", "nlmsg_pid", "error", "msg", "genlmsghdr", "cmd", "version", "reserved", "nfgenmsg",
            "nfgen_family", "res_id", "nla_len", "nla_type", "payload", "padding", "trailing", "malformed", "unknown",
            "value", "raw", "nested", "selector", "data", "NLMSGERR_ATTR_MSG", "NLMSGERR_ATTR_OFFS",
            "NLMSGERR_ATTR_COOKIE", "NLMSGERR_ATTR_POLICY", "NLMSGERR_ATTR_MISS_TYPE", "NLMSGERR_ATTR_MISS_NEST",
            "NL_POLICY_TYPE_ATTR_TYPE", "NL_POLICY_TYPE_ATTR_MIN_VALUE_S", "NL_POLICY_TYPE_ATTR_MAX_VALUE_S",
            "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", "NL_POLICY_TYPE_ATTR_MAX_VALUE_U", "NL_POLICY_TYPE_ATTR_MIN_LENGTH",
            "NL_POLICY_TYPE_ATTR_MAX_LENGTH", "NL_POLICY_TYPE_ATTR_POLICY_IDX", "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE",
            "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", "NL_POLICY_TYPE_ATTR_PAD", "NL_POLICY_TYPE_ATTR_MASK");
    /** Node names only the Java families make (their codecs and message classes). */
    private static final List<String> FAMILY_FIELDS = List.of("rtnexthop", "rtnh_len", "rtnh_flags", "rtnh_hops",
            "rtnh_ifindex", "rtvia_family", "rtvia_addr",
            "tc_u32_sel", "tc_u32_key", "proc_cn_mcast_op", "event_data", "properties", "property",
            // uevent properties are named by their keys; the ones every kernel uevent has
            "ACTION", "DEVPATH", "SUBSYSTEM", "SEQNUM", "DEVNAME", "DEVTYPE", "DRIVER", "MAJOR", "MINOR", "INTERFACE",
            "IFINDEX", "MODALIAS");
    /**
     * The core decoder's names: nodes it may make in any message (headers, control messages, the
     * attribute walker's leaves and guesses), wherever the spec says what.
     */
    static final Set<String> DECODER_NAMES = Set.copyOf(CORE_FIELDS);
    /** The names above and the Java families': nodes the core and the Java families make, which no spec explains. */
    static final Set<String> CORE_NAMES = union(CORE_FIELDS, FAMILY_FIELDS);
    private static final List<String> CONTROL_TYPES = List.of("NLMSG_NOOP", "NLMSG_ERROR", "NLMSG_DONE",
            "NLMSG_OVERRUN", "GENL_ID_CTRL");
    /** What nlmsg_flags displays as, for every kind of request (NlFlags). */
    static final List<String> FLAG_NAMES = List.of("REQUEST", "MULTI", "ACK", "ECHO", "DUMP_INTR", "DUMP_FILTERED",
            "ROOT", "MATCH", "ATOMIC", "DUMP", "REPLACE", "EXCL", "CREATE", "APPEND", "NONREC", "BULK", "CAPPED",
            "ACK_TLVS");

    private final Set<String> fields = new HashSet<>(Filter.PSEUDO_FIELDS);
    private final Map<String, Set<String>> kernelBySpecName = new HashMap<>();
    private final Set<String> types = new HashSet<>(CONTROL_TYPES);
    private final Map<String, Set<String>> values = new HashMap<>();

    private RegistryNames() {
        fields.addAll(CORE_NAMES);
        values.put("flags", new HashSet<>(FLAG_NAMES));
        values.put("nlmsg_flags", new HashSet<>(FLAG_NAMES));
    }

    static FilterVocabulary collect(Registry registry) {
        RegistryNames n = new RegistryNames();
        Set<Family> seen = new HashSet<>();
        for (MessageClass c : registry.classes()) {
            if (c instanceof SpecMessageClass s && seen.add(s.family())) {
                n.family(s.family());
            }
        }
        Map<String, List<String>> kernel = new HashMap<>();
        n.kernelBySpecName.forEach((spec, names) -> {
            if (!n.fields.contains(spec)) {
                kernel.put(spec, names.stream().sorted().toList());
            }
        });
        return new FilterVocabulary(true, n.fields, kernel, n.types, n.values);
    }

    private void family(Family f) {
        for (OpSpec op : f.operations()) {
            addType(op.toKernelName());
            addType(op.fromKernelName());
        }
        for (StructDef s : f.structs().values()) {
            fields.add(StructDef.cName(s.name()));
            for (StructDef.Member m : s.members()) {
                fields.add(m.cName());
                enumValues(f, m.cName(), m.enumName());
            }
        }
        for (AttrSetSpec set : f.attributeSets().values()) {
            for (AttrSpec a : set.attributes()) {
                if (a.kernelName() == null) {
                    continue;
                }
                fields.add(a.kernelName());
                kernelBySpecName.computeIfAbsent(a.name(), k -> new HashSet<>()).add(a.kernelName());
                enumValues(f, a.kernelName(), a.enumName());
            }
        }
    }

    private void addType(String name) {
        if (name != null) {
            types.add(name);
        }
    }

    private void enumValues(Family f, String field, String enumName) {
        EnumDef e = enumName == null ? null : f.enums().get(enumName);
        if (e == null) {
            return;
        }
        Set<String> v = values.computeIfAbsent(field, k -> new HashSet<>());
        v.addAll(e.kernelNames().values());
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
