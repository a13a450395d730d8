package org.nlwb.decoder.filter;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nlwb.decoder.codec.Suggestions;
import org.nlwb.decoder.registry.Registry;

/**
 * The names a filter may use, so that a typo is said instead of silently matching nothing: every
 * field a decoded tree can hold (attribute kernel names, fixed-header members, the core's
 * {@code nlmsghdr} and ext-ACK nodes, the {@link Filter#PSEUDO_FIELDS}), every message type name,
 * and each field's enum value names. Built once per {@link Registry} ({@link #of}) and immutable;
 * the window adds the names of the messages it has shown ({@link #withFields}).
 *
 * <p>Pitfall: the vocabulary cannot be complete. Java message classes and plugins name nodes the
 * registry cannot list, so a name that is unknown but close to no known one is only a warning
 * ({@link FilterWarning}); it is an error only when a known name is close (a typo).
 */
public final class FilterVocabulary {
    private static final FilterVocabulary NONE = new FilterVocabulary(false, Set.of(), Map.of(), Set.of(), Map.of());

    private final boolean checks;
    private final Set<String> fields;
    /** YNL spelling ({@code ifname}) → the kernel names the tree uses ({@code IFLA_IFNAME, ...}), sorted. */
    private final Map<String, List<String>> specNames;
    private final Set<String> typeNames;
    private final Map<String, Set<String>> values;

    FilterVocabulary(boolean checks, Set<String> fields, Map<String, List<String>> specNames, Set<String> typeNames,
                     Map<String, Set<String>> values) {
        this.checks = checks;
        this.fields = Set.copyOf(fields);
        this.specNames = Map.copyOf(specNames);
        this.typeNames = Set.copyOf(typeNames);
        Map<String, Set<String>> v = new HashMap<>();
        values.forEach((k, s) -> v.put(k, Set.copyOf(s)));
        this.values = Map.copyOf(v);
    }

    /** No names at all: filters are checked for syntax only ({@link Filter#parse(String)}). */
    public static FilterVocabulary none() {
        return NONE;
    }

    /** Every name {@code registry}'s message classes and the core decoder give nodes and types. */
    public static FilterVocabulary of(Registry registry) {
        return RegistryNames.collect(registry);
    }

    /** This vocabulary and {@code more} field names (node names of messages seen). */
    public FilterVocabulary withFields(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> f = new HashSet<>(fields);
        f.addAll(more);
        return new FilterVocabulary(true, f, specNames, typeNames, values);
    }

    /** This vocabulary and {@code more} type names (types of messages seen). */
    public FilterVocabulary withTypeNames(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<String> t = new HashSet<>(typeNames);
        t.addAll(more);
        return new FilterVocabulary(true, fields, specNames, t, values);
    }

    /** False for {@link #none()}: nothing is checked. */
    public boolean checks() {
        return checks;
    }

    public boolean knowsField(String name) {
        return fields.contains(name);
    }

    public Set<String> fields() {
        return fields;
    }

    public boolean knowsType(String name) {
        return typeNames.contains(name);
    }

    public Set<String> typeNames() {
        return typeNames;
    }

    /** The known field {@code wrong} is probably a typo of. */
    public Optional<String> closestField(String wrong) {
        return Suggestions.closest(wrong, fields);
    }

    /** The kernel names of the attributes the specs call {@code specName} ({@code ifname}), sorted; often empty. */
    public List<String> kernelNames(String specName) {
        return specNames.getOrDefault(specName, List.of());
    }

    public Optional<String> closestType(String wrong) {
        return Suggestions.closest(wrong, typeNames);
    }

    /** The enum value names of {@code field} (the {@code IF_OPER_UP} of IFLA_OPERSTATE); empty when it has none. */
    public Set<String> valueNames(String field) {
        return values.getOrDefault(field, Set.of());
    }

    /** The closed sets of the pseudo-fields that have one. */
    static final List<String> DIRECTIONS = List.of("in", "out", "unknown", "request", "reply", "notification");
}
