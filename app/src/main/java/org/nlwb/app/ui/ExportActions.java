package org.nlwb.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import org.nlwb.app.ui.Workbench.Scope;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.decoder.export.Exporter;
import org.nlwb.decoder.model.MessageRef;

/** File ▸ Export: all, the shown or the selected messages of the current tab, written in the background. */
final class ExportActions {
    private final Workbench wb;

    ExportActions(Workbench wb) {
        this.wb = wb;
    }

    void exportDialog(Scope scope, ExportFormat format) {
        CaptureTab tab = wb.currentTab();
        if (tab == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + scope.name().toLowerCase() + " messages as " + format.label());
        fc.setInitialFileName(tab.document().title().replaceAll("\\.[^.]*$", "") + "." + format.extension());
        File f = fc.showSaveDialog(wb.stage());
        if (f != null) {
            export(scope, format, f.toPath());
        }
    }

    /** Exports from the current tab in the background. */
    void export(Scope scope, ExportFormat format, Path out) {
        CaptureTab tab = wb.currentTab();
        if (tab == null) {
            return;
        }
        List<MessageRef> msgs = switch (scope) {
            case ALL -> Exporter.all(tab.document().pipeline());
            case SHOWN -> tab.list().shown().refs(tab.document()::message);
            case SELECTED -> tab.table().getSelectionModel().getSelectedItems().stream()
                    .sorted(Comparator.comparingInt(MessageRef::index)).toList();
        };
        CaptureDocument doc = tab.document();
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws IOException {
                updateTitle("Exporting " + msgs.size() + " messages to " + out.getFileName());
                Exporter.export(doc.pipeline(), msgs, format, out, i -> updateProgress(i, msgs.size()), this::isCancelled);
                return out;
            }
        };
        wb.tasks().run(t, p -> wb.tasks().setStatus("Exported " + msgs.size() + " messages to " + p),
                e -> wb.error("Export failed", e));
    }
}
