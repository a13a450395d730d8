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
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;

/**
 * One open capture: the message list over the selected message (tree beside hex) and, for a
 * reply, the request it answers (matched by nlmsg_seq) beside it; the diagnostics list below.
 * {@link #appendLive} lets a live source add messages while the tab is open.
 */
public final class CaptureTab extends Tab implements LiveTab {
    /** How far back a reply looks for its request. */
    private static final int MATCH_WINDOW = 100_000;

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

    public CaptureTab(CaptureDocument document, Supplier<Map<RowCategory, Color>> colours, Consumer<String> applyFilter,
                      Settings settings) {
        super(document.title());
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
        diagTitle.textProperty().bind(javafx.beans.binding.Bindings.size(diagnostics.issues())
                .asString("Diagnostics (%d)"));
        diagBox.setTop(diagTitle);
        vertical = new SplitPane(table, details, diagBox);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(settings.number("divider.list", 0.28), settings.number("divider.details", 0.86));
        main.split().setDividerPositions(settings.number("divider.tree", 0.56));
        vertical.getDividers().get(0).positionProperty().addListener((o, a, b) -> settings.setNumber("divider.list", b.doubleValue()));
        vertical.getDividers().get(1).positionProperty().addListener((o, a, b) -> settings.setNumber("divider.details", b.doubleValue()));
        main.split().getDividers().get(0).positionProperty().addListener((o, a, b) -> settings.setNumber("divider.tree", b.doubleValue()));
        setContent(vertical);

        table.getSelectionModel().selectedItemProperty().addListener((o, was, ref) -> show(ref));
        table.setContextMenu(messageMenu(applyFilter));
        showRelated.addListener((o, was, on) -> show(table.getSelectionModel().getSelectedItem()));
    }

    public CaptureDocument document() {
        return document;
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
    }

    /** Re-reads every visible row and the shown message (after the decoder changed). */
    public void redisplay() {
        table.refresh();
        show(table.getSelectionModel().getSelectedItem());
    }

    /** Selects message {@code index} if the filter shows it; returns whether it did. */
    public boolean selectMessage(int index) {
        int row = list.rowOf(index);
        if (row < 0) {
            return false;
        }
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /** Selects message {@code index} and the node named so at that place in it. */
    public boolean selectNode(int index, String name, int offset, int length) {
        if (!selectMessage(index)) {
            return false;
        }
        Node n = main.model().findNode(name, offset, length);
        if (n != null) {
            main.model().selectNode(n);
        }
        return n != null;
    }

    private void jump(Issue i) {
        if (i.hasNode()) {
            selectNode(i.messageIndex(), i.nodeName(), i.offset(), i.length());
        }
    }

    private void show(MessageRef ref) {
        if (ref == null) {
            main.model().show(null);
            main.setTitle("");
            details.getItems().setAll(main);
            return;
        }
        DecodedMessage m = document.decoded(ref.index());
        main.model().show(m);
        main.setTitle("Message " + (ref.index() + 1) + ": " + m.typeName() + "  (" + ref.length() + " bytes"
                + (m.className() != null ? ", class " + m.className() : "") + ")");
        int partner = showRelated.get() ? partnerOf(ref) : -1;
        if (partner < 0) {
            related.model().show(null);
            details.getItems().setAll(main);
            main.split().setOrientation(Orientation.HORIZONTAL);
            return;
        }
        DecodedMessage p = document.decoded(partner);
        related.model().show(p);
        boolean isRequest = p.ref().record().direction() == Direction.TO_KERNEL;
        related.setTitle((isRequest ? "Request" : "Answer") + " " + (partner + 1) + " (seq " + p.ref().seq() + "): "
                + p.typeName());
        if (details.getItems().size() != 2) {
            // Two messages side by side: each stacks its tree over its hex so all 16 columns fit.
            main.split().setOrientation(Orientation.VERTICAL);
            related.split().setOrientation(Orientation.VERTICAL);
            details.getItems().setAll(main, related);
            details.setDividerPositions(0.5);
        }
    }

    /**
     * The other half of a request/answer pair, by nlmsg_seq: for a reply, the latest earlier request
     * with its seq; for a request, the first answer with its seq (a reply, or the ACK / error).
     * -1 when none.
     */
    int partnerOf(MessageRef ref) {
        if (!ref.hasHeader() || ref.seq() == 0 && ref.portId() == 0 && ref.record().direction() == Direction.FROM_KERNEL) {
            return -1;
        }
        long seq = ref.seq();
        Direction d = ref.record().direction();
        if (d == Direction.FROM_KERNEL) {
            for (int i = ref.index() - 1; i >= 0 && i >= ref.index() - MATCH_WINDOW; i--) {
                MessageRef r = document.message(i);
                if (r.record().direction() == Direction.TO_KERNEL && r.hasHeader() && r.seq() == seq) {
                    return i;
                }
            }
        } else if (d == Direction.TO_KERNEL) {
            int n = document.messageCount();
            for (int i = ref.index() + 1; i < n && i <= ref.index() + MATCH_WINDOW; i++) {
                MessageRef r = document.message(i);
                if (r.record().direction() == Direction.FROM_KERNEL && r.hasHeader() && r.seq() == seq) {
                    return i;
                }
                if (r.record().direction() == Direction.TO_KERNEL && r.hasHeader() && r.seq() == seq) {
                    break;
                }
            }
        }
        return -1;
    }
}
