package org.nlwb.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Runs long work (open, filter, scan, export) on worker threads and shows it in the status bar
 * with a progress bar and Cancel, so the window never freezes. Results are handed back on the
 * FX thread; failures are shown in the status line (and given to the failure handler).
 * Used from the FX thread only.
 */
public final class TaskRunner {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "nlwb-worker");
        t.setDaemon(true);
        return t;
    });
    private final HBox bar = new HBox(8);
    private final Label status = new Label("Ready");
    private final Label info = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private Task<?> current;
    private int running;

    public TaskRunner() {
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        progress.setPrefWidth(180);
        progress.setVisible(false);
        cancel.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> {
            if (current != null) {
                current.cancel();
            }
        });
        status.setId("status-line");
        bar.getChildren().addAll(status, grow, info, progress, cancel);
    }

    public HBox bar() {
        return bar;
    }

    public void setStatus(String s) {
        status.textProperty().unbind();
        status.setText(s);
    }

    /** Right-hand side of the status bar: counts for the current tab. */
    public Label info() {
        return info;
    }

    /** Number of tasks not yet finished (tests wait for 0). */
    public int running() {
        return running;
    }

    public <T> void run(Task<T> task, Consumer<T> onSuccess) {
        run(task, onSuccess, null);
    }

    public <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        running++;
        current = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        status.textProperty().bind(task.titleProperty());
        task.stateProperty().addListener((o, was, st) -> {
            if (st == Worker.State.SUCCEEDED || st == Worker.State.FAILED || st == Worker.State.CANCELLED) {
                running--;
                if (current == task) {
                    progress.progressProperty().unbind();
                    progress.setVisible(false);
                    cancel.setVisible(false);
                    status.textProperty().unbind();
                    current = null;
                }
                switch (st) {
                    case SUCCEEDED -> {
                        setStatus(task.getTitle() + ": done");
                        onSuccess.accept(task.getValue());
                    }
                    case CANCELLED -> setStatus(task.getTitle() + ": cancelled");
                    default -> {
                        Throwable e = task.getException();
                        setStatus(task.getTitle() + ": " + (e == null ? "failed" : e.getMessage()));
                        if (onFailure != null) {
                            onFailure.accept(e);
                        }
                    }
                }
            }
        });
        if (Platform.isFxApplicationThread()) {
            pool.execute(task);
        } else {
            Platform.runLater(() -> pool.execute(task));
        }
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
