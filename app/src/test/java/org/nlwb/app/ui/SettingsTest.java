package org.nlwb.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.view.RowCategory;

class SettingsTest {
    private final String node = "org/nlwb/app-test-" + UUID.randomUUID();
    private final Settings settings = new Settings(Preferences.userRoot().node(node));

    @AfterEach
    void remove() {
        settings.clear();
    }

    @Test
    void recentFilesKeepTheLatestFirstWithoutDuplicatesAndSurviveARestart() {
        for (int i = 0; i < 12; i++) {
            settings.addRecent(Path.of("/tmp/f" + i + ".pcap"));
        }
        settings.addRecent(Path.of("/tmp/f5.pcap"));
        settings.flush();
        Settings again = new Settings(Preferences.userRoot().node(node));
        assertEquals(10, again.recentFiles().size());
        assertEquals(Path.of("/tmp/f5.pcap"), again.recentFiles().get(0));
        assertEquals(Path.of("/tmp/f11.pcap"), again.recentFiles().get(1));
    }

    @Test
    void colourRulesAreRememberedAndCanBeSwitchedOff() {
        assertEquals(Color.web(RowCategory.ERROR.defaultColour()), settings.colourRules().get(RowCategory.ERROR));
        settings.setColourRule(RowCategory.ERROR, Color.web("#123456"), true);
        settings.setColourRule(RowCategory.REPLY, Color.web("#abcdef"), false);
        Settings again = new Settings(Preferences.userRoot().node(node));
        assertEquals(Color.web("#123456"), again.colourRules().get(RowCategory.ERROR));
        assertFalse(again.colourRules().containsKey(RowCategory.REPLY));
        assertTrue(again.colourRules().containsKey(RowCategory.REQUEST));
    }

    @Test
    void aRemovedStoreDoesNotBreakTheWindow() {
        settings.clear();
        settings.setNumber("window.width", 800);
        settings.setDarkTheme(true);
        settings.flush();
    }
}
