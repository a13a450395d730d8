package org.nlwb.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TabPane;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecMessageClass;
import org.nlwb.decoder.ynl.Family;

/**
 * Opens composer tabs in a window's tab pane — new, from a template, "Edit and resend" and
 * "Replay" of a captured message — and closes every tab's send session when the window goes.
 * One per window; the spec catalog is read on first use and again after the specs are reloaded.
 */
public final class Composers {
    private final ComposerHost host;
    private final TabPane tabs;
    private final Supplier<SpecCatalog> catalogs;
    private final List<ComposerTab> open = new ArrayList<>();
    private SpecCatalog catalog;
    private Registry catalogFor;

    public Composers(ComposerHost host, TabPane tabs, Supplier<SpecCatalog> catalogs) {
        this.host = host;
        this.tabs = tabs;
        this.catalogs = catalogs;
    }

    /** The spec families, read again when the window's registry changed (specs reloaded) since. */
    public SpecCatalog catalog() {
        Registry now = host.registry();
        if (catalog == null || catalogFor != now) {
            catalog = catalogs.get();
            catalogFor = now;
        }
        return catalog;
    }

    /** The family whose spec decoded {@code m} (the registry's own, else the catalog's by name), or null. */
    private Family decodingFamily(DecodedMessage m, Registry decodedWith) {
        if (m.className() == null) {
            return null;
        }
        if (decodedWith.byName(m.className()).orElse(null) instanceof SpecMessageClass s) {
            return s.family();
        }
        return catalog().family(m.className()).orElse(null);
    }

    /** Compose ▸ New Message: a composer on the first template (a link get), to change at will. */
    public ComposerTab openNew() {
        return open("Compose", Templates.named("Get a link by name").messages());
    }

    public ComposerTab openTemplate(Templates.Template t) {
        return open("Compose: " + t.name(), t.messages());
    }

    /**
     * "Edit and resend": the captured request described by spec names, in the typed editors.
     * The description reads the tree with the very family that decoded it ({@code decodedWith}'s):
     * another version of the spec (another spec path, specs reloaded since) names or sizes its
     * struct members differently, and the tree would not fit it.
     */
    public ComposerTab editAndResend(DecodedMessage m, Registry decodedWith) throws EncodeException {
        Family f = decodingFamily(m, decodedWith);
        if (f == null) {
            throw new EncodeException("message", "'" + m.typeName() + "' is of no spec family; use Replay to send its bytes");
        }
        return open("Edit: " + m.typeName(), List.of(CapturedRequests.forEdit(f, m)));
    }

    /**
     * "Replay": message {@code index} of {@code capture} as its bytes, seq and pid fixed up on
     * sending, a generic netlink family's id looked up again on the target. Its description by
     * spec names ({@link RequestReplay}), when it has one, is what "Raw hex" off shows; a request
     * the describer cannot take (or of no spec family) is still replayed byte for byte.
     */
    public ComposerTab replay(DecodedCapture capture, int index) throws EncodeException {
        CapturedRequests.Replay r = CapturedRequests.forReplay(capture, index, catalog());
        Request described = r.described() != null ? r.described() : Templates.named("Get a link by name").messages().get(0);
        ComposerTab t = open("Replay: #" + (index + 1) + " " + capture.decoded(index).typeName(), List.of(described));
        t.loadRaw(r.protocol(), r.family(), r.bytes());
        if (r.note() != null) {
            host.status("Replay: " + r.note());
        }
        return t;
    }

    private ComposerTab open(String title, List<Request> requests) {
        ComposerTab t = new ComposerTab(title, host, catalog(), requests);
        open.add(t);
        t.setOnClosed(e -> {
            t.sessions().close();
            open.remove(t);
        });
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
        return t;
    }

    /** Every composer's session closed (the window is going). */
    public void closeAll() {
        List.copyOf(open).forEach(t -> t.sessions().close());
    }
}
