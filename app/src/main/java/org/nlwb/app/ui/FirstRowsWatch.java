package org.nlwb.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Calls back once, after the first layout pass in which a table has a row showing a message (the
 * frame drawn next shows it), then stops listening. A table never shown (a tab not selected, a
 * capture without messages) never calls back: who waits on it needs a deadline of its own.
 */
final class FirstRowsWatch {
    private FirstRowsWatch() {
    }

    /** Watches {@code table} (in a scene or not yet) for its first laid-out rows; {@code laidOut} runs on the FX thread. */
    static void watch(TableView<?> table, Runnable laidOut) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                laidOut.run();
            }
        };
        table.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !done[0]) {
                listen(table, scene, once, done);
            }
        });
        if (table.getScene() != null) {
            listen(table, table.getScene(), once, done);
        }
    }

    private static void listen(TableView<?> table, Scene scene, Runnable once, boolean[] done) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (!done[0] && table.getScene() == scene && showsARow(table)) {
                once.run();
            }
            if (done[0] || table.getScene() != scene) {
                scene.removePostLayoutPulseListener(self[0]);
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
        // added during a pulse (the table gets its scene in one), the listener misses that pulse's
        // end: a window with nothing else to draw would not pulse again
        javafx.application.Platform.requestNextPulse();
    }

    private static boolean showsARow(TableView<?> table) {
        if (table.getItems().isEmpty() || !table.isVisible()) {
            return false;
        }
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.getItem() != null && r.isVisible()) {
                return true;
            }
        }
        return false;
    }
}
