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
 *
 * <p>Background work ({@link #runBackground}: the diagnostics scan, following a file still being
 * indexed) runs on threads of lower priority, takes neither the progress bar nor the status line,
 * and is meant to pause while {@link #foregroundBusy()} (a filter, an export: what a person waits for).
 */
public final class TaskRunner {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "nlwb-worker");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "nlwb-background");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Foreground tasks not yet finished; read by background work on its own threads. */
    private final java.util.concurrent.atomic.AtomicInteger foreground = new java.util.concurrent.atomic.AtomicInteger();
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

    /** What the left of the status bar says now. */
    public String status() {
        return status.getText();
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

    /** Whether foreground work (what the progress bar shows) is running: background work waits meanwhile. */
    public boolean foregroundBusy() {
        return foreground.get() > 0;
    }

    /** Runs {@code task} in the background (low priority, no progress bar); {@code onSuccess} on the FX thread. */
    public <T> void runBackground(Task<T> task, Consumer<T> onSuccess) {
        running++;
        task.stateProperty().addListener((o, was, st) -> {
            if (st == Worker.State.SUCCEEDED || st == Worker.State.FAILED || st == Worker.State.CANCELLED) {
                running--;
                if (st == Worker.State.SUCCEEDED) {
                    onSuccess.accept(task.getValue());
                }
            }
        });
        if (Platform.isFxApplicationThread()) {
            background.execute(task);
        } else {
            Platform.runLater(() -> background.execute(task));
        }
    }

    public <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        running++;
        foreground.incrementAndGet();
        current = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        // the title, and what the task says of its progress (a filter: looked at, found so far)
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                task.getMessage() == null || task.getMessage().isEmpty() ? task.getTitle()
                        : task.getTitle() + ": " + task.getMessage(), task.titleProperty(), task.messageProperty()));
        task.stateProperty().addListener((o, was, st) -> {
            if (st == Worker.State.SUCCEEDED || st == Worker.State.FAILED || st == Worker.State.CANCELLED) {
                running--;
                foreground.decrementAndGet();
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
        background.shutdownNow();
    }
}
