package org.nlwb.decoder.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.ynl.SpecProblem;

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

    /**
     * As {@link #standard(List)}, telling {@code problems} about every spec file that was skipped
     * (invalid, too large, unreadable) and every named directory that is missing, so that a command
     * can warn instead of decoding without them in silence.
     */
    public static Registry standard(List<Path> specDirs, Consumer<SpecProblem> problems) {
        SpecLibrary library = library(specDirs);
        SpecCatalog catalog = library.load();
        catalog.problems().forEach(problems);
        return library.registry(catalog);
    }

    /** The spec search path behind {@link #standard}. */
    public static SpecLibrary library(List<Path> specDirs) {
        return SpecLibrary.standard(specDirs);
    }
}
