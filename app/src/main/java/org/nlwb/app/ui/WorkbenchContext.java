package org.nlwb.app.ui;

import java.util.Objects;
import java.util.function.Supplier;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;

/**
 * What the window is built from, passed in rather than found globally: the loader (readers), how
 * to build the message-class registry (called again by "Reload specs"), the settings store, and
 * how every capture the window opens names generic netlink ids it does not teach itself
 * ({@code --genl-family}, {@code --kernel-families}), and how to read the spec families the
 * composer offers — the same spec path as the registry's ({@code --spec-dir}), or a family the
 * window decodes would be missing from the composer.
 */
public record WorkbenchContext(Loader loader, Supplier<Registry> registries, Settings settings,
                               ConversationPolicy conversations, Supplier<SpecCatalog> catalogs) {
    public WorkbenchContext {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(catalogs, "catalogs");
    }

    /** A window whose composer reads the standard spec path without extra directories. */
    public WorkbenchContext(Loader loader, Supplier<Registry> registries, Settings settings,
                            ConversationPolicy conversations) {
        this(loader, registries, settings, conversations, () -> SpecLibrary.standard(java.util.List.of()).load());
    }

    /** A window that knows only what each capture teaches. */
    public WorkbenchContext(Loader loader, Supplier<Registry> registries, Settings settings) {
        this(loader, registries, settings, ConversationPolicy.captureOnly());
    }
}
