package org.nlwb.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.app.ui.view.WebColour;

/**
 * What the window remembers between runs (java.util.prefs, so nothing to parse by hand): size,
 * divider positions, recent files, theme, colour rules. Tests pass their own node and remove it.
 * Saving is atomic without nlwb's help: the JDK's file store writes {@code prefs.tmp} and renames
 * it over {@code prefs.xml}, as {@link org.nlwb.decoder.write.AtomicFile} does for exports.
 */
public final class Settings {
    public static final String DEFAULT_NODE = "org/nlwb/app";
    private static final int MAX_RECENT = 10;

    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings standard() {
        return new Settings(Preferences.userRoot().node(DEFAULT_NODE));
    }

    public double number(String key, double def) {
        return prefs.getDouble(key, def);
    }

    public void setNumber(String key, double v) {
        write(() -> prefs.putDouble(key, v));
    }

    /** Preferences are a convenience: a store that is gone or unwritable must never break the window. */
    private static void write(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException e) {
            // the node was removed (tests remove theirs while a window may still be closing)
        }
    }

    public boolean darkTheme() {
        return prefs.getBoolean("theme.dark", false);
    }

    public void setDarkTheme(boolean dark) {
        write(() -> prefs.putBoolean("theme.dark", dark));
    }

    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get("recent", "").split("\n")) {
            if (!s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public void addRecent(Path p) {
        List<Path> list = recentFiles();
        Path abs = p.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        for (Path r : list) {
            sb.append(r).append('\n');
        }
        write(() -> prefs.put("recent", sb.toString()));
    }

    /** Colour per row category; categories switched off are absent. */
    public Map<RowCategory, Color> colourRules() {
        Map<RowCategory, Color> out = new EnumMap<>(RowCategory.class);
        for (RowCategory c : RowCategory.values()) {
            if (prefs.getBoolean("colour." + c.name() + ".on", true)) {
                try {
                    out.put(c, Color.web(prefs.get("colour." + c.name(), c.defaultColour())));
                } catch (IllegalArgumentException e) {
                    out.put(c, Color.web(c.defaultColour()));
                }
            }
        }
        return out;
    }

    public void setColourRule(RowCategory c, Color colour, boolean on) {
        write(() -> {
            prefs.put("colour." + c.name(), WebColour.of(colour));
            prefs.putBoolean("colour." + c.name() + ".on", on);
        });
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Preferences are a convenience; an unwritable store must not stop the window closing.
        }
    }

    /** Removes everything stored (tests). */
    public void clear() {
        try {
            prefs.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
