package org.nlwb.app.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.export.ExportFormat;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.registry.Registry;

/**
 * The main window: menus, the filter bar, one tab per open capture, a side-panel slot (for tool
 * panels such as live capture: {@link #addSidePanel}) and the status bar with progress and
 * Cancel. Opening, filtering, finding and exporting run as tasks; results are applied on the FX thread.
 *
 * <p>This class holds the window's state (tabs, side panels, the decoder, the chosen class) and
 * wires the parts that do one job each: {@link WorkbenchMenus} (menu and tool bar),
 * {@link FindBar}, {@link TabOpener} (opening files into tabs), {@link ExportActions},
 * {@link WorkbenchTheme} (style sheet and row colours), {@link SidePanels} (tool panels) and
 * {@link Decoding} (the decoder, the class chooser, reloading specs).
 */
public final class Workbench {
    public static final String AUTOMATIC_CLASS = "automatic";

    private final Stage stage;
    private final WorkbenchContext ctx;
    private final Settings settings;
    private final TaskRunner tasks = new TaskRunner();
    private final TabPane tabs = new TabPane();
    private final StatusLine statusLine = new StatusLine(tasks, tabs);
    private final SplitPane body = new SplitPane();
    private final SidePanels sidePanels = new SidePanels(this, body);
    private final FilterBar filterBar;
    private final ToggleButton relatedToggle = new ToggleButton("Request ⇄ reply");
    private final BorderPane root = new BorderPane();
    private final TabOpener opener = new TabOpener(this);
    private final ExportActions exports = new ExportActions(this);
    private final WorkbenchTheme theme;
    private final FindBar findBar;
    private MenuBar menus;
    private final Scene scene;
    private final Decoding decoding;
    /** Node names of the messages shown so far, for filter completion. */
    private final java.util.Set<String> seenNames = new java.util.HashSet<>();

    /** The first rows' steps, timed from when the window was made: see {@link StartupSteps}. */
    private final StartupSteps steps;

    public Workbench(Stage stage, WorkbenchContext ctx) {
        this(stage, ctx, StartupSteps.sinceNow());
    }

    /** A window whose start-up and first rows are timed in {@code steps} (made when the process started). */
    public Workbench(Stage stage, WorkbenchContext ctx, StartupSteps steps) {
        this.steps = steps;
        steps.mark("window: building");
        this.stage = stage;
        this.ctx = ctx;
        this.settings = ctx.settings();
        this.decoding = new Decoding(this, ctx.registries().get());
        this.theme = new WorkbenchTheme(this);
        filterBar = new FilterBar(this::applyFilter);
        filterBar.setFieldNames(() -> {
            java.util.Set<String> names = new java.util.TreeSet<>(Filter.PSEUDO_FIELDS);
            names.addAll(seenNames);
            return names;
        });
        filterBar.setVocabulary(() -> decoding.decoder().registry(), () -> seenNames);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        TabMenuLabels.install(tabs);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> tabChanged());
        Label empty = new Label("Open a netlink dump: File ▸ Open (Ctrl+O), drop files here, or ./nlwb FILE");
        empty.getStyleClass().add("empty-hint");
        BorderPane centre = new BorderPane(tabs);
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c ->
                centre.setCenter(tabs.getTabs().isEmpty() ? empty : tabs));
        centre.setCenter(empty);
        body.getItems().add(centre);
        body.setOrientation(Orientation.HORIZONTAL);

        findBar = new FindBar(this);
        WorkbenchMenus bars = new WorkbenchMenus(this);
        menus = bars.menuBar();
        VBox top = new VBox(menus, bars.toolBar(), findBar.node());
        root.setTop(top);
        root.setCenter(body);
        root.setBottom(tasks.bar());

        WindowPlacement place = WindowPlacement.remembered(settings);
        scene = new Scene(root, place.width(), place.height());
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        theme.applyTheme(settings.darkTheme());
        acceptDroppedFiles();
        showStage(place);
        decoding.refreshClasses();
        opener.refreshRecent();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> steps.mark("window: shown"));
        steps.mark("window: built");
    }

    /** The start-up and first rows' steps of this window. */
    public StartupSteps startupSteps() {
        return steps;
    }

    private void acceptDroppedFiles() {
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
    }

    private void showStage(WindowPlacement place) {
        stage.setScene(scene);
        stage.setTitle("Netlink Workbench");
        // The stage's size includes the window frame: the frame too stays on the screen, and what
        // is saved on closing (the stage's size) is what opens next time.
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        if (place.placed()) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setOnHidden(e -> {
            saveWindow();
            tasks.shutdown();
        });
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
        return decoding.classChooser();
    }

    public MessageDecoder decoder() {
        return decoding.decoder();
    }

    public CaptureTab currentTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof CaptureTab c ? c : null;
    }

    // ---- the parts, for each other ----------------------------------------------------------

    WorkbenchContext context() {
        return ctx;
    }

    Settings settings() {
        return settings;
    }

    TabOpener opener() {
        return opener;
    }

    ExportActions exports() {
        return exports;
    }

    WorkbenchTheme theme() {
        return theme;
    }

    FindBar findBar() {
        return findBar;
    }

    ToggleButton relatedToggle() {
        return relatedToggle;
    }

    SidePanels sidePanels() {
        return sidePanels;
    }

    Decoding decoding() {
        return decoding;
    }

    // ---- side panels and tool menus -----------------------------------------------------------

    /** Adds a tool panel (live capture, ...) at the right of the window. */
    public void addSidePanel(String title, javafx.scene.Node panel) {
        sidePanels.addSidePanel(title, panel);
    }

    /** Adds a menu (a tool's own) before Help. */
    public void addMenu(Menu menu) {
        menus.getMenus().add(menus.getMenus().size() - 1, menu);
    }

    // ---- tabs --------------------------------------------------------------------------------

    /**
     * Opens a tab on a capture that is being filled (a live capture); feed it with
     * {@link CaptureTab#appendLive} on the FX thread after appending to {@code capture}.
     */
    public CaptureTab openCapture(Capture capture) {
        CaptureTab tab = newTab(new CaptureDocument(capture, null, null, decoding.decoder().registry(), ctx.conversations(), decoding.chosenClass()));
        return tab;
    }

    /** Opens {@code file} in a new tab (format detected when {@code format} is null), in the background. */
    public void open(Path file, DumpFormat format) {
        opener.open(file, format, null);
    }

    /** Opens in-memory content (the bundled sample) in a new tab. */
    public void open(String name, byte[] content) {
        opener.open(name, content);
    }

    /** Opens the current tab's file again with {@code format} (null: detect); the new tab takes its place. */
    void reopenAs(DumpFormat format) {
        opener.reopenAs(format);
    }

    CaptureTab newTab(CaptureDocument doc) {
        steps.mark("tab: making");
        CaptureTab tab = new CaptureTab(doc, theme::rowColours, this::applyFilterText, settings, steps);
        tab.main().model().messageProperty().addListener((o, was, m) -> {
            if (m != null && seenNames.size() < 20_000) {
                m.tree().walk(n -> seenNames.add(n.name()));
            }
        });
        tab.showRelatedProperty().bind(relatedToggle.selectedProperty());
        statusLine.watch(tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        if (!tab.list().rows().isEmpty()) {
            tab.table().selectRow(0);
        }
        javafx.concurrent.Task<Integer> follow = tab.list().followTask();
        if (follow != null) {
            // a big file still being indexed: its rows show as the index grows
            tasks.runBackground(follow, n -> statusLine.showCurrent());
        }
        scanDiagnostics(tab);
        // a click far down the list then need not walk every message before it first
        tab.afterFirstRows(() -> org.nlwb.app.ui.model.ConversationWarmup.start(doc));
        statusLine.showCurrent();
        steps.mark("tab: added (indexer followed, diagnostics scan started)");
        return tab;
    }

    /** How long the diagnostics scan of a new tab waits at most for its first rows to be drawn. */
    private static final long FIRST_ROWS_HOLD_NANOS = 5_000_000_000L;

    void scanDiagnostics(CaptureTab tab) {
        // held until the tab's first rows are drawn (or, a tab not shown, for 5 s at most), and
        // while a person uses the tab: what they wait for then goes first, and the scan makes no garbage meanwhile
        long holdUntil = System.nanoTime() + FIRST_ROWS_HOLD_NANOS;
        tab.afterFirstRows(filterBar::buildVocabularyAhead); // not beside the first rows: after them
        java.util.function.BooleanSupplier pause = () -> tasks.foregroundBusy()
                || !tab.firstRowsDrawn() && System.nanoTime() < holdUntil || tab.inUse();
        javafx.concurrent.Task<org.nlwb.app.ui.model.DiagnosticsScan.Frame> scan = tab.diagnostics().scanTask(pause);
        tasks.runBackground(scan, found -> {
            if (found != null) {
                tab.diagnostics().finish(scan, found);
                tab.showDecodeHint(chooseClass());
                statusLine.showCurrent();
            }
        });
    }

    void withTab(java.util.function.Consumer<CaptureTab> a) {
        CaptureTab t = currentTab();
        if (t != null) {
            a.accept(t);
        }
    }

    private void tabChanged() {
        CaptureTab t = currentTab();
        filterBar.setText(t == null ? "" : t.list().filterProperty().get().text());
        decoding.showClassOf(t);
        stage.setTitle(t == null ? "Netlink Workbench" : t.document().title() + " — Netlink Workbench");
    }

    /** Opens the tool bar's message-class chooser (the way to decode a file that does not say its protocol). */
    private Runnable chooseClass() {
        return () -> {
            decoding.classChooser().requestFocus();
            decoding.classChooser().show();
        };
    }

    // ---- filter, find ------------------------------------------------------------------------

    void applyFilterText(String expr) {
        filterBar.setText(expr);
        try {
            applyFilter(Filter.parse(expr));
        } catch (org.nlwb.decoder.filter.FilterSyntaxException e) {
            tasks.setStatus("filter: " + e.getMessage());
        }
    }

    /**
     * Filters the current tab in the background; the rows found so far show while it runs, and a
     * filter applied meanwhile replaces it.
     */
    public void applyFilter(Filter f) {
        CaptureTab tab = currentTab();
        if (tab == null) {
            return;
        }
        MessageRef selected = tab.table().selectedMessageProperty().get();
        int selectedIndex = selected == null ? -1 : selected.index();
        javafx.concurrent.Task<org.nlwb.app.ui.model.FilterRun.Found> task = tab.list().filterTask(f);
        tasks.run(task, kept -> {
            if (!tab.list().applyFilter(task, f, kept)) {
                return; // a newer filter replaced it
            }
            if (selectedIndex >= 0 && !tab.selectMessage(selectedIndex) && kept.count() > 0) {
                tab.table().selectRow(0);
            }
            statusLine.showCounts();
        });
    }

    /** Searches the shown messages after the selected one (wrapping) for the find text. */
    public void findNext() {
        findBar.findNext();
    }

    // ---- decoding ------------------------------------------------------------------------------

    /** Rebuilds the registry (specs re-read) and decodes every open tab again. */
    public void reloadSpecs() {
        decoding.reloadSpecs();
    }

    /**
     * Decodes with {@code reg} from now on and decodes every open tab again (FX thread): after
     * "Reload specs", or when the spec watcher saw a spec file change.
     */
    public void useRegistry(Registry reg) {
        decoding.useRegistry(reg);
    }

    // ---- export ------------------------------------------------------------------------------

    /** Which messages an export writes. */
    public enum Scope { ALL, SHOWN, SELECTED }

    /** Exports from the current tab in the background. */
    public void export(Scope scope, ExportFormat format, Path out) {
        exports.export(scope, format, out);
    }

    // ---- window ------------------------------------------------------------------------------

    void error(String what, Throwable e) {
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
