package org.nlwb.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Window;

/**
 * Keeps underscores in the menu a tab pane opens from its header (the overflow list of tabs that
 * do not fit): JavaFX builds that menu itself with mnemonic parsing on, so a tab named
 * {@code addrmsg_ipv4.dump} was listed as "addrmsgipv4.dump". The menu is not reachable before
 * it shows, so this watches for it appearing and turns parsing off in its items.
 */
final class TabMenuLabels {
    private TabMenuLabels() {
    }

    /** From now on, menus opened from {@code tabs}' header area show tab names as they are. */
    static void install(TabPane tabs) {
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    if (w instanceof ContextMenu menu && inHeaderOf(menu.getOwnerNode(), tabs)) {
                        keepUnderscores(menu);
                    }
                }
            }
        });
    }

    private static boolean inHeaderOf(Node owner, TabPane tabs) {
        boolean header = false;
        for (Node n = owner; n != null; n = n.getParent()) {
            header |= n.getStyleClass().contains("tab-header-area");
            if (n == tabs) {
                return header;
            }
        }
        return false;
    }

    /** Parsing off, then the items set again so labels already made are made anew. */
    static void keepUnderscores(ContextMenu menu) {
        boolean changed = false;
        for (MenuItem mi : menu.getItems()) {
            changed |= mi.isMnemonicParsing();
            mi.setMnemonicParsing(false);
        }
        if (changed) {
            List<MenuItem> items = new ArrayList<>(menu.getItems());
            menu.getItems().setAll(items);
        }
    }
}
