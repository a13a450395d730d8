package org.nlwb.decoder.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.AttributeCodecFactory;
import org.nlwb.decoder.registry.Once;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecProblem;

/**
 * The families loaded from a spec search path at one moment: for each family the spec that won
 * (the last one on the path) and the ones it overrode, plus every problem met while loading.
 * Immutable; {@link SpecLibrary#load()} makes a new one for each reload.
 */
public final class SpecCatalog {
    private final Map<String, Entry> families;
    private final List<SpecProblem> problems;

    /**
     * A family and where it came from. A built-in family's spec is parsed when {@link #family()} is
     * first called; {@link #name()}, {@link #facts()} and the origin need no parsing.
     *
     * @param source     the family's facts, and the family parsed now or on first use
     * @param origin     the file (or {@code builtin:NAME}) the family was read from
     * @param overridden earlier files on the search path that defined the same family, in order
     */
    public record Entry(SpecSource source, String origin, List<String> overridden) {
        public Entry {
            java.util.Objects.requireNonNull(source, "source");
            overridden = List.copyOf(overridden);
        }

        /** An entry of a family parsed already. */
        public Entry(Family family, String origin, List<String> overridden) {
            this(SpecSource.parsed(family), origin, overridden);
        }

        /**
         * The family, its spec parsed now if nobody asked before.
         *
         * @throws IllegalStateException when a built-in spec does not parse (see {@link SpecSource#family()})
         */
        public Family family() {
            return source.family();
        }

        /** The family's name, without parsing. */
        public String name() {
            return source.facts().name();
        }

        /** Name, schema level, protocol and message ids, without parsing. */
        public SpecFacts facts() {
            return source.facts();
        }
    }

    /** A catalog of already parsed families (keyed by family name) and the problems met finding them. */
    public SpecCatalog(Map<String, Entry> families, List<SpecProblem> problems) {
        this.families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
        this.problems = List.copyOf(problems);
    }

    /** Every family, in the order first met on the search path. */
    public List<Entry> entries() {
        return List.copyOf(families.values());
    }

    public Optional<Entry> entry(String familyName) {
        return Optional.ofNullable(families.get(familyName));
    }

    /** The family named so, its spec parsed now if nobody asked before. */
    public Optional<Family> family(String familyName) {
        return entry(familyName).map(Entry::family);
    }

    /** Problems with files on the path; those files were skipped (an earlier spec of the family stays). */
    public List<SpecProblem> problems() {
        return problems;
    }

    /**
     * Adds every family's message class and the dispatch for its protocol: a {@link GenlResolver}
     * for NETLINK_GENERIC and one {@link RawResolver} per protocol the netlink-raw families use.
     * Each class is made (and a built-in spec parsed) only when a message or a lookup by name first
     * needs it; the dispatch decides from the families' {@link SpecFacts}.
     */
    public void contribute(Registry.Builder registry) {
        contribute(registry, Map.of());
    }

    /**
     * As {@link #contribute(Registry.Builder)}, with plugin codecs replacing the spec's for some
     * attributes (keyed by {@link Registry#attributeKey}).
     */
    public void contribute(Registry.Builder registry, Map<String, AttributeCodecFactory> attributeCodecs) {
        Map<String, Once<SpecMessageClass>> genl = new LinkedHashMap<>();
        Map<Integer, List<RawResolver.Candidate>> raw = new LinkedHashMap<>();
        Map<String, AttributeCodecFactory> overrides = Map.copyOf(attributeCodecs);
        for (Entry e : families.values()) {
            SpecSource source = e.source();
            Once<SpecMessageClass> c = Once.of(() -> new SpecMessageClass(new FamilyCodecs(source.family(), overrides)));
            SpecFacts facts = source.facts();
            registry.add(facts.name(), c);
            if (facts.schema().isGeneric()) {
                genl.put(facts.name(), c);
            } else if (facts.protonum() != null) {
                raw.computeIfAbsent(facts.protonum(), k -> new ArrayList<>()).add(new RawResolver.Candidate(facts, c));
            }
        }
        if (!genl.isEmpty()) {
            registry.resolver(Protocol.GENERIC, new GenlResolver(genl));
        }
        raw.forEach((proto, classes) -> registry.resolver(proto, new RawResolver(classes)));
    }
}
