package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.RegistryFactory;

/**
 * The JavaFX application behind {@code ./nlwb [FILE...]}: the raw parameters are the files to
 * open; with none, the bundled sample opens so there is something to look at.
 */
public final class WorkbenchApp extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        WorkbenchContext ctx = new WorkbenchContext(Loader.standard(), () -> RegistryFactory.standard(List.of()),
                Settings.standard());
        workbench = new Workbench(stage, ctx);
        workbench.addSidePanel("Live capture", new org.nlwb.app.ui.capture.CapturePanel(workbench::openCapture));
        stage.show();
        List<String> files = getParameters().getRaw();
        if (files.isEmpty()) {
            BundledSample.open(workbench);
        }
        for (String f : files) {
            workbench.open(Path.of(f), null);
        }
    }

    public Workbench workbench() {
        return workbench;
    }
}
