package org.nlwb.app.ui.compose;

import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.registry.Registry;

/** What the composer needs from the window it lives in (so this package does not depend on it). */
public interface ComposerHost {
    /** The registry the window decodes with now. */
    Registry registry();

    Window owner();

    /** Runs {@code task} in the background (status bar, Cancel); results on the FX thread. */
    <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Opens a capture in a tab of its own (a send's conversation, to export it like any capture). */
    void openCapture(Capture capture);

    /** The row colours of the message lists. */
    Map<RowCategory, Color> colours();

    void status(String text);
}
