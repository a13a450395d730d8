package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.FirstRowsWarmup;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.spec.SpecLibrary;

/**
 * What the window of {@code nlwb FILE...} needs before it exists, begun before the JavaFX toolkit
 * starts and done on a thread of its own while the toolkit starts and the window is built: the
 * specs read, then each file of the command line opened (its first records indexed; the rest is
 * indexed in the background as for File ▸ Open) and its first rows decoded into its cache. The
 * window then shows those rows without waiting for any of it on the FX thread.
 *
 * <p>A file that cannot be opened is its future's exception: the window reports it as File ▸ Open
 * does. Files are opened in order, each once its predecessor is.
 */
public final class WindowStart {
    private final SpecLibrary specs;
    private final CompletableFuture<Registry> registry;
    private final Map<Path, CompletableFuture<CaptureDocument>> documents = new LinkedHashMap<>();

    private WindowStart(SpecLibrary specs, List<Path> files) {
        this.specs = specs;
        this.registry = new CompletableFuture<>();
        for (Path f : files) {
            documents.putIfAbsent(f, new CompletableFuture<>());
        }
    }

    /**
     * Starts reading the specs of {@code specDirs} and opening {@code files} with {@code loader}
     * (generic netlink ids named by {@code policy}), marking the steps in {@code steps}.
     */
    public static WindowStart begin(List<Path> specDirs, List<Path> files, Loader loader, ConversationPolicy policy,
                                    StartupSteps steps) {
        WindowStart start = new WindowStart(RegistryFactory.library(specDirs), files);
        Thread t = new Thread(() -> start.prepare(loader, policy, steps), "nlwb-window-start");
        t.setDaemon(true);
        t.start();
        return start;
    }

    private void prepare(Loader loader, ConversationPolicy policy, StartupSteps steps) {
        Registry reg;
        try {
            reg = specs.reload();
            registry.complete(reg);
            steps.mark("specs: read");
        } catch (RuntimeException | Error e) {
            registry.completeExceptionally(e);
            documents.values().forEach(d -> d.completeExceptionally(e));
            return;
        }
        for (Map.Entry<Path, CompletableFuture<CaptureDocument>> e : documents.entrySet()) {
            try {
                steps.mark("file: opening (format, first records indexed)");
                CaptureDocument doc = new CaptureDocument(loader.load(e.getKey(), null, Protocol.UNKNOWN), e.getKey(),
                        null, reg, policy, null);
                steps.mark("file: opened");
                FirstRowsWarmup.decodeFirst(doc, FirstRowsWarmup.ROWS);
                steps.mark("file: first rows decoded");
                e.getValue().complete(doc);
            } catch (Exception | Error x) {
                e.getValue().completeExceptionally(x);
            }
        }
    }

    /** The spec library the registry was read from ("Reload specs" reads it again). */
    public SpecLibrary specs() {
        return specs;
    }

    /** The registry read from {@link #specs}, waited for (it is what the window decodes with). */
    public Registry registry() {
        return registry.join();
    }

    /** The document of command-line file {@code file} (opened with the {@link #registry}), or null when it is not one. */
    public CompletableFuture<CaptureDocument> document(Path file) {
        return documents.get(file);
    }

    /** The command-line files, in order. */
    public List<Path> files() {
        return List.copyOf(documents.keySet());
    }
}
