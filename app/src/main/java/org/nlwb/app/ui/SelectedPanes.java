package org.nlwb.app.ui;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.PartnerSearch;
import org.nlwb.app.ui.model.SelectionLoader;
import org.nlwb.app.ui.view.MessagePane;
import org.nlwb.app.ui.view.PreparedTree;
import org.nlwb.app.ui.view.TypeLabel;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;

/**
 * A capture tab's message panes: the selected message and, for a reply, the request it answers
 * (or for a request its answer) beside it. The FX thread never decodes here: a selection's
 * message, its partner (looked for {@link PartnerSearch#NEAR} messages away, farther as a
 * follow-up) and their tree items are made on a worker ({@link SelectionLoader}), and the panes
 * take them when they come, if that message is still the one selected. Until then the panes show
 * the message selected before.
 */
final class SelectedPanes {
    private final CaptureDocument document;
    private final MessagePane main;
    private final MessagePane related;
    private final SplitPane details;
    private final BooleanSupplier showRelated;
    private final IntSupplier known;
    private final StartupSteps steps;
    private final PartnerSearch partners;
    private final SelectionLoader loader = new SelectionLoader(Platform::runLater);
    private SelectionLoader.Ticket ticket;
    /** A node to select once the message it belongs to is shown (find, a diagnostic's jump). */
    private NodeWanted wanted;

    /** What the panes show for one selection, made on the worker. */
    private record Prepared(PreparedTree main, int partner, PreparedTree partnerTree) {
    }

    /** Node {@code name} at {@code offset}, {@code length} bytes, of message {@code index}. */
    private record NodeWanted(int index, String name, int offset, int length) {
    }

    /**
     * @param showRelated whether the partner is looked for and shown
     * @param known       the messages indexed so far (FX thread): a partner search never waits for more
     */
    SelectedPanes(CaptureDocument document, MessagePane main, MessagePane related, SplitPane details,
                  BooleanSupplier showRelated, IntSupplier known, StartupSteps steps) {
        this.document = document;
        this.main = main;
        this.related = related;
        this.details = details;
        this.showRelated = showRelated;
        this.known = known;
        this.steps = steps;
        this.partners = new PartnerSearch(document);
    }

    /** Shows {@code ref} (null: nothing) once its panes are made (FX thread). */
    void show(MessageRef ref) {
        if (ref == null) {
            loader.clear();
            ticket = null;
            main.show(null);
            main.setTitle("");
            related.show(null);
            alone();
            return;
        }
        boolean withPartner = showRelated.getAsBoolean();
        int count = known.getAsInt();
        ticket = loader.load(() -> prepare(ref, withPartner, count), this::apply);
    }

    /** Selects node {@code name} at that place in message {@code index} once that message is shown (FX thread). */
    void selectNodeWhenShown(int index, String name, int offset, int length) {
        wanted = new NodeWanted(index, name, offset, length);
        DecodedMessage m = main.model().message();
        if (m != null && m.ref().index() == index && loader.idle()) {
            selectWanted(m);
        }
    }

    /** Whether nothing for the panes is on its way (tests wait for this). */
    boolean settled() {
        return loader.idle();
    }

    /** Worker: the message, its near partner and their items. */
    private Prepared prepare(MessageRef ref, boolean withPartner, int count) {
        PreparedTree tree = PreparedTree.of(document.decoded(ref.index()));
        int partner = withPartner ? partners.search(ref, count, 1, PartnerSearch.NEAR) : -1;
        return new Prepared(tree, partner, partner >= 0 ? PreparedTree.of(document.decoded(partner)) : null);
    }

    private void apply(Prepared p) {
        DecodedMessage m = p.main().message();
        main.show(p.main());
        steps.mark("tab: first message shown (tree, hex)");
        main.setTitle("Message #" + m.ref().index() + ": " + TypeLabel.of(m) + "  (" + m.ref().length() + " bytes"
                + (m.className() != null ? ", class " + m.className() : "") + ")");
        if (p.partnerTree() != null) {
            showPartner(m, p.partnerTree());
        } else {
            related.show(null);
            alone();
            if (p.partner() == PartnerSearch.FARTHER) {
                lookFarther(m);
            }
        }
        if (wanted != null && wanted.index() == m.ref().index()) {
            selectWanted(m);
        }
    }

    private void selectWanted(DecodedMessage m) {
        NodeWanted w = wanted;
        wanted = null;
        Node n = main.model().findNode(w.name(), w.offset(), w.length());
        if (n != null && main.model().message() == m) {
            main.model().selectNode(n);
        }
    }

    /** The partner farther than {@link PartnerSearch#NEAR}, looked for on the slow worker. */
    private void lookFarther(DecodedMessage m) {
        int count = known.getAsInt();
        ticket.then(() -> {
            int far = partners.search(m.ref(), count, PartnerSearch.NEAR + 1, PartnerSearch.MATCH_WINDOW);
            return far < 0 ? null : PreparedTree.of(document.decoded(far));
        }, far -> {
            if (far != null && showRelated.getAsBoolean() && main.model().message() == m) {
                showPartner(m, far);
            }
        });
    }

    /** The main pane alone, its tree beside its hex; the split is changed only when it is not so already. */
    private void alone() {
        if (details.getItems().size() != 1 || details.getItems().get(0) != main) {
            details.getItems().setAll(main); // a split's items set again lays the whole split out again
        }
        main.split().setOrientation(Orientation.HORIZONTAL);
    }

    /** Shows {@code partner} beside the shown {@code m}, as its request or answer. */
    private void showPartner(DecodedMessage m, PreparedTree partner) {
        DecodedMessage p = partner.message();
        related.show(partner);
        boolean isRequest = p.ref().record().direction() == Direction.TO_KERNEL;
        related.setTitle((isRequest ? "Request" : "Answer") + " #" + p.ref().index() + " (seq " + p.ref().seq() + "): "
                + TypeLabel.of(p));
        if (isRequest) {
            Node target = ExtAckMarks.mark(related, p, main, m);
            if (target != null) {
                related.model().selectNode(target);
            }
        } else {
            ExtAckMarks.mark(main, m, related, p);
        }
        if (details.getItems().size() != 2) {
            // Two messages side by side: each stacks its tree over its hex so all 16 columns fit.
            main.split().setOrientation(Orientation.VERTICAL);
            related.split().setOrientation(Orientation.VERTICAL);
            details.getItems().setAll(main, related);
            details.setDividerPositions(0.5);
        }
    }
}
