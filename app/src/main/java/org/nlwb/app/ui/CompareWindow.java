package org.nlwb.app.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.nlwb.app.ui.compare.CompareHost;
import org.nlwb.decoder.model.MessageRef;

/** The compare tab's view of the window: its capture tabs, tab pane, background tasks and status bar. */
record CompareWindow(Workbench wb) implements CompareHost {
    @Override
    public List<Source> captures() {
        Tab selected = wb.tabs().getSelectionModel().getSelectedItem();
        return wb.tabs().getTabs().stream().filter(t -> t instanceof CaptureTab).map(t -> {
            CaptureTab c = (CaptureTab) t;
            List<Integer> sel = c.table().getSelectionModel().getSelectedItems().stream().map(MessageRef::index).toList();
            return new Source(c.getText(), c.document().pipeline(), sel, t == selected);
        }).toList();
    }

    @Override
    public TabPane tabs() {
        return wb.tabs();
    }

    @Override
    public Window owner() {
        return wb.stage();
    }

    @Override
    public <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        wb.tasks().run(task, onSuccess, onFailure);
    }

    @Override
    public void status(String text) {
        wb.tasks().setStatus(text);
    }
}
