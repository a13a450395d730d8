package org.nlwb.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.nlwb.app.build.BuildInfo;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.MessageDecoder;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.decoder.export.Exporter;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.Finder;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * The main window: menus, the filter bar, one tab per open capture, a side-panel slot (for tool
 * panels such as live capture: {@link #addSidePanel}) and the status bar with progress and
 * Cancel. Opening, filtering, finding and exporting run as tasks; results are applied on the FX thread.
 */
public final class Workbench {
    public static final String AUTOMATIC_CLASS = "automatic";

    private final Stage stage;
    private final WorkbenchContext ctx;
    private final Settings settings;
    private final TaskRunner tasks = new TaskRunner();
    private final TabPane tabs = new TabPane();
    private final SplitPane body = new SplitPane();
    private final TabPane sidePanels = new TabPane();
    private final FilterBar filterBar;
    private final ComboBox<String> classChooser = new ComboBox<>();
    private final ToggleButton relatedToggle = new ToggleButton("Request ⇄ reply");
    private final HBox findBar = new HBox(6);
    private final TextField findField = new TextField();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final CheckMenuItem toolPanelsItem = new CheckMenuItem("T_ool Panels");
    private final BorderPane root = new BorderPane();
    private MenuBar menus;
    private final Scene scene;
    private volatile MessageDecoder decoder;
    private Map<RowCategory, Color> colours;
    private boolean switchingTabs;
    /** Node names of the messages shown so far, for filter completion. */
    private final java.util.Set<String> seenNames = new java.util.HashSet<>();

    public Workbench(Stage stage, WorkbenchContext ctx) {
        this.stage = stage;
        this.ctx = ctx;
        this.settings = ctx.settings();
        this.decoder = new MessageDecoder(ctx.registries().get());
        this.colours = settings.colourRules();
        filterBar = new FilterBar(this::applyFilter);
        filterBar.setFieldNames(() -> {
            java.util.Set<String> names = new java.util.TreeSet<>(Filter.PSEUDO_FIELDS);
            names.addAll(seenNames);
            return names;
        });

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> tabChanged());
        Label empty = new Label("Open a netlink dump: File ▸ Open (Ctrl+O), drop files here, or ./nlwb FILE");
        empty.getStyleClass().add("empty-hint");
        BorderPane centre = new BorderPane(tabs);
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c ->
                centre.setCenter(tabs.getTabs().isEmpty() ? empty : tabs));
        centre.setCenter(empty);
        body.getItems().add(centre);
        body.setOrientation(Orientation.HORIZONTAL);
        sidePanels.setSide(javafx.geometry.Side.TOP);
        sidePanels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        buildFindBar();
        menus = menuBar();
        VBox top = new VBox(menus, toolBar(), findBar);
        root.setTop(top);
        root.setCenter(body);
        root.setBottom(tasks.bar());

        scene = new Scene(root, settings.number("window.width", 1400), settings.number("window.height", 900));
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        applyTheme(settings.darkTheme());
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                for (File f : e.getDragboard().getFiles()) {
                    open(f.toPath(), null);
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setScene(scene);
        stage.setTitle("Netlink Workbench");
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setOnHidden(e -> {
            saveWindow();
            tasks.shutdown();
        });
        refreshClasses();
        refreshRecent();
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ComboBox<String> classChooser() {
        return classChooser;
    }

    public MessageDecoder decoder() {
        return decoder;
    }

    public CaptureTab currentTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof CaptureTab c ? c : null;
    }

    /** Adds a tool panel (live capture, ...) at the right of the window. */
    public void addSidePanel(String title, javafx.scene.Node panel) {
        Tab t = new Tab(title, panel);
        sidePanels.getTabs().add(t);
        toolPanelsItem.setDisable(false);
        showSidePanels(toolPanelsItem.isSelected());
    }

    private void showSidePanels(boolean show) {
        boolean shown = body.getItems().contains(sidePanels);
        if (show && !shown && !sidePanels.getTabs().isEmpty()) {
            body.getItems().add(sidePanels);
            // The tools keep their width when the window grows; the capture gets the rest.
            SplitPane.setResizableWithParent(sidePanels, false);
            // Remembered in pixels: a ratio would change the tools' width with the window's.
            double width = settings.number("side.width", 310);
            double total = body.getWidth() > 0 ? body.getWidth() : scene.getWidth();
            body.setDividerPositions(Math.max(0.3, 1 - width / total));
            body.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
                if (sidePanels.getWidth() > 0) {
                    settings.setNumber("side.width", sidePanels.getWidth());
                }
            });
        } else if (!show && shown) {
            body.getItems().remove(sidePanels);
        }
    }

    /** Adds a menu (a tool's own) before Help. */
    public void addMenu(Menu menu) {
        menus.getMenus().add(menus.getMenus().size() - 1, menu);
    }

    /**
     * Opens a tab on a capture that is being filled (a live capture); feed it with
     * {@link CaptureTab#appendLive} on the FX thread after appending to {@code capture}.
     */
    public CaptureTab openCapture(Capture capture) {
        CaptureTab tab = newTab(new CaptureDocument(capture, null, null, decoder.registry(), ctx.conversations(), chosenClass()));
        return tab;
    }

    // ---- files -------------------------------------------------------------------------------

    /** Opens {@code file} in a new tab (format detected when {@code format} is null), in the background. */
    public void open(Path file, DumpFormat format) {
        open(file, format, null);
    }

    /** Opens {@code file}; on success its tab takes the place of {@code replaced} (reopen as ...). */
    private void open(Path file, DumpFormat format, Tab replaced) {
        Task<CaptureDocument> t = new Task<>() {
            @Override
            protected CaptureDocument call() throws Exception {
                updateTitle("Opening " + file.getFileName());
                updateProgress(-1, 1);
                Capture c = ctx.loader().load(file, format, Protocol.UNKNOWN);
                return new CaptureDocument(c, file, format, decoder.registry(), ctx.conversations(), null);
            }
        };
        tasks.run(t, doc -> {
            settings.addRecent(file);
            refreshRecent();
            CaptureTab tab = newTab(doc);
            if (replaced != null && tabs.getTabs().contains(replaced)) {
                int at = tabs.getTabs().indexOf(replaced);
                tabs.getTabs().remove(tab);
                tabs.getTabs().set(at, tab);
                tabs.getSelectionModel().select(tab);
            }
        }, e -> error("Cannot open " + file, e));
    }

    /** Opens in-memory content (the bundled sample) in a new tab. */
    public void open(String name, byte[] content) {
        Task<CaptureDocument> t = new Task<>() {
            @Override
            protected CaptureDocument call() throws Exception {
                updateTitle("Opening " + name);
                return new CaptureDocument(ctx.loader().load(name, content, null, Protocol.UNKNOWN), null, null,
                        decoder.registry(), ctx.conversations(), null);
            }
        };
        tasks.run(t, this::newTab, e -> error("Cannot open " + name, e));
    }

    private CaptureTab newTab(CaptureDocument doc) {
        CaptureTab tab = new CaptureTab(doc, this::rowColours, this::applyFilterText, settings);
        tab.main().model().messageProperty().addListener((o, was, m) -> {
            if (m != null && seenNames.size() < 20_000) {
                m.tree().walk(n -> seenNames.add(n.name()));
            }
        });
        tab.showRelatedProperty().bind(relatedToggle.selectedProperty());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        if (!tab.list().rows().isEmpty()) {
            tab.table().getSelectionModel().select(0);
        }
        scanDiagnostics(tab);
        updateInfo();
        return tab;
    }

    private void scanDiagnostics(CaptureTab tab) {
        tasks.run(tab.diagnostics().scanTask(), found -> {
            if (found != null) {
                tab.diagnostics().show(found);
                Capture c = tab.document().capture();
                tasks.setStatus(tab.document().title() + " (" + c.format() + "): " + c.recordCount() + " records, "
                        + c.messageCount() + " messages, " + found.size() + " diagnostics");
            }
        });
    }

    private void openDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open netlink dumps");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Netlink dumps", "*.pcap", "*.txt", "*.data", "*.dump", "*.hex", "*.strace"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null) {
            files.forEach(f -> open(f.toPath(), null));
        }
    }

    /** Opens the current tab's file again with {@code format} (null: detect); the new tab takes its place. */
    void reopenAs(DumpFormat format) {
        CaptureTab t = currentTab();
        if (t == null || t.document().path() == null) {
            tasks.setStatus("Only a tab opened from a file can be reopened");
            return;
        }
        open(t.document().path(), format, t);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : settings.recentFiles()) {
            MenuItem mi = new MenuItem(p.toString());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open(p, null));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- filter, find ------------------------------------------------------------------------

    private void applyFilterText(String expr) {
        filterBar.setText(expr);
        try {
            applyFilter(Filter.parse(expr));
        } catch (org.nlwb.decoder.filter.FilterSyntaxException e) {
            tasks.setStatus("filter: " + e.getMessage());
        }
    }

    /** Filters the current tab in the background. */
    public void applyFilter(Filter f) {
        CaptureTab tab = currentTab();
        if (tab == null) {
            return;
        }
        MessageRef selected = tab.table().getSelectionModel().getSelectedItem();
        tasks.run(tab.list().filterTask(f), kept -> {
            if (kept == null) {
                return;
            }
            tab.list().applyFilter(f, kept);
            if (selected != null && !tab.selectMessage(selected.index()) && !kept.isEmpty()) {
                tab.table().getSelectionModel().select(0);
            }
            updateInfo();
        });
    }

    private void buildFindBar() {
        findBar.getStyleClass().add("find-bar");
        findField.setId("find-field");
        findField.setPromptText("Find in names, values and hex (Enter: next, Esc: close)");
        HBox.setHgrow(findField, Priority.ALWAYS);
        javafx.scene.control.Button next = new javafx.scene.control.Button("Next");
        next.setOnAction(e -> findNext());
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close");
        close.setOnAction(e -> showFind(false));
        findField.setOnAction(e -> findNext());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showFind(false);
            }
        });
        findBar.getChildren().addAll(new Label("Find"), findField, next, close);
        findBar.setPadding(new Insets(4, 8, 4, 8));
        showFind(false);
    }

    private void showFind(boolean show) {
        findBar.setVisible(show);
        findBar.setManaged(show);
        if (show) {
            findField.requestFocus();
            findField.selectAll();
        }
    }

    /** Searches the shown messages after the selected one (wrapping) for the find text. */
    public void findNext() {
        CaptureTab tab = currentTab();
        String needle = findField.getText();
        if (tab == null || needle.isEmpty()) {
            return;
        }
        List<MessageRef> rows = List.copyOf(tab.list().rows());
        int start = Math.max(0, tab.table().getSelectionModel().getSelectedIndex());
        Node current = tab.main().model().selectedNode();
        CaptureDocument doc = tab.document();
        Task<Finder.Hit> t = new Task<>() {
            @Override
            protected Finder.Hit call() {
                updateTitle("Finding \"" + needle + "\"");
                int n = rows.size();
                for (int k = 0; k <= n && !isCancelled(); k++) {
                    int row = (start + k) % Math.max(1, n);
                    if (n == 0) {
                        break;
                    }
                    DecodedMessage m = doc.decodeUncached(rows.get(row).index());
                    Finder.Hit h = Finder.find(m, needle, k == 0 ? current : null);
                    if (h != null) {
                        return h;
                    }
                    updateProgress(k, n);
                }
                return null;
            }
        };
        tasks.run(t, hit -> {
            if (hit == null) {
                tasks.setStatus("\"" + needle + "\" not found");
                return;
            }
            tab.selectNode(hit.messageIndex(), hit.node().name(), hit.node().offset(), hit.node().length());
        });
    }

    // ---- decoding ------------------------------------------------------------------------------

    private String chosenClass() {
        String c = classChooser.getValue();
        return c == null || c.equals(AUTOMATIC_CLASS) ? null : c;
    }

    private void refreshClasses() {
        List<String> names = new ArrayList<>();
        names.add(AUTOMATIC_CLASS);
        decoder.registry().classes().stream().map(MessageClass::name).sorted(Comparator.naturalOrder())
                .forEach(names::add);
        String was = classChooser.getValue();
        classChooser.getItems().setAll(names);
        classChooser.setValue(was != null && names.contains(was) ? was : AUTOMATIC_CLASS);
    }

    private void classChosen() {
        CaptureTab tab = currentTab();
        if (tab == null || switchingTabs) {
            return;
        }
        String cls = chosenClass();
        if (java.util.Objects.equals(cls, tab.document().forcedClass())) {
            return;
        }
        tab.document().redecodeWith(decoder.registry(), cls);
        tab.redisplay();
        scanDiagnostics(tab);
    }

    /** Rebuilds the registry (specs re-read) and decodes every open tab again. */
    public void reloadSpecs() {
        Task<Registry> t = new Task<>() {
            @Override
            protected Registry call() {
                updateTitle("Reloading specs");
                return ctx.registries().get();
            }
        };
        tasks.run(t, this::useRegistry, e -> error("Reloading specs failed", e));
    }

    /**
     * Decodes with {@code reg} from now on and decodes every open tab again (FX thread): after
     * "Reload specs", or when the spec watcher saw a spec file change.
     */
    public void useRegistry(Registry reg) {
        decoder = new MessageDecoder(reg);
        refreshClasses();
        for (Tab tab : tabs.getTabs()) {
            if (tab instanceof CaptureTab c) {
                c.document().redecodeWith(reg, c.document().forcedClass());
                c.redisplay();
                scanDiagnostics(c);
            }
        }
        tasks.setStatus("Specs reloaded: " + reg.classes().size() + " message classes");
    }

    // ---- export ------------------------------------------------------------------------------

    /** Which messages an export writes. */
    public enum Scope { ALL, SHOWN, SELECTED }

    private void exportDialog(Scope scope, ExportFormat format) {
        CaptureTab tab = currentTab();
        if (tab == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + scope.name().toLowerCase() + " messages as " + format.label());
        fc.setInitialFileName(tab.document().title().replaceAll("\\.[^.]*$", "") + "." + format.extension());
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            export(scope, format, f.toPath());
        }
    }

    /** Exports from the current tab in the background. */
    public void export(Scope scope, ExportFormat format, Path out) {
        CaptureTab tab = currentTab();
        if (tab == null) {
            return;
        }
        List<MessageRef> msgs = switch (scope) {
            case ALL -> Exporter.all(tab.document().pipeline());
            case SHOWN -> List.copyOf(tab.list().rows());
            case SELECTED -> tab.table().getSelectionModel().getSelectedItems().stream()
                    .sorted(Comparator.comparingInt(MessageRef::index)).toList();
        };
        CaptureDocument doc = tab.document();
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws IOException {
                updateTitle("Exporting " + msgs.size() + " messages to " + out.getFileName());
                Exporter.export(doc.pipeline(), msgs, format, out, i -> updateProgress(i, msgs.size()), this::isCancelled);
                return out;
            }
        };
        tasks.run(t, p -> tasks.setStatus("Exported " + msgs.size() + " messages to " + p),
                e -> error("Export failed", e));
    }

    // ---- menus -------------------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem open = item("_Open…", "Shortcut+O", this::openDialog);
        Menu reopen = new Menu("Reopen _As");
        reopen.getItems().add(item("Detect format", null, () -> reopenAs(null)));
        for (DumpFormat f : DumpFormat.values()) {
            reopen.getItems().add(item(f.label(), null, () -> reopenAs(f)));
        }
        MenuItem reload = item("Re_load File", "F5", () -> {
            CaptureTab t = currentTab();
            if (t != null) {
                reopenAs(t.document().forcedFormat());
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
                sub.getItems().add(item(f.label() + "…", accel, () -> exportDialog(s, f)));
            }
            export.getItems().add(sub);
        }
        MenuItem close = item("_Close Tab", "Shortcut+W", () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null) {
                tabs.getTabs().remove(t);
            }
        });
        MenuItem quit = item("_Quit", "Shortcut+Q", stage::close);
        file.getItems().addAll(open, recentMenu, reopen, reload, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), close, quit);

        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Find…", "Shortcut+F", () -> showFind(true)),
                item("Find _Next", "F3", this::findNext),
                item("Focus _Filter", "Shortcut+L", () -> filterBar.field().requestFocus()),
                item("Clear Filter", "Shortcut+Shift+L", () -> applyFilterText("")),
                new SeparatorMenuItem(),
                item("_Colour Rules…", null, this::colourDialog));

        Menu view = new Menu("_View");
        CheckMenuItem dark = new CheckMenuItem("_Dark Theme");
        dark.setSelected(settings.darkTheme());
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().addListener((o, was, on) -> {
            settings.setDarkTheme(on);
            applyTheme(on);
        });
        view.getItems().addAll(
                item("_Expand All", "Alt+Right", () -> withTab(t -> t.main().tree().expandAll(true))),
                item("_Collapse All", "Alt+Left", () -> withTab(t -> t.main().tree().expandAll(false))),
                item("Next Message", "Shortcut+Down", () -> withTab(t -> t.table().getSelectionModel().selectNext())),
                item("Previous Message", "Shortcut+Up", () -> withTab(t -> t.table().getSelectionModel().selectPrevious())),
                item("Go to _Tree", "Shortcut+1", () -> withTab(t -> t.main().tree().table().requestFocus())),
                item("Go to _Hex", "Shortcut+2", () -> withTab(t -> t.main().hex().requestFocus())),
                item("Go to _List", "Shortcut+3", () -> withTab(t -> t.table().requestFocus())),
                new SeparatorMenuItem(), toolPanelsItem, dark);
        toolPanelsItem.setAccelerator(KeyCombination.keyCombination("F9"));
        toolPanelsItem.setSelected(settings.number("tools.shown", 1) != 0);
        toolPanelsItem.setDisable(true);
        toolPanelsItem.selectedProperty().addListener((o, was, on) -> {
            settings.setNumber("tools.shown", on ? 1 : 0);
            showSidePanels(on);
        });

        Menu decode = new Menu("_Decode");
        decode.getItems().addAll(item("_Reload Specs", "Shortcut+Shift+R", this::reloadSpecs));

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_About", "F1", this::about));
        MenuBar mb = new MenuBar(file, edit, view, decode, help);
        mb.setUseSystemMenuBar(true);
        return mb;
    }

    private ToolBar toolBar() {
        classChooser.setId("class-chooser");
        classChooser.setTooltip(new javafx.scene.control.Tooltip("Message class: automatic, or one forced for every message of this tab"));
        classChooser.valueProperty().addListener((o, was, v) -> classChosen());
        relatedToggle.setSelected(true);
        relatedToggle.setTooltip(new javafx.scene.control.Tooltip("Show the request beside its reply (matched by nlmsg_seq)"));
        HBox.setHgrow(filterBar, Priority.ALWAYS);
        filterBar.setMaxWidth(Double.MAX_VALUE);
        ToolBar tb = new ToolBar(filterBar, new Label("Class"), classChooser, relatedToggle);
        filterBar.prefWidthProperty().bind(tb.widthProperty().subtract(420));
        return tb;
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private void withTab(java.util.function.Consumer<CaptureTab> a) {
        CaptureTab t = currentTab();
        if (t != null) {
            a.accept(t);
        }
    }

    private void tabChanged() {
        CaptureTab t = currentTab();
        switchingTabs = true;
        try {
            filterBar.setText(t == null ? "" : t.list().filterProperty().get().text());
            classChooser.setValue(t == null || t.document().forcedClass() == null ? AUTOMATIC_CLASS
                    : t.document().forcedClass());
        } finally {
            switchingTabs = false;
        }
        stage.setTitle(t == null ? "Netlink Workbench" : t.document().title() + " — Netlink Workbench");
        updateInfo();
    }

    private void updateInfo() {
        CaptureTab t = currentTab();
        tasks.info().setText(t == null ? "" : t.list().rows().size() + " of " + t.document().messageCount()
                + " messages shown · " + t.document().capture().format());
    }

    /** The colour rules as drawn: on the dark theme the same hues, darkened so light text stays readable. */
    private Map<RowCategory, Color> rowColours() {
        if (!settings.darkTheme()) {
            return colours;
        }
        Map<RowCategory, Color> dark = new EnumMap<>(RowCategory.class);
        colours.forEach((k, c) -> dark.put(k, c.deriveColor(0, 1.1, 0.38, 1)));
        return dark;
    }

    private void applyTheme(boolean dark) {
        tabs.getTabs().forEach(t -> {
            if (t instanceof CaptureTab c) {
                c.table().refresh();
            }
        });
        String css = Workbench.class.getResource("dark.css").toExternalForm();
        scene.getStylesheets().remove(css);
        if (dark) {
            scene.getStylesheets().add(css);
        }
    }

    private void colourDialog() {
        if (ColourRulesDialog.edit(stage, settings, colours)) {
            colours = settings.colourRules();
            tabs.getTabs().forEach(t -> {
                if (t instanceof CaptureTab c) {
                    c.table().refresh();
                }
            });
        }
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("About Netlink Workbench");
        a.setHeaderText("Netlink Workbench " + BuildInfo.version());
        a.setContentText("Decode, see, capture and send Linux netlink messages.\n"
                + decoder.registry().classes().size() + " message classes loaded.");
        a.show();
    }

    private void error(String what, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(stage);
        a.setTitle("Netlink Workbench");
        a.setHeaderText(what);
        a.setContentText(e == null ? "unknown error" : String.valueOf(e.getMessage()));
        a.show();
    }

    private void saveWindow() {
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.setNumber("window.width", stage.getWidth());
            settings.setNumber("window.height", stage.getHeight());
            settings.setNumber("window.x", stage.getX());
            settings.setNumber("window.y", stage.getY());
        }
        settings.flush();
    }

    /** Runs {@code r} on the FX thread (helper for callers on other threads). */
    public static void later(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
