package org.nlwb.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.spec.SpecWatcher;

/**
 * The JavaFX application behind {@code ./nlwb [FILE...]}: the raw parameters are the files to
 * open; with none, the bundled sample opens so there is something to look at.
 */
public final class WorkbenchApp extends Application {
    /** Application.launch makes the instance itself, so options reach it through here, set before launch. */
    private static volatile List<Path> specDirs = List.of();
    private static volatile ConversationPolicy conversations = ConversationPolicy.captureOnly();
    private static volatile StartupSteps startupSteps = StartupSteps.sinceJvmStart();
    private Workbench workbench;

    private static volatile WindowStart prepared;

    /**
     * The specs and files {@link WindowStart} began reading before the launch: the window uses
     * its registry and documents instead of reading them itself (the spec directories set here
     * then are its).
     */
    public static void setPrepared(WindowStart start) {
        prepared = start;
    }

    /** Where the window's start-up steps are timed (made when the command line started). */
    public static void setStartupSteps(StartupSteps steps) {
        startupSteps = java.util.Objects.requireNonNull(steps, "steps");
    }

    public static void setSpecDirs(List<Path> dirs) {
        specDirs = List.copyOf(dirs);
    }

    /** How every capture the window opens names generic netlink ids it does not teach itself. */
    public static void setConversationPolicy(ConversationPolicy policy) {
        conversations = java.util.Objects.requireNonNull(policy, "policy");
    }

    private SpecLibrary specs;
    private Registry preloaded;
    private SpecWatcher watcher;

    /**
     * The specs: read by {@link WindowStart} while the toolkit started (waited for here), or, when
     * nothing was prepared, read here on the launcher thread before any window exists.
     */
    @Override
    public void init() {
        startupSteps.mark("fx: toolkit started");
        WindowStart start = prepared;
        if (start != null) {
            specs = start.specs();
            preloaded = start.registry();
        } else {
            specs = RegistryFactory.library(specDirs);
            preloaded = specs.reload();
            startupSteps.mark("specs: read");
        }
    }

    @Override
    public void start(Stage stage) {
        // The window's first registry is the one read in init(); "Reload specs" reads the path again.
        Supplier<Registry> registries = new Supplier<>() {
            private Registry first = preloaded;

            @Override
            public Registry get() {
                Registry r = first != null ? first : specs.reload();
                first = null;
                return r;
            }
        };
        WorkbenchContext ctx = new WorkbenchContext(Loader.standard(), registries, Settings.standard(), conversations,
                specs::load);
        workbench = new Workbench(stage, ctx, startupSteps);
        installTools(workbench);
        watcher = watchSpecs(specs, workbench);
        List<String> files = getParameters().getRaw();
        // before the window shows: a file already opened (WindowStart) is in its first frame
        openFiles(files);
        stage.show();
        if (files.isEmpty()) {
            BundledSample.open(workbench);
        }
    }

    private void openFiles(List<String> files) {
        WindowStart start = prepared;
        for (String f : files) {
            Path p = Path.of(f);
            java.util.concurrent.CompletableFuture<org.nlwb.app.ui.model.CaptureDocument> doc =
                    start == null ? null : start.document(p);
            if (doc != null) {
                workbench.opener().open(p, doc);
            } else {
                workbench.open(p, null);
            }
        }
    }

    /**
     * A spec file saved in one of {@code library}'s directories takes effect in the open tabs
     * without a click. Returns the watcher to close, or null when the directories cannot be watched.
     */
    public static SpecWatcher watchSpecs(SpecLibrary library, Workbench w) {
        try {
            return SpecWatcher.start(library, reg -> Platform.runLater(() -> w.useRegistry(reg)));
        } catch (IOException e) {
            w.tasks().setStatus("Spec directories are not watched (" + e.getMessage()
                    + "); Decode ▸ Reload Specs reads them");
            return null;
        }
    }

    @Override
    public void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** The tool panels every window has (live capture) and the extensions found on the class path. */
    public static void installTools(Workbench w) {
        w.addSidePanel("Live capture", new org.nlwb.app.ui.capture.CapturePanel(w::openCapture));
        for (WorkbenchExtension e : ServiceLoader.load(WorkbenchExtension.class, WorkbenchApp.class.getClassLoader())) {
            e.install(w);
        }
    }

    public Workbench workbench() {
        return workbench;
    }
}
