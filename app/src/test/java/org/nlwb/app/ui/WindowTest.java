package org.nlwb.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A test of the workbench window: a fresh window on a throwaway preferences node before each test
 * ({@link WorkbenchFixture}), disposed after it, and the calls a test makes on the FX thread.
 * Subclasses override {@link #start} to open the window another way and {@link #beforeDispose}
 * to close what they opened beside it (composer sessions, dialogs).
 *
 * <p>Why a base class and not {@code @ExtendWith(ApplicationExtension.class)}: that extension
 * finds {@code @Start} only among the test class's own methods, so every test class had to repeat
 * the same start and dispose methods. {@link ApplicationTest} is the same TestFX life cycle as an
 * overridable method.
 */
abstract class WindowTest extends ApplicationTest {
    protected final WorkbenchFixture fx = new WorkbenchFixture();

    @Override
    public void start(Stage stage) {
        fx.start(stage);
    }

    @AfterEach
    final void disposeWorkbench() throws Exception {
        beforeDispose();
        fx.dispose();
    }

    /** Runs on the test thread before the window is disposed; nothing by default. */
    protected void beforeDispose() throws Exception {
    }

    /** {@code c}'s result, computed on the FX thread; then waits for the panes of a selection it made ({@link #waitForPanes}). */
    static <T> T onFx(Callable<T> c) throws Exception {
        T v = WaitForAsyncUtils.asyncFx(c).get();
        waitForPanes();
        return v;
    }

    /** Runs {@code r} on the FX thread, then waits until the events it caused are handled and the panes are made. */
    static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
        waitForPanes();
    }

    /**
     * Waits until every capture tab's panes show what is selected: a selection's message is
     * decoded and its tree made off the FX thread, and handed to the panes after.
     */
    static void waitForPanes() throws Exception {
        if (WaitForAsyncUtils.asyncFx(WindowTest::panesSettled).get()) {
            return;
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(WindowTest::panesSettled).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean panesSettled() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() == null) {
                continue;
            }
            for (javafx.scene.Node n : w.getScene().getRoot().lookupAll(".tab-pane")) {
                if (n instanceof TabPane tp && tp.getTabs().stream()
                        .anyMatch(t -> t instanceof CaptureTab c && !c.panesSettled())) {
                    return false;
                }
            }
        }
        return true;
    }
}
