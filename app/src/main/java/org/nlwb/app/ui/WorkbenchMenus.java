package org.nlwb.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlwb.app.build.BuildInfo;
import org.nlwb.app.ui.Workbench.Scope;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.decoder.read.DumpFormat;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.nlwb.app.ui.compose.ComposerHost;
import org.nlwb.app.ui.compose.Composers;
import org.nlwb.app.ui.compose.Templates;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.registry.Registry;

/**
 * Builds the window's menu bar (File, Edit, View, Decode, Help, with their shortcuts) and the tool
 * bar (filter, message class, request ⇄ reply), wiring each item to the workbench part that does
 * the work. Holds no state of its own.
 */
final class WorkbenchMenus {
    private final Workbench wb;
    private final Composers composers;

    WorkbenchMenus(Workbench wb) {
        this.wb = wb;
        this.composers = new Composers(new WindowHost(wb), wb.tabs(), wb.context().catalogs());
        wb.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> composers.closeAll());
        wb.tabs().getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(t -> {
                    if (t instanceof CaptureTab ct) {
                        addComposerItems(ct);
                    }
                });
            }
        });
    }

    /** The composer's view of the window. */
    private record WindowHost(Workbench wb) implements ComposerHost {
        @Override
        public Registry registry() {
            return wb.decoder().registry();
        }

        @Override
        public Window owner() {
            return wb.stage();
        }

        @Override
        public <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            wb.tasks().run(task, onSuccess, onFailure);
        }

        @Override
        public void openCapture(Capture capture) {
            wb.openCapture(capture);
        }

        @Override
        public Map<RowCategory, Color> colours() {
            return wb.theme().rowColours();
        }

        @Override
        public void status(String text) {
            wb.tasks().setStatus(text);
        }
    }

    Composers composers() {
        return composers;
    }

    /** "Edit and resend" and "Replay" in a capture's message list. */
    private void addComposerItems(CaptureTab tab) {
        MenuItem edit = new MenuItem("Edit and resend");
        edit.setOnAction(e -> composeFrom(tab, false));
        MenuItem replay = new MenuItem("Replay");
        replay.setOnAction(e -> composeFrom(tab, true));
        tab.table().getContextMenu().getItems().addAll(new SeparatorMenuItem(), edit, replay);
    }

    private void composeFrom(CaptureTab tab, boolean replay) {
        MessageRef ref = tab.table().selectedMessageProperty().get();
        if (ref == null) {
            return;
        }
        try {
            if (replay) {
                composers.replay(tab.document().pipeline(), ref.index());
            } else {
                composers.editAndResend(tab.document().decoded(ref.index()), tab.document().pipeline().registry());
            }
        } catch (EncodeException e) {
            wb.tasks().setStatus((replay ? "Replay: " : "Edit and resend: ") + e.getMessage());
        }
    }

    private Menu composeMenu() {
        Menu compose = new Menu("_Compose");
        Menu templates = new Menu("_Templates");
        for (Templates.Template t : Templates.all()) {
            templates.getItems().add(named(t.name(), null, () -> composers.openTemplate(t)));
        }
        compose.getItems().addAll(item("_New Message", "Shortcut+N", composers::openNew), templates);
        return compose;
    }

    MenuBar menuBar() {
        Menu decode = new Menu("_Decode");
        decode.getItems().addAll(item("_Reload Specs", "Shortcut+Shift+R", wb::reloadSpecs));

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_About", "F1", this::about));
        Menu compare = new org.nlwb.app.ui.compare.CompareActions(new CompareWindow(wb)).menu();
        MenuBar mb = new MenuBar(fileMenu(), editMenu(), viewMenu(), composeMenu(), compare, decode, help);
        mb.setUseSystemMenuBar(true);
        return mb;
    }

    private Menu fileMenu() {
        Menu file = new Menu("_File");
        MenuItem open = item("_Open…", "Shortcut+O", wb.opener()::openDialog);
        Menu reopen = new Menu("Reopen _As");
        reopen.getItems().add(item("Detect format", null, () -> wb.reopenAs(null)));
        for (DumpFormat f : DumpFormat.values()) {
            reopen.getItems().add(named(f.label(), null, () -> wb.reopenAs(f)));
        }
        MenuItem reload = item("Re_load File", "F5", () -> {
            CaptureTab t = wb.currentTab();
            if (t != null) {
                wb.reopenAs(t.document().forcedFormat());
            }
        });
        Menu export = new Menu("_Export");
        for (Scope s : Scope.values()) {
            Menu sub = new Menu(switch (s) {
                case ALL -> "All messages";
                case SHOWN -> "Displayed (filtered) messages";
                case SELECTED -> "Selected messages";
            });
            for (ExportFormat f : ExportFormat.values()) {
                String accel = s == Scope.SHOWN && f == ExportFormat.JSON ? "Shortcut+E" : null;
                sub.getItems().add(named(f.label() + "…", accel, () -> wb.exports().exportDialog(s, f)));
            }
            export.getItems().add(sub);
        }
        MenuItem close = item("_Close Tab", "Shortcut+W", () -> {
            Tab t = wb.tabs().getSelectionModel().getSelectedItem();
            if (t != null) {
                wb.tabs().getTabs().remove(t);
            }
        });
        MenuItem quit = item("_Quit", "Shortcut+Q", wb.stage()::close);
        file.getItems().addAll(open, wb.opener().recentMenu(), reopen, reload, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), close, quit);
        return file;
    }

    private Menu editMenu() {
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Find…", "Shortcut+F", () -> wb.findBar().showFind(true)),
                item("Find _Next", "F3", wb::findNext),
                item("Focus _Filter", "Shortcut+L", () -> wb.filterBar().field().requestFocus()),
                item("Clear Filter", "Shortcut+Shift+L", () -> wb.applyFilterText("")),
                new SeparatorMenuItem(),
                item("_Colour Rules…", null, wb.theme()::colourDialog));
        return edit;
    }

    private Menu viewMenu() {
        Menu view = new Menu("_View");
        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setSelected(wb.settings().darkTheme());
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().addListener((o, was, on) -> {
            wb.settings().setDarkTheme(on);
            wb.theme().applyTheme(on);
        });
        CheckMenuItem toolPanelsItem = wb.sidePanels().toolPanelsItem();
        view.getItems().addAll(
                item("_Expand All", "Alt+Right", () -> wb.withTab(t -> t.main().tree().expandAll(true))),
                item("_Collapse All", "Alt+Left", () -> wb.withTab(t -> t.main().tree().expandAll(false))),
                item("Next Message", "Shortcut+Down", () -> wb.withTab(t -> t.table().step(1))),
                item("Previous Message", "Shortcut+Up", () -> wb.withTab(t -> t.table().step(-1))),
                item("Go to _Tree", "Shortcut+1", () -> wb.withTab(t -> t.main().tree().table().requestFocus())),
                item("Go to _Hex", "Shortcut+2", () -> wb.withTab(t -> t.main().hex().requestFocus())),
                item("Go to _List", "Shortcut+3", () -> wb.withTab(t -> t.table().requestFocus())),
                item("_Size Columns to Content", "Shortcut+Shift+W", () -> wb.withTab(CaptureTab::fitColumns)),
                new SeparatorMenuItem(), toolPanelsItem, dark);
        toolPanelsItem.setAccelerator(KeyCombination.keyCombination("F9"));
        // Unless a person chose, the tool panels start hidden on a narrow window: its width is the list's.
        double toolsByDefault = WindowPlacement.remembered(wb.settings()).width() >= 1200 ? 1 : 0;
        toolPanelsItem.setSelected(wb.settings().number("tools.shown", toolsByDefault) != 0);
        toolPanelsItem.setDisable(true);
        toolPanelsItem.selectedProperty().addListener((o, was, on) -> {
            wb.settings().setNumber("tools.shown", on ? 1 : 0);
            wb.sidePanels().showSidePanels(on);
        });
        return view;
    }

    ToolBar toolBar() {
        var classChooser = wb.classChooser();
        var relatedToggle = wb.relatedToggle();
        var filterBar = wb.filterBar();
        classChooser.setId("class-chooser");
        classChooser.setTooltip(new javafx.scene.control.Tooltip("Message class: automatic, or one forced for every message of this tab"));
        classChooser.valueProperty().addListener((o, was, v) -> wb.decoding().classChosen());
        relatedToggle.setSelected(true);
        relatedToggle.setTooltip(new javafx.scene.control.Tooltip("Show the request beside its reply (matched by nlmsg_seq)"));
        HBox.setHgrow(filterBar, Priority.ALWAYS);
        filterBar.setMaxWidth(Double.MAX_VALUE);
        ToolBar tb = new ToolBar(filterBar, new Label("Class"), classChooser, relatedToggle);
        filterBar.prefWidthProperty().bind(tb.widthProperty().subtract(420));
        return tb;
    }

    /**
     * An item whose text is a name from data (a format, a template, a file): shown as it is, an
     * underscore kept ({@code pcap (LINKTYPE_NETLINK)}) instead of taken as a mnemonic mark.
     */
    static MenuItem named(String text, String accel, Runnable action) {
        MenuItem mi = item(text, accel, action);
        mi.setMnemonicParsing(false);
        return mi;
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(wb.stage());
        a.setTitle("About Netlink Workbench");
        a.setHeaderText("Netlink Workbench " + BuildInfo.version());
        a.setContentText("Decode, see, capture and send Linux netlink messages.\n"
                + wb.decoder().registry().classNames().size() + " message classes loaded.");
        a.show();
    }
}
