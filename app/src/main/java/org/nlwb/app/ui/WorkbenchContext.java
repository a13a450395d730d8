package org.nlwb.app.ui;

import java.util.Objects;
import java.util.function.Supplier;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;

/**
 * What the window is built from, passed in rather than found globally: the loader (readers), how
 * to build the message-class registry (called again by "Reload specs"), and the settings store.
 */
public record WorkbenchContext(Loader loader, Supplier<Registry> registries, Settings settings) {
    public WorkbenchContext {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(settings, "settings");
    }
}
