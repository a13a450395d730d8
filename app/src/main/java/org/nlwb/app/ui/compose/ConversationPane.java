package org.nlwb.app.ui.compose;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.app.ui.view.MessagePane;
import org.nlwb.app.ui.view.MessageTable;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.tree.Node;

/**
 * The last send's conversation in the window's own views: the message list (request, replies,
 * notifications, with times) over the selected message's tree and hex; the answer in words
 * above. On an error the request it answers is selected with the attribute NLMSGERR_ATTR_OFFS
 * points at selected in its tree and its bytes highlighted.
 */
public final class ConversationPane extends BorderPane {
    private final ComposerHost host;
    private final Label answer = new Label("Not sent yet");
    private final VBox details = new VBox(2);
    private final MessagePane pane = new MessagePane(null);
    private final BorderPane listHolder = new BorderPane();
    private final Button openAsTab = new Button("Open as capture tab");
    private CaptureDocument doc;
    private MessageTable table;
    private Answer last;

    ConversationPane(ComposerHost host) {
        this.host = host;
        getStyleClass().add("compose-conversation");
        answer.setId("compose-answer");
        answer.getStyleClass().add("compose-answer");
        details.setId("compose-details");
        openAsTab.setDisable(true);
        openAsTab.setOnAction(e -> {
            if (doc != null) {
                host.openCapture(doc.capture());
            }
        });
        SplitPane split = new SplitPane(listHolder, pane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        pane.split().setOrientation(Orientation.VERTICAL);
        HBox top = new HBox(10, answer, openAsTab);
        setTop(new VBox(4, top, details));
        setCenter(split);
    }

    public MessagePane messagePane() {
        return pane;
    }

    public MessageTable table() {
        return table;
    }

    public Answer answer() {
        return last;
    }

    public CaptureDocument document() {
        return doc;
    }

    /** Says in the answer area why nothing was sent; the last conversation stays below. */
    void notSent(String why) {
        answer.setText(why);
        answer.getStyleClass().removeAll("compose-ok", "compose-error");
        answer.getStyleClass().add("compose-error");
        details.getChildren().clear();
    }

    /** Shows a send's conversation and its answer; selects the offending attribute on an error. */
    void show(ComposerSend.Outcome outcome, Registry registry, SpecCatalog catalog) {
        doc = new CaptureDocument(outcome.capture(), null, null, registry, ConversationPolicy.captureOnly(), null);
        MessageListModel list = new MessageListModel(doc);
        table = new MessageTable(list, host::colours);
        table.setId("compose-conversation-table");
        table.selectedMessageProperty().addListener((o, was, ref) -> showMessage(ref));
        listHolder.setCenter(table.view());
        openAsTab.setDisable(false);
        last = Answer.of(doc.pipeline(), outcome.firstMessage(), outcome.result(), catalog);
        answer.setText("Kernel answered: " + last.summary());
        answer.getStyleClass().removeAll("compose-ok", "compose-error");
        answer.getStyleClass().add(last.errors() > 0 ? "compose-error" : "compose-ok");
        details.getChildren().setAll(last.details().stream().map(Label::new).toList());
        int select = last.requestIndex() >= 0 ? last.requestIndex() : outcome.firstMessage();
        if (select < doc.messageCount() && list.rowOf(select) >= 0) {
            table.selectRow(list.rowOf(select));
        }
        pointAtOffender();
    }

    private void showMessage(MessageRef ref) {
        if (ref == null) {
            pane.model().show(null);
            pane.setTitle("");
            return;
        }
        DecodedMessage m = doc.decoded(ref.index());
        pane.model().show(m);
        pane.setTitle("Message " + (ref.index() + 1) + ": " + m.typeName() + " (" + ref.length() + " bytes)");
    }

    private void pointAtOffender() {
        if (last.explanation() == null || last.explanation().pointer() == null
                || !last.explanation().pointer().insideRequest()) {
            return;
        }
        Node n = last.explanation().pointer().node();
        Node shown = pane.model().findNode(n.name(), n.offset(), n.length());
        pane.model().selectNode(shown != null ? shown : n);
        pane.setTitle(pane.model().message().typeName() + ": the kernel points at "
                + last.explanation().pointer().dottedPath());
    }
}
