package org.nlwb.app.ui;

import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.Finder;
import org.nlwb.decoder.tree.Node;

/**
 * The find bar under the tool bar (Edit ▸ Find, Ctrl+F): searches names, values and hex of the
 * shown messages after the selected one, wrapping, in the background; Enter or F3 finds the next
 * match, Esc closes the bar.
 */
final class FindBar {
    private final Workbench wb;
    private final HBox findBar = new HBox(6);
    private final TextField findField = new TextField();

    FindBar(Workbench wb) {
        this.wb = wb;
        buildFindBar();
    }

    /** The bar, for the window's top area. */
    HBox node() {
        return findBar;
    }

    private void buildFindBar() {
        findBar.getStyleClass().add("find-bar");
        findField.setId("find-field");
        findField.setPromptText("Find in names, values and hex (Enter: next, Esc: close)");
        HBox.setHgrow(findField, Priority.ALWAYS);
        javafx.scene.control.Button next = new javafx.scene.control.Button("Next");
        next.setOnAction(e -> findNext());
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close");
        close.setOnAction(e -> showFind(false));
        findField.setOnAction(e -> findNext());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showFind(false);
            }
        });
        findBar.getChildren().addAll(new Label("Find"), findField, next, close);
        findBar.setPadding(new Insets(4, 8, 4, 8));
        showFind(false);
    }

    void showFind(boolean show) {
        findBar.setVisible(show);
        findBar.setManaged(show);
        if (show) {
            findField.requestFocus();
            findField.selectAll();
        }
    }

    /** Searches the shown messages after the selected one (wrapping) for the find text. */
    void findNext() {
        CaptureTab tab = wb.currentTab();
        String needle = findField.getText();
        if (tab == null || needle.isEmpty()) {
            return;
        }
        org.nlwb.app.ui.model.ShownRows.Snapshot rows = tab.list().shown();
        int start = Math.max(0, tab.table().selectedRow());
        Node current = tab.main().model().selectedNode();
        CaptureDocument doc = tab.document();
        Task<Finder.Hit> t = new Task<>() {
            @Override
            protected Finder.Hit call() {
                updateTitle("Finding \"" + needle + "\"");
                int n = rows.size();
                for (int k = 0; k <= n && !isCancelled(); k++) {
                    int row = (start + k) % Math.max(1, n);
                    if (n == 0) {
                        break;
                    }
                    DecodedMessage m = doc.decodeUncached(rows.indexAt(row));
                    Finder.Hit h = Finder.find(m, needle, k == 0 ? current : null);
                    if (h != null) {
                        return h;
                    }
                    updateProgress(k, n);
                }
                return null;
            }
        };
        wb.tasks().run(t, hit -> {
            if (hit == null) {
                wb.tasks().setStatus("\"" + needle + "\" not found");
                return;
            }
            tab.selectNode(hit.messageIndex(), hit.node().name(), hit.node().offset(), hit.node().length());
        });
    }
}
