package org.nlwb.app.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.capture.LiveTab;
import org.nlwb.app.ui.export.NodeFormats;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.DiagnosticsModel;
import org.nlwb.app.ui.model.Issue;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.app.ui.view.DiagnosticsView;
import org.nlwb.app.ui.view.MessagePane;
import org.nlwb.app.ui.view.MessageTable;
import org.nlwb.app.ui.view.RowCategory;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.MessageRef;

/**
 * One open capture: the message list over the selected message (tree beside hex) and, for a
 * reply, the request it answers (matched by nlmsg_seq) beside it; the diagnostics list below.
 * {@link #appendLive} lets a live source add messages while the tab is open.
 */
public final class CaptureTab extends Tab implements LiveTab {
    private final CaptureDocument document;
    private final MessageListModel list;
    private final DiagnosticsModel diagnostics;
    private final MessageTable table;
    private final MessagePane main;
    private final MessagePane related;
    private final SplitPane details;
    private final SplitPane vertical;
    private final DiagnosticsView diagnosticsView;
    private final BooleanProperty showRelated = new SimpleBooleanProperty(true);
    private final DecodeHint decodeHint = new DecodeHint();
    private final SelectedPanes panes;
    /** The diagnostics are shrunk to their title (there were none). */
    private boolean diagnosticsFolded;
    /** The divider positions asked for (defaults, remembered or dragged), which the panes go back to. */
    private double[] wanted;
    /** The list's share of the height by default: 15 rows and more at 1400×900, 10 at 1024×700. */
    static final double DEFAULT_LIST = 0.47;
    /** Where the diagnostics start by default: a title and two lines at 1400×900. */
    static final double DEFAULT_DETAILS = 0.9;

    /** The window's start-up steps: the first rows and the first message shown are marked there. */
    private final StartupSteps steps;
    /** Set once the table has laid out rows (read by background work waiting for that). */
    private volatile boolean firstRowsDrawn;
    /** What waits for the first rows drawn (FX thread). */
    private final List<Runnable> afterFirstRows = new java.util.ArrayList<>();
    /** When a person last pressed a button or key or scrolled in the tab (nanoTime). */
    private volatile long lastInput = System.nanoTime() - IN_USE_NANOS;
    /** How long after an input the tab counts as in use. */
    private static final long IN_USE_NANOS = 300_000_000L;

    public CaptureTab(CaptureDocument document, Supplier<Map<RowCategory, Color>> colours, Consumer<String> applyFilter,
                      Settings settings) {
        this(document, colours, applyFilter, settings, StartupSteps.quiet());
    }

    public CaptureTab(CaptureDocument document, Supplier<Map<RowCategory, Color>> colours, Consumer<String> applyFilter,
                      Settings settings, StartupSteps steps) {
        super(document.title());
        this.steps = steps;
        this.document = document;
        setTooltip(new Tooltip(document.capture().source() + " (" + document.capture().format() + ")"));
        list = new MessageListModel(document);
        diagnostics = new DiagnosticsModel(document);
        table = new MessageTable(list, colours);
        main = new MessagePane(applyFilter);
        related = new MessagePane(null);
        related.getStyleClass().add("related-pane");
        details = new SplitPane(main);
        details.setOrientation(Orientation.HORIZONTAL);
        diagnosticsView = new DiagnosticsView(diagnostics, this::jump);
        BorderPane diagBox = new BorderPane(diagnosticsView);
        Label diagTitle = new Label();
        diagTitle.getStyleClass().add("pane-title");
        diagTitle.setMaxWidth(Double.MAX_VALUE);
        diagTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            double p = diagnostics.scanProgressProperty().get();
            return "Diagnostics (" + diagnostics.issues().size() + ")"
                    + (p < 0 ? "" : String.format(" · checking messages, %.0f%%", p * 100));
        }, diagnostics.issues(), diagnostics.scanProgressProperty()));
        diagBox.setTop(diagTitle);
        vertical = new SplitPane(table.view(), details, diagBox);
        vertical.setOrientation(Orientation.VERTICAL);
        layOut(settings);
        decodeHint.getStyleClass().add("info-bar");
        decodeHint.setVisible(false);
        decodeHint.managedProperty().bind(decodeHint.visibleProperty());
        BorderPane content = new BorderPane(vertical);
        javafx.event.EventHandler<javafx.event.Event> input = e -> lastInput = System.nanoTime();
        content.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, input);
        content.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, input);
        content.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, input);
        content.setTop(decodeHint);
        setContent(content);

        panes = new SelectedPanes(document, main, related, details, showRelated::get, list.totalProperty()::get, steps);
        table.selectedMessageProperty().addListener((o, was, ref) -> panes.show(ref));
        KeptSelection.keep(table, list);
        if (!list.completeProperty().get()) {
            selectFirstRowsWhenTheyCome();
        }
        table.setContextMenu(messageMenu(applyFilter));
        FirstRowsWatch.watch(table, () -> {
            firstRowsDrawn = true;
            afterFirstRows.forEach(Runnable::run);
            afterFirstRows.clear();
            steps.mark("tab: first rows laid out");
            steps.printThreadCpu(8);
        });
        showRelated.addListener((o, was, on) -> panes.show(table.selectedMessageProperty().get()));
    }

    /**
     * The panes' proportions: remembered ones, or defaults fitted to the height once it is known
     * ({@link #defaultListShare}). Remembered only when a person lets go of a divider: a divider a
     * small window pushed (the panes' minimum sizes) is not kept, so a resize round trip gives the
     * same panes back (every pane keeps its share: a pane kept at its pixel height would keep the
     * height of the window's first, tiny layout). The diagnostics shrink to their title while
     * there are none.
     */
    private void layOut(Settings settings) {
        table.setMinHeight(MessageTable.ROW_HEIGHT * 4 + 30);
        diagnosticsView.setMinHeight(0);
        double list = settings.number("pane.list", Double.NaN);
        double details = settings.number("pane.details", DEFAULT_DETAILS);
        wanted = new double[] {Double.isNaN(list) ? DEFAULT_LIST : list, details};
        vertical.setDividerPositions(wanted);
        boolean[] first = {Double.isNaN(list)};
        // A short window pushes the dividers (minimum sizes); a taller one gets the wanted panes back.
        // Applied after the layout pass that changed the height (a split pane laid out anew
        // while it lays out loses positions); heights below a real window's are passing layouts.
        vertical.heightProperty().addListener((o, was, h) -> {
            if (h.doubleValue() < MIN_REAL_HEIGHT) {
                return;
            }
            if (first[0]) {
                first[0] = false;
                wanted[0] = defaultListShare(h.doubleValue());
            }
            javafx.application.Platform.runLater(() -> {
                vertical.setDividerPositions(wanted);
                fitDiagnostics(details);
            });
        });
        diagnostics.issues().addListener((javafx.beans.InvalidationListener) o -> fitDiagnostics(details));
        main.split().setDividerPositions(settings.number("pane.tree", 0.56));
        vertical.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            wanted = vertical.getDividerPositions();
            settings.setNumber("pane.list", wanted[0]);
            if (!diagnosticsFolded) {
                settings.setNumber("pane.details", wanted[1]);
            }
        });
        main.split().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (main.split().getOrientation() == Orientation.HORIZONTAL) {
                settings.setNumber("pane.tree", main.split().getDividerPositions()[0]);
            }
        });
    }

    /**
     * The list's share of a split {@code height} pixels high: room for 15 rows where the window
     * is tall enough for that and the message panes (1400×900: 0.47), at least 42% on a taller
     * one, 40% on a short one (1024×700), where the tree and hex need the rest.
     */
    static double defaultListShare(double height) {
        double fifteenRows = MessageTable.ROW_HEIGHT * 15 + 45;
        return height >= 740 ? Math.max(0.42, Math.min(0.5, fifteenRows / height)) : 0.4;
    }

    /** Diagnostics shrink to their title line while there are none, and come back to {@code share} with the first. */
    private void fitDiagnostics(double share) {
        double h = vertical.getHeight();
        if (h < MIN_REAL_HEIGHT) {
            return;
        }
        double titleOnly = 1 - DIAGNOSTICS_TITLE / h;
        if (diagnostics.issues().isEmpty()) {
            wanted[1] = titleOnly;
            diagnosticsFolded = true;
        } else if (diagnosticsFolded) {
            wanted[1] = Math.min(share, titleOnly);
            diagnosticsFolded = false;
        }
        vertical.setDividerPosition(1, wanted[1]);
    }

    /** A split lower than this is a passing layout, not a window's: its proportions would be nonsense. */
    private static final double MIN_REAL_HEIGHT = 150;

    /** The diagnostics' title line, in pixels. */
    private static final double DIAGNOSTICS_TITLE = 27;

    /**
     * A file still being indexed opens with no rows: the first ones that come (those decoded
     * ahead, {@link org.nlwb.app.ui.model.FirstRowsWarmup}) size the columns and, when nothing is
     * selected yet, the first is selected.
     */
    private void selectFirstRowsWhenTheyCome() {
        javafx.beans.value.ChangeListener<Number> first = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.intValue() == 0) {
                    return;
                }
                list.shownCountProperty().removeListener(this);
                // after the list change has reached the table: a row selected while the table has not
                // seen the rows come would be moved by their arrival
                javafx.application.Platform.runLater(() -> {
                    table.fitColumns(org.nlwb.app.ui.model.FirstRowsWarmup.ROWS);
                    steps.mark("tab: columns sized to the first rows");
                    if (table.selectedRow() < 0 && table.rowCount() > 0) {
                        table.selectRow(0);
                    }
                });
            }
        };
        list.shownCountProperty().addListener(first);
    }

    /** Sizes the list's and the trees' columns to what they show (View ▸ Size Columns to Content). */
    public void fitColumns() {
        table.fitColumns();
        main.tree().fitColumns();
        related.tree().fitColumns();
    }

    /**
     * Shows, above the list, what the last diagnostics scan says about messages nothing decoded,
     * with a button that opens the message-class chooser ({@code chooseClass}); hides it when all
     * were decoded.
     */
    void showDecodeHint(Runnable chooseClass) {
        decodeHint.show(diagnostics.undecodedHint(), chooseClass);
    }

    DecodeHint decodeHint() {
        return decodeHint;
    }

    public CaptureDocument document() {
        return document;
    }

    /**
     * Whether the table has laid out its first rows (any thread): background work (the diagnostics
     * scan) waits for that, so it does not take the processor from the first rows.
     */
    public boolean firstRowsDrawn() {
        return firstRowsDrawn;
    }

    /** Runs {@code r} once the table has laid out its first rows, or now if it has (FX thread). */
    public void afterFirstRows(Runnable r) {
        if (firstRowsDrawn) {
            r.run();
        } else {
            afterFirstRows.add(r);
        }
    }

    /**
     * Whether a person is using the tab (any thread): an input in the last 300 ms, or what their
     * selection or scrolling asked for still on its way. Background work (the diagnostics scan)
     * waits meanwhile, so it neither takes the processor nor makes the collector's garbage then.
     */
    public boolean inUse() {
        return System.nanoTime() - lastInput < IN_USE_NANOS || !panes.settled() || table.rowDecodes().pending();
    }

    @Override
    public MessageListModel list() {
        return list;
    }

    @Override
    public DiagnosticsModel diagnostics() {
        return diagnostics;
    }

    @Override
    public MessageTable table() {
        return table;
    }

    public MessagePane main() {
        return main;
    }

    public MessagePane related() {
        return related;
    }

    public DiagnosticsView diagnosticsView() {
        return diagnosticsView;
    }

    public SplitPane vertical() {
        return vertical;
    }

    public BooleanProperty showRelatedProperty() {
        return showRelated;
    }

    private ContextMenu messageMenu(Consumer<String> applyFilter) {
        MenuItem summary = new MenuItem("Copy summary");
        summary.setOnAction(e -> withMessage(m -> copy(m.summary())));
        MenuItem hex = new MenuItem("Copy as hex");
        hex.setOnAction(e -> withMessage(m -> copy(NodeFormats.hex(m.ref().bytes(), m.tree()))));
        MenuItem c = new MenuItem("Copy as C array");
        c.setOnAction(e -> withMessage(m -> copy(NodeFormats.cArray(m.ref().bytes(), m.tree()))));
        MenuItem json = new MenuItem("Copy as JSON");
        json.setOnAction(e -> withMessage(m -> copy(NodeFormats.json(m.tree()))));
        MenuItem sameType = new MenuItem("Filter on this type");
        sameType.setOnAction(e -> withMessage(m -> applyFilter.accept("type == " + m.typeName())));
        MenuItem sameSeq = new MenuItem("Filter on this seq (request and answers)");
        sameSeq.setOnAction(e -> withMessage(m -> {
            if (m.ref().hasHeader()) {
                applyFilter.accept("seq == " + m.ref().seq());
            }
        }));
        return new ContextMenu(summary, hex, c, json, new SeparatorMenuItem(), sameType, sameSeq);
    }

    private void withMessage(Consumer<DecodedMessage> action) {
        DecodedMessage m = main.model().message();
        if (m != null) {
            action.accept(m);
        }
    }

    private static void copy(String s) {
        ClipboardContent content = new ClipboardContent();
        content.putString(s);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Live capture: messages just appended to this tab's capture (FX thread). */
    @Override
    public void appendLive(List<MessageRef> added) {
        list.appended(added);
        diagnostics.appended(added);
        table.growColumns(added);
    }

    /** Re-reads every visible row and the shown message (after the decoder changed). */
    public void redisplay() {
        table.refresh();
        panes.show(table.selectedMessageProperty().get());
    }

    /** Selects message {@code index} if the filter shows it; returns whether it did. */
    public boolean selectMessage(int index) {
        int row = list.rowOf(index);
        if (row < 0) {
            return false;
        }
        table.selectRow(row);
        table.scrollToRow(Math.max(0, row - 3));
        return true;
    }

    /**
     * Selects message {@code index} and, once its panes are made, the node named so at that place
     * in it; returns whether the message was selected (the filter shows it).
     */
    public boolean selectNode(int index, String name, int offset, int length) {
        if (!selectMessage(index)) {
            return false;
        }
        panes.selectNodeWhenShown(index, name, offset, length);
        return true;
    }

    /**
     * Whether the panes show what is selected and the rows drawn have their decoded messages: none
     * of those decodes or partner searches is still on its way (FX thread; tests wait for it).
     * The FX thread never decodes for them: the panes show the message selected before until the
     * new one's are made, a row its undecoded columns blank until its message comes.
     */
    public boolean panesSettled() {
        return panes.settled() && !table.rowDecodes().pending(); // both thread-safe
    }

    private void jump(Issue i) {
        if (i.hasNode()) {
            selectNode(i.messageIndex(), i.nodeName(), i.offset(), i.length());
        }
    }
}
