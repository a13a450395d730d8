package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.spec.SpecLibrary;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A spec family read from the window's {@code --spec-dir} is one the composer offers. */
@ExtendWith(ApplicationExtension.class)
class ComposerSpecDirTest {
    private static final String SPEC = """
            name: nlwbmadeup
            protocol: genetlink
            doc: A family made up by the test.
            attribute-sets:
              -
                name: nlwbmadeup
                attributes:
                  -
                    name: greeting
                    type: string
            operations:
              list:
                -
                  name: hello
                  attribute-set: nlwbmadeup
                  do:
                    request:
                      attributes: [ greeting ]
            """;

    private final Settings settings = new Settings(Preferences.userRoot().node("org/nlwb/app-test-" + UUID.randomUUID()));

    @TempDir
    Path specDir;

    @AfterEach
    void dispose() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        settings.clear();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void aFamilyOfTheWindowsSpecDirIsInTheComposersFamilyList() throws Exception {
        Files.writeString(specDir.resolve("nlwbmadeup.yaml"), SPEC);
        SpecLibrary specs = RegistryFactory.library(List.of(specDir)); // as the window reads --spec-dir
        ComposerTab tab = onFx(() -> {
            Stage stage = new Stage();
            Workbench w = new Workbench(stage, new WorkbenchContext(Loader.standard(), specs::reload, settings,
                    ConversationPolicy.captureOnly(), specs::load));
            stage.show();
            MenuBar bar = (MenuBar) w.scene().lookup(".menu-bar");
            Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose")).findFirst().orElseThrow();
            compose.getItems().stream().filter(i -> "_New Message".equals(i.getText())).findFirst().orElseThrow().fire();
            return (ComposerTab) w.tabs().getSelectionModel().getSelectedItem();
        });
        WaitForAsyncUtils.waitForFxEvents(); // the editors are in the scene once the scroll pane has its skin
        List<String> families = onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> protocol = (ComboBox<String>) tab.getContent().lookup("#compose-protocol");
            protocol.setValue(Protocol.shortName(Protocol.GENERIC));
            @SuppressWarnings("unchecked")
            ComboBox<String> family = (ComboBox<String>) tab.getContent().lookup("#compose-family");
            return List.copyOf(family.getItems());
        });
        assertTrue(families.contains("nlwbmadeup"), families.toString());
    }
}
