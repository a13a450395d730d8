package org.nlwb.decoder.policy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A generic netlink family's attribute policy as one kernel reported it (a CTRL_CMD_GETPOLICY
 * dump, {@link PolicyDumpReader}): the root table of each operation's do and dump form and every
 * table those reach through nests. Numbers only; {@link PolicyRows} names them through a spec.
 *
 * @param family   the family asked about
 * @param familyId its id on that kernel
 */
public record KernelPolicy(String family, int familyId, Map<Integer, OpPolicy> operations,
                           Map<Integer, PolicyTable> tables) {

    public KernelPolicy {
        operations = Collections.unmodifiableMap(new TreeMap<>(operations));
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /** The table numbered {@code index}, or null. */
    public PolicyTable table(Integer index) {
        return index == null ? null : tables.get(index);
    }

    /** The policy of command {@code cmd}, empty when the dump has none (the operation validates no attributes). */
    public Optional<OpPolicy> operation(int cmd) {
        return Optional.ofNullable(operations.get(cmd));
    }

    /**
     * This policy with the operations of {@code other} (a dump of the same family, whose tables
     * are numbered on their own) added: {@code other}'s tables renumbered after this one's, its
     * operations replacing any of the same command. For filing a dump-only operation, which a
     * whole-family dump names command 0, under its own command.
     */
    public KernelPolicy with(KernelPolicy other) {
        int offset = tables.isEmpty() ? 0 : new TreeMap<>(tables).lastKey() + 1;
        Map<Integer, PolicyTable> t = new TreeMap<>(tables);
        other.tables.values().forEach(x -> {
            Map<Integer, AttrPolicy> attrs = new TreeMap<>();
            x.attributes().forEach((n, a) -> attrs.put(n, a.policyIdx() == null ? a : new AttrPolicy(a.attr(), a.type(),
                    a.min(), a.max(), a.minLength(), a.maxLength(), a.policyIdx() + offset, a.maxType(), a.bitfield32(),
                    a.mask())));
            t.put(x.index() + offset, new PolicyTable(x.index() + offset, attrs));
        });
        Map<Integer, OpPolicy> ops = new TreeMap<>(operations);
        other.operations.values().forEach(o -> ops.put(o.cmd(), new OpPolicy(o.cmd(),
                o.doTable() == null ? null : o.doTable() + offset, o.dumpTable() == null ? null : o.dumpTable() + offset)));
        return new KernelPolicy(family, familyId, ops, t);
    }

    /** This policy without the operation of command {@code cmd}. */
    public KernelPolicy without(int cmd) {
        Map<Integer, OpPolicy> ops = new TreeMap<>(operations);
        ops.remove(cmd);
        return new KernelPolicy(family, familyId, ops, tables);
    }

    /** The root table requests of {@code cmd} (do or dump) follow, or null. */
    public PolicyTable root(int cmd, boolean dump) {
        return operation(cmd).map(o -> table(o.table(dump))).orElse(null);
    }
}
