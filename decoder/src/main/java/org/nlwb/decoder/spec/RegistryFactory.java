package org.nlwb.decoder.spec;

import java.nio.file.Path;
import java.util.List;
import org.nlwb.decoder.registry.Registry;

/**
 * Builds the registry the CLI and the window use: the families of every spec on the search path
 * (built-ins, {@code ~/.config/nlwb/specs}, {@code /usr/share/ynl/specs}, a kernel tree named by
 * {@code NLWB_KERNEL_SRC}, then {@code specDirs}) and every plugin visible to the class loader.
 * To reload at run time keep the {@link SpecLibrary} ({@link #library}) and call
 * {@link SpecLibrary#reload()}.
 */
public final class RegistryFactory {
    private RegistryFactory() {
    }

    public static Registry standard(List<Path> specDirs) {
        return library(specDirs).reload();
    }

    /** The spec search path behind {@link #standard}. */
    public static SpecLibrary library(List<Path> specDirs) {
        return SpecLibrary.standard(specDirs);
    }
}
