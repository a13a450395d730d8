package org.nlwb.app.ui;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.nlwb.decoder.filter.FilterVocabulary;
import org.nlwb.decoder.registry.Registry;

/**
 * The vocabulary the filter bar checks against: the current registry's, built once per registry
 * (a spec reload brings a new one), plus the node names of the messages the window has shown.
 * FX thread only.
 */
final class FilterNames {
    private Supplier<Registry> registry = () -> null;
    private Supplier<Collection<String>> seen = List::of;
    private Registry builtFor;
    private FilterVocabulary built = FilterVocabulary.none();

    void use(Supplier<Registry> registry, Supplier<Collection<String>> seen) {
        this.registry = registry;
        this.seen = seen;
    }

    /** {@link FilterVocabulary#none()} until a registry is given: then only the syntax is checked. */
    FilterVocabulary vocabulary() {
        Registry r = registry.get();
        if (r == null) {
            return FilterVocabulary.none();
        }
        if (r != builtFor) {
            built = FilterVocabulary.of(r);
            builtFor = r;
        }
        return built.withFields(seen.get());
    }
}
