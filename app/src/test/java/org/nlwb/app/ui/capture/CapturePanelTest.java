package org.nlwb.app.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlwb.app.ui.Settings;
import org.nlwb.app.ui.Workbench;
import org.nlwb.app.ui.WorkbenchContext;
import org.nlwb.app.ui.model.Issue;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.NeedsRoot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live-capture panel in the real window (headless): a monitor in a throwaway namespace. */
@ExtendWith(ApplicationExtension.class)
@NeedsRoot
class CapturePanelTest {
    private final Settings settings = new Settings(Preferences.userRoot().node("org/nlwb/app-test-" + UUID.randomUUID()));
    private Workbench workbench;
    private CapturePanel panel;
    private ThrowawayNamespace ns;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage, new WorkbenchContext(Loader.standard(),
                () -> RegistryFactory.standard(List.of()), settings));
        panel = new CapturePanel(workbench::openCapture);
        workbench.addSidePanel("Live capture", panel);
        stage.show();
    }

    @BeforeEach
    void namespace() throws Exception {
        ns = ThrowawayNamespace.create("nlwb-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        onFx(() -> {
            panel.session().stop();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel.session().runningProperty().get());
        ns.close();
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        settings.clear();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void monitorFillsItsTabLiveAndCountsOverrunsAfterPause() throws Exception {
        onFx(() -> {
            panel.kindChoice().setValue(CaptureSpec.Kind.MONITOR);
            panel.groupsField().setText("link,ipv4-ifaddr");
            panel.namespaceField().getEditor().setText(ns.name());
            panel.startButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> panel.session().statusProperty().get().startsWith("Capturing"));
        LiveTab tab = panel.session().tab();
        assertTrue(onFx(() -> workbench.tabs().getTabs().contains(tab)), "the capture has its own tab");

        ns.exec("ip", "link", "add", "ui0", "type", "veth", "peer", "name", "ui1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tab.list().rows().size()) >= 2);
        assertTrue(onFx(() -> panel.countersLabel().getText()).startsWith("Messages: 2"),
                onFx(() -> panel.countersLabel().getText()));

        // paused: the kernel queues into a default-sized buffer; 2000 new addresses overflow it
        onFx(() -> {
            panel.session().pause();
            return null;
        });
        Thread.sleep(200);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            batch.append("addr add 10.9.").append(i / 250).append('.').append(i % 250 + 1).append("/32 dev ui0\n");
        }
        Path f = Files.createTempFile("nlwb-ui", ".batch");
        try {
            Files.writeString(f, batch);
            ns.exec("ip", "-batch", f.toString());
        } finally {
            Files.delete(f);
        }
        onFx(() -> {
            panel.session().resume();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.session().overrunsProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        List<Issue> issues = onFx(() -> List.copyOf(tab.diagnostics().issues()));
        assertTrue(issues.stream().anyMatch(i -> i.text().startsWith("overrun: messages lost")), issues.toString());
        assertTrue(onFx(() -> panel.countersLabel().getText()).contains("Overruns: 1"),
                onFx(() -> panel.countersLabel().getText()));

        onFx(() -> {
            panel.stopButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel.session().runningProperty().get());
        assertEquals("Ended: stopped", onFx(() -> panel.session().statusProperty().get()));
        assertFalse(onFx(() -> panel.stopButton().isDisabled() && panel.startButton().isDisabled()));
    }

    @Test
    void traceShowsBothDirectionsAndWritesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("panel.pcapng");
        onFx(() -> {
            panel.kindChoice().setValue(CaptureSpec.Kind.TRACE);
            panel.commandField().setText("ip link show");
            panel.namespaceField().getEditor().setText(ns.name());
            panel.writeFileField().setText(file.toString());
            panel.startButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !panel.session().runningProperty().get()
                && panel.session().statusProperty().get().startsWith("Ended"));
        assertEquals("Ended: command exited with status 0", onFx(() -> panel.session().statusProperty().get()));
        LiveTab tab = panel.session().tab();
        List<org.nlwb.decoder.model.Direction> dirs = onFx(() -> tab.list().rows().stream()
                .map(m -> m.record().direction()).distinct().toList());
        assertEquals(List.of(org.nlwb.decoder.model.Direction.TO_KERNEL, org.nlwb.decoder.model.Direction.FROM_KERNEL),
                dirs);
        int shown = onFx(() -> tab.list().rows().size());
        assertEquals(shown, Loader.standard().load(file, null, -1).messageCount(), "the file holds what was shown");
        assertTrue(onFx(() -> tab.diagnostics().issues().stream().anyMatch(i -> i.text().contains("lo:"))),
                "the command's output is shown too");
    }

    @Test
    void aBadGroupEndsTheSessionWithItsMessage() throws Exception {
        onFx(() -> {
            panel.groupsField().setText("lnk");
            panel.namespaceField().getEditor().setText(ns.name());
            panel.startButton().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel.session().runningProperty().get()
                && panel.session().statusProperty().get().startsWith("Ended"));
        assertTrue(onFx(() -> panel.session().statusProperty().get())
                .startsWith("Ended: no NETLINK_ROUTE multicast group 'lnk'"));
    }
}
