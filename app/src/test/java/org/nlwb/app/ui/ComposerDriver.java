package org.nlwb.app.ui;

import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.nlwb.app.ui.compose.ComposerTab;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens composers the ways a person does (a template from the Compose menu, a captured request's
 * context menu), so each composer test says only what it checks.
 */
final class ComposerDriver {
    private final WorkbenchFixture fx;

    ComposerDriver(WorkbenchFixture fx) {
        this.fx = fx;
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Compose ▸ Templates ▸ {@code name}, as the menu fires it; returns the composer it opened. */
    ComposerTab template(String name) throws Exception {
        onFx(() -> {
            MenuBar bar = (MenuBar) fx.workbench.scene().lookup(".menu-bar");
            Menu compose = bar.getMenus().stream().filter(m -> m.getText().equals("_Compose")).findFirst().orElseThrow();
            Menu templates = (Menu) compose.getItems().stream().filter(i -> i.getText().equals("_Templates")).findFirst().orElseThrow();
            templates.getItems().stream().filter(i -> i.getText().equals(name)).findFirst().orElseThrow().fire();
            return null;
        });
        fx.settle();
        return onFx(() -> (ComposerTab) fx.workbench.tabs().getSelectionModel().getSelectedItem());
    }

    /** The index of the first request to the kernel in {@code capture} whose type is {@code typeName}. */
    static int firstRequest(CaptureTab capture, String typeName) throws Exception {
        return onFx(() -> {
            for (MessageRef r : capture.list().rows()) {
                if (r.record().direction() == Direction.TO_KERNEL
                        && capture.document().decoded(r.index()).typeName().equals(typeName)) {
                    return r.index();
                }
            }
            throw new AssertionError("no " + typeName + " request in " + capture.document().capture().source());
        });
    }

    /**
     * Selects message {@code index} of {@code capture} and fires the list's context menu item
     * {@code item} ("Replay", "Edit and resend"); returns the composer it opened, or fails with
     * what the status line says instead.
     */
    ComposerTab fromContextMenu(CaptureTab capture, int index, String item) throws Exception {
        onFx(() -> {
            capture.selectMessage(index);
            MenuItem mi = capture.table().getContextMenu().getItems().stream()
                    .filter(i -> item.equals(i.getText())).findFirst().orElseThrow();
            mi.fire();
            return null;
        });
        fx.settle();
        String status = onFx(() -> ((Label) fx.workbench.scene().lookup("#status-line")).getText());
        ComposerTab tab = onFx(() -> fx.workbench.tabs().getSelectionModel().getSelectedItem() instanceof ComposerTab c ? c : null);
        if (tab == null) {
            throw new AssertionError(item + " opened no composer; the status line says: " + status);
        }
        return tab;
    }
}
