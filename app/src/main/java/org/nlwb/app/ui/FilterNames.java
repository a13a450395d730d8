package org.nlwb.app.ui;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.nlwb.decoder.filter.FilterVocabulary;
import org.nlwb.decoder.registry.Registry;

/**
 * The vocabulary the filter bar checks against: the current registry's, built once per registry
 * (a spec reload brings a new one), plus the node names of the messages the window has shown.
 * FX thread only, apart from {@link #buildAhead}: building it reads every spec (about 0.3 s), so
 * the window has it built on a background thread once a file is open, and the first keystroke
 * finds it ready (or waits for the build under way rather than starting another).
 */
final class FilterNames {
    private Supplier<Registry> registry = () -> null;
    private Supplier<Collection<String>> seen = List::of;
    private Registry builtFor;
    private FilterVocabulary built = FilterVocabulary.none();
    /** The registry a background build is for, and the build (null: none started). */
    private Registry aheadFor;
    private java.util.concurrent.CompletableFuture<FilterVocabulary> ahead;

    /** Builds the current registry's vocabulary on a background thread, if not built or under way (FX thread). */
    void buildAhead() {
        Registry r = registry.get();
        if (r == null || r == builtFor || r == aheadFor) {
            return;
        }
        aheadFor = r;
        ahead = java.util.concurrent.CompletableFuture.supplyAsync(() -> FilterVocabulary.of(r), task -> {
            Thread t = new Thread(task, "nlwb-filter-names");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        });
    }

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
            built = r == aheadFor ? ahead.join() : FilterVocabulary.of(r);
            builtFor = r;
            aheadFor = null;
            ahead = null;
        }
        return built.withFields(seen.get());
    }
}
