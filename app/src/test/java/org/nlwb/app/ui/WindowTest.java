package org.nlwb.app.ui;

import java.util.concurrent.Callable;
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

    /** {@code c}'s result, computed on the FX thread. */
    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Runs {@code r} on the FX thread, then waits until the events it caused are handled. */
    static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
