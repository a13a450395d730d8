package org.nlwb.app.ui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tool panels at the right of the window (live capture, ...), shown and hidden with
 * View ▸ Tool Panels (F9); their width is remembered in pixels.
 */
final class SidePanels {
    private final Workbench wb;
    private final SplitPane body;
    private final TabPane sidePanels = new TabPane();
    private final CheckMenuItem toolPanelsItem = new CheckMenuItem("T_ool Panels");

    /** @param body the split pane whose right part the panels take */
    SidePanels(Workbench wb, SplitPane body) {
        this.wb = wb;
        this.body = body;
        sidePanels.setSide(javafx.geometry.Side.TOP);
        sidePanels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /** View ▸ Tool Panels; disabled until a panel is added. */
    CheckMenuItem toolPanelsItem() {
        return toolPanelsItem;
    }

    void addSidePanel(String title, javafx.scene.Node panel) {
        Tab t = new Tab(title, panel);
        sidePanels.getTabs().add(t);
        toolPanelsItem.setDisable(false);
        showSidePanels(toolPanelsItem.isSelected());
    }

    void showSidePanels(boolean show) {
        boolean shown = body.getItems().contains(sidePanels);
        if (show && !shown && !sidePanels.getTabs().isEmpty()) {
            body.getItems().add(sidePanels);
            // The tools keep their width when the window grows; the capture gets the rest.
            SplitPane.setResizableWithParent(sidePanels, false);
            // Remembered in pixels: a ratio would change the tools' width with the window's.
            double width = wb.settings().number("side.width", 310);
            double total = body.getWidth() > 0 ? body.getWidth() : wb.scene().getWidth();
            body.setDividerPositions(Math.max(0.3, 1 - width / total));
            body.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
                if (sidePanels.getWidth() > 0) {
                    wb.settings().setNumber("side.width", sidePanels.getWidth());
                }
            });
        } else if (!show && shown) {
            body.getItems().remove(sidePanels);
        }
    }
}
