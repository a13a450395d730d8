package org.nlwb.decoder.policy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nlwb.decoder.tree.Node;

/**
 * Reads a {@link KernelPolicy} from the decoded replies of a CTRL_CMD_GETPOLICY dump
 * ({@code CTRL_ATTR_FAMILY_ID}, {@code CTRL_ATTR_OP_POLICY}, {@code CTRL_ATTR_POLICY} and the
 * {@code NL_POLICY_TYPE_ATTR_*} inside). Attributes are taken by their UAPI numbers (the nodes'
 * types), not by the names a spec gave them: the kernel's own YNL nlctrl.yaml lists {@code mask}
 * before {@code pad}, so a tree decoded with it calls NL_POLICY_TYPE_ATTR_MASK (12) "pad" and its
 * value bytes; such a value is read as the little-endian integer it is. Table, attribute and
 * command numbers are the nests' own types. Every reply adds to the same tables (the kernel sends
 * one attribute per message); a reply without these attributes (the request, NLMSG_DONE) adds
 * nothing, and a malformed value is left out rather than guessed.
 *
 * <p>Pitfall: a whole-family dump names the command of an operation that has no do form 0 (the
 * kernel writes the do handler's command, empty there). Asked about one operation
 * ({@code CTRL_ATTR_OP}), the kernel sends only that one: {@link #read(String, List, Integer)}
 * then files it under the command asked for.
 */
public final class PolicyDumpReader {
    private static final int CTRL_ATTR_FAMILY_ID = 1;
    private static final int CTRL_ATTR_POLICY = 8;
    private static final int CTRL_ATTR_OP_POLICY = 9;
    private static final int CTRL_ATTR_POLICY_DO = 1;
    private static final int CTRL_ATTR_POLICY_DUMP = 2;
    /** NL_POLICY_TYPE_ATTR_* of linux/netlink.h, by number (0 UNSPEC, 11 PAD). */
    private static final String[] POLICY_ATTRS = {null, "TYPE", "MIN_VALUE_S", "MAX_VALUE_S", "MIN_VALUE_U",
        "MAX_VALUE_U", "MIN_LENGTH", "MAX_LENGTH", "POLICY_IDX", "POLICY_MAXTYPE", "BITFIELD32_MASK", null, "MASK"};

    private PolicyDumpReader() {
    }

    /** The policy the dump replies in {@code trees} carry (any other messages are ignored). */
    public static KernelPolicy read(String family, List<Node> trees) {
        return read(family, trees, null);
    }

    /**
     * As {@link #read(String, List)}, for a dump asked about command {@code askedCmd} alone (null:
     * the whole family).
     */
    public static KernelPolicy read(String family, List<Node> trees, Integer askedCmd) {
        int familyId = -1;
        Map<Integer, OpPolicy> ops = new TreeMap<>();
        Map<Integer, Map<Integer, AttrPolicy>> tables = new TreeMap<>();
        for (Node tree : trees) {
            if (!"CTRL_CMD_GETPOLICY".equals(tree.name())) {
                continue; // DONE, ERROR, another family's message
            }
            for (Node a : attributes(tree)) {
                switch (a.type()) {
                    case CTRL_ATTR_FAMILY_ID -> familyId = number(a) != null ? number(a).intValue() : familyId;
                    case CTRL_ATTR_OP_POLICY -> readOps(a, askedCmd, ops);
                    case CTRL_ATTR_POLICY -> readTables(a, tables);
                    default -> { }
                }
            }
        }
        Map<Integer, PolicyTable> out = new HashMap<>();
        tables.forEach((i, attrs) -> out.put(i, new PolicyTable(i, attrs)));
        return new KernelPolicy(family, familyId, ops, out);
    }

    private static void readOps(Node opPolicy, Integer askedCmd, Map<Integer, OpPolicy> ops) {
        for (Node op : attributes(opPolicy)) {
            Integer doTable = null;
            Integer dumpTable = null;
            for (Node form : attributes(op)) {
                BigInteger v = number(form);
                if (v == null) {
                    continue;
                }
                if (form.type() == CTRL_ATTR_POLICY_DO) {
                    doTable = v.intValue();
                } else if (form.type() == CTRL_ATTR_POLICY_DUMP) {
                    dumpTable = v.intValue();
                }
            }
            int cmd = askedCmd != null ? askedCmd : op.type();
            ops.merge(cmd, new OpPolicy(cmd, doTable, dumpTable), (a, b) -> new OpPolicy(cmd,
                    a.doTable() != null ? a.doTable() : b.doTable(), a.dumpTable() != null ? a.dumpTable() : b.dumpTable()));
        }
    }

    private static void readTables(Node policy, Map<Integer, Map<Integer, AttrPolicy>> tables) {
        for (Node table : attributes(policy)) {
            Map<Integer, AttrPolicy> attrs = tables.computeIfAbsent(table.type(), k -> new TreeMap<>());
            for (Node attr : attributes(table)) {
                attrs.put(attr.type(), attrPolicy(attr));
            }
        }
    }

    private static AttrPolicy attrPolicy(Node attr) {
        Map<String, BigInteger> v = new HashMap<>();
        for (Node n : attributes(attr)) {
            BigInteger x = number(n);
            if (x != null && n.type() < POLICY_ATTRS.length && POLICY_ATTRS[n.type()] != null) {
                v.put(POLICY_ATTRS[n.type()], x);
            }
        }
        BigInteger type = v.get("TYPE");
        return new AttrPolicy(attr.type(), type == null ? NlAttrType.UNKNOWN : NlAttrType.of(type.longValue()),
                v.getOrDefault("MIN_VALUE_S", v.get("MIN_VALUE_U")), v.getOrDefault("MAX_VALUE_S", v.get("MAX_VALUE_U")),
                asLong(v.get("MIN_LENGTH")), asLong(v.get("MAX_LENGTH")), asInt(v.get("POLICY_IDX")),
                asInt(v.get("POLICY_MAXTYPE")), asLong(v.get("BITFIELD32_MASK")), v.get("MASK"));
    }

    /** The attribute children of a nest or message (nla_len/nla_type leaves and headers have no type). */
    private static List<Node> attributes(Node nest) {
        return nest.children().stream().filter(c -> c.type() != null && !c.name().startsWith("nla_")
                && !c.name().endsWith("msghdr")).toList();
    }

    private static BigInteger number(Node n) {
        if (n.status() == org.nlwb.decoder.tree.Status.MALFORMED) {
            return null;
        }
        Object v = n.value();
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof String hex && hex.matches("([0-9a-f]{2}){1,8}")) { // bytes: an attribute a spec calls binary or pad
            BigInteger x = BigInteger.ZERO;
            for (int i = hex.length() - 2; i >= 0; i -= 2) {
                x = x.shiftLeft(8).or(BigInteger.valueOf(Integer.parseInt(hex.substring(i, i + 2), 16)));
            }
            return x;
        }
        return v instanceof Number x ? BigInteger.valueOf(x.longValue()) : null;
    }

    private static Long asLong(BigInteger b) {
        return b == null ? null : b.longValue();
    }

    private static Integer asInt(BigInteger b) {
        return b == null ? null : b.intValue();
    }
}
