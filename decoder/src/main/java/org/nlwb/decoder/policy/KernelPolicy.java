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

    /** The root table requests of {@code cmd} (do or dump) follow, or null. */
    public PolicyTable root(int cmd, boolean dump) {
        return operation(cmd).map(o -> table(o.table(dump))).orElse(null);
    }
}
