package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.testfx.util.WaitForAsyncUtils;

/** A workbench on a throwaway preferences node, and waiting for its background work. */
final class WorkbenchFixture {
    static final Path SHARED = Path.of(System.getProperty("nlwb.shared", "../../shared"));

    /** Reading the kernel's YNL specs takes a while; every test shares one registry (it is immutable). */
    private static volatile Registry registry;

    static Registry registry() {
        if (registry == null) {
            registry = RegistryFactory.standard(List.of(SHARED.resolve("specs/ynl")));
        }
        return registry;
    }

    final Settings settings = new Settings(Preferences.userRoot().node("org/nlwb/app-test-" + UUID.randomUUID()));
    Workbench workbench;

    static Path captured(String name) {
        return SHARED.resolve("samples/captured").resolve(name);
    }

    void start(Stage stage) {
        start(stage, ConversationPolicy.captureOnly());
    }

    /** A window decoding with {@code registry} instead of the standard one. */
    void start(Stage stage, java.util.function.Supplier<org.nlwb.decoder.registry.Registry> registry) {
        workbench = new Workbench(stage, new WorkbenchContext(Loader.standard(), registry, settings,
                ConversationPolicy.captureOnly()));
        stage.show();
    }

    /** A window whose captures name generic netlink ids as {@code policy} says (the window's --genl-family). */
    void start(Stage stage, ConversationPolicy policy) {
        workbench = new Workbench(stage, new WorkbenchContext(Loader.standard(),
                WorkbenchFixture::registry, settings, policy));
        stage.show();
    }

    /** Waits until no task runs and the FX queue is drained. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> workbench.tasks().running() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        WindowTest.waitForPanes();
    }

    CaptureTab open(Path p) throws Exception {
        int before = WaitForAsyncUtils.asyncFx(() -> workbench.tabs().getTabs().size()).get();
        WaitForAsyncUtils.asyncFx(() -> workbench.open(p, null)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.tabs().getTabs().size() > before);
        settle();
        return workbench.currentTab();
    }

    void dispose() throws Exception {
        // Close the window first: closing saves its size into the settings node removed below.
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        settings.clear();
    }
}
