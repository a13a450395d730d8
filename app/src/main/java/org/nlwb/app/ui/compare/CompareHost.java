package org.nlwb.app.ui.compare;

import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.nlwb.decoder.pipeline.DecodedCapture;

/** What comparing needs from the window (so this package does not depend on it). */
public interface CompareHost {

    /** An open capture tab: its title, its messages, which are selected, whether it is the current tab. */
    record Source(String title, DecodedCapture capture, List<Integer> selected, boolean current) {
        public Source {
            selected = List.copyOf(selected);
        }
    }

    /** The open capture tabs in tab order. */
    List<Source> captures();

    /** Where compare tabs open. */
    TabPane tabs();

    Window owner();

    /** Runs {@code task} in the background (status bar, Cancel); results on the FX thread. */
    <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    void status(String text);
}
