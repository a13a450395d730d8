package org.nlwb.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.FileChooser;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.FirstRowsWarmup;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.DumpFormat;

/**
 * Opening captures into tabs: a file (format detected or forced) or in-memory content, read and
 * indexed in the background; the Open dialog, Reopen As (the new tab takes the old one's place)
 * and the Open Recent menu.
 */
final class TabOpener {
    private final Workbench wb;
    private final Menu recentMenu = new Menu("Open _Recent");

    TabOpener(Workbench wb) {
        this.wb = wb;
    }

    /** File ▸ Open Recent, kept up to date with the settings' recent files. */
    Menu recentMenu() {
        return recentMenu;
    }

    /** Opens {@code file}; on success its tab takes the place of {@code replaced} (reopen as ...). */
    void open(Path file, DumpFormat format, Tab replaced) {
        Task<CaptureDocument> t = new Task<>() {
            @Override
            protected CaptureDocument call() throws Exception {
                updateTitle("Opening " + file.getFileName());
                updateProgress(-1, 1);
                wb.startupSteps().mark("file: opening (format, first records indexed)");
                Capture c = wb.context().loader().load(file, format, Protocol.UNKNOWN);
                wb.startupSteps().mark("file: opened");
                CaptureDocument doc = new CaptureDocument(c, file, format, wb.decoder().registry(),
                        wb.context().conversations(), null);
                // while the FX thread builds the tab, its first rows are decoded here
                FirstRowsWarmup.start(doc, FirstRowsWarmup.ROWS, TabOpener::onOwnThread);
                return doc;
            }
        };
        showWhenOpened(file, t, replaced);
    }

    /**
     * Opens command-line file {@code file} from {@code opened}, the document {@link WindowStart}
     * began opening (and decoding the first rows of) before the window existed.
     */
    void open(Path file, java.util.concurrent.CompletableFuture<CaptureDocument> opened) {
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            shown(file, opened.join(), null); // ready: no task, no frame without it
            return;
        }
        Task<CaptureDocument> t = new Task<>() {
            @Override
            protected CaptureDocument call() throws Exception {
                updateTitle("Opening " + file.getFileName());
                updateProgress(-1, 1);
                try {
                    return opened.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        };
        showWhenOpened(file, t, null);
    }

    private static void onOwnThread(Runnable r) {
        Thread t = new Thread(r, "nlwb-first-rows");
        t.setDaemon(true);
        t.start();
    }

    private void showWhenOpened(Path file, Task<CaptureDocument> t, Tab replaced) {
        wb.tasks().run(t, doc -> shown(file, doc, replaced), e -> wb.error("Cannot open " + file, e));
    }

    /** Shows the opened {@code doc} in a new tab, in the place of {@code replaced} when that is not null (FX thread). */
    private void shown(Path file, CaptureDocument doc, Tab replaced) {
        wb.startupSteps().mark("file: document on the FX thread");
        wb.settings().addRecent(file);
        refreshRecent();
        CaptureTab tab = wb.newTab(doc);
        if (replaced != null && wb.tabs().getTabs().contains(replaced)) {
            int at = wb.tabs().getTabs().indexOf(replaced);
            wb.tabs().getTabs().remove(tab);
            wb.tabs().getTabs().set(at, tab);
            wb.tabs().getSelectionModel().select(tab);
        }
    }

    /** Opens in-memory content (the bundled sample) in a new tab. */
    void open(String name, byte[] content) {
        Task<CaptureDocument> t = new Task<>() {
            @Override
            protected CaptureDocument call() throws Exception {
                updateTitle("Opening " + name);
                return new CaptureDocument(wb.context().loader().load(name, content, null, Protocol.UNKNOWN), null, null,
                        wb.decoder().registry(), wb.context().conversations(), null);
            }
        };
        wb.tasks().run(t, wb::newTab, e -> wb.error("Cannot open " + name, e));
    }

    void openDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open netlink dumps");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Netlink dumps", "*.pcap", "*.txt", "*.data", "*.dump", "*.hex", "*.strace"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(wb.stage());
        if (files != null) {
            files.forEach(f -> open(f.toPath(), null, null));
        }
    }

    /** Opens the current tab's file again with {@code format} (null: detect); the new tab takes its place. */
    void reopenAs(DumpFormat format) {
        CaptureTab t = wb.currentTab();
        if (t == null || t.document().path() == null) {
            wb.tasks().setStatus("Only a tab opened from a file can be reopened");
            return;
        }
        open(t.document().path(), format, t);
    }

    void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : wb.settings().recentFiles()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open(p, null, null));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
