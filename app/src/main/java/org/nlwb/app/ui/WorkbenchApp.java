package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.RegistryFactory;
import org.nlwb.decoder.spec.SpecLibrary;

/**
 * The JavaFX application behind {@code ./nlwb [FILE...]}: the raw parameters are the files to
 * open; with none, the bundled sample opens so there is something to look at.
 */
public final class WorkbenchApp extends Application {
    /** Application.launch makes the instance itself, so options reach it through here, set before launch. */
    private static volatile List<Path> specDirs = List.of();
    private Workbench workbench;

    public static void setSpecDirs(List<Path> dirs) {
        specDirs = List.copyOf(dirs);
    }

    @Override
    public void start(Stage stage) {
        // "Reload specs" asks the library to read the spec search path again.
        SpecLibrary specs = RegistryFactory.library(specDirs);
        WorkbenchContext ctx = new WorkbenchContext(Loader.standard(), specs::reload, Settings.standard());
        workbench = new Workbench(stage, ctx);
        installTools(workbench);
        stage.show();
        List<String> files = getParameters().getRaw();
        if (files.isEmpty()) {
            BundledSample.open(workbench);
        }
        for (String f : files) {
            workbench.open(Path.of(f), null);
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
