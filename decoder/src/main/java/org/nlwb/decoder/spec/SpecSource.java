package org.nlwb.decoder.spec;

import java.util.function.Supplier;
import org.nlwb.decoder.registry.Once;
import org.nlwb.decoder.ynl.Family;

/**
 * A family of the search path: its {@link SpecFacts}, known at once, and its parsed {@link Family},
 * parsed when first asked for (a built-in spec) or already parsed (a spec file the user has, which
 * is parsed at load so that its problems are reported as before). Thread-safe: the spec is parsed
 * at most once, by whichever thread asks first.
 */
public final class SpecSource {
    private final SpecFacts facts;
    private final Once<Family> family;

    private SpecSource(SpecFacts facts, Once<Family> family) {
        this.facts = facts;
        this.family = family;
    }

    /** A family parsed already. */
    public static SpecSource parsed(Family family) {
        return new SpecSource(SpecFacts.of(family), Once.done(family));
    }

    /**
     * A family {@code parse} parses when first needed; it must yield a family with these
     * {@code facts} (the caller checks, see {@link BuiltinSpecs}).
     */
    public static SpecSource lazy(SpecFacts facts, Supplier<Family> parse) {
        return new SpecSource(facts, Once.of(parse));
    }

    public SpecFacts facts() {
        return facts;
    }

    /**
     * The parsed family, parsed now if nobody asked before.
     *
     * @throws IllegalStateException when a built-in spec does not parse or no longer fits the index
     *                               written at build time (a build that skipped the index step)
     */
    public Family family() {
        return family.get();
    }

    /** Whether the spec has been parsed (asking parses nothing). */
    public boolean isParsed() {
        return family.isDone();
    }
}
