package org.nlwb.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The expert-info pane: reader diagnostics, then every malformed and unknown node of every
 * message (found by a background scan; at most {@link #MAX_ISSUES}, the rest counted).
 */
public final class DiagnosticsModel {
    public static final int MAX_ISSUES = 10_000;

    private final CaptureDocument document;
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens weakly and may be collected with its listeners. */
    private final ObservableList<Issue> readOnlyIssues = FXCollections.unmodifiableObservableList(issues);

    public DiagnosticsModel(CaptureDocument document) {
        this.document = document;
    }

    public ObservableList<Issue> issues() {
        return readOnlyIssues;
    }

    /** Scans the document; {@link #show} applies the result. */
    public Task<List<Issue>> scanTask() {
        int count = document.messageCount();
        return new Task<>() {
            @Override
            protected List<Issue> call() {
                updateTitle("Checking " + document.title());
                List<Issue> out = new ArrayList<>();
                for (Diagnostic d : document.capture().diagnostics()) {
                    out.add(Issue.of(d));
                }
                int skipped = 0;
                int undecoded = 0;
                for (int i = 0; i < count && !isCancelled(); i++) {
                    org.nlwb.decoder.decode.DecodedMessage m = document.decodeUncached(i);
                    if (undecoded(m)) {
                        undecoded++;
                    }
                    for (Node n : problems(m.tree())) {
                        if (out.size() < MAX_ISSUES) {
                            out.add(Issue.of(i, n));
                        } else {
                            skipped++;
                        }
                    }
                    if ((i & 255) == 0) {
                        updateProgress(i, count);
                    }
                }
                if (skipped > 0) {
                    out.add(new Issue(Diagnostic.Severity.INFO, -1, null, 0, 0, document.title(),
                            skipped + " more malformed or unknown items not listed"));
                }
                if (undecoded > 0) {
                    out.add(0, undecodedIssue(undecoded, count));
                }
                return out;
            }
        };
    }

    /** Where the line saying how to get undecoded messages decoded stands (its location). */
    public static final String UNDECODED = "decoding";

    /**
     * A message nothing decoded past its header: no class took it (a file that does not say its
     * protocol, or a generic netlink family id the capture does not name). Control messages
     * (types below 16) are decoded without a class.
     */
    static boolean undecoded(org.nlwb.decoder.decode.DecodedMessage m) {
        return m.className() == null && m.ref().hasHeader() && m.ref().type() >= 16;
    }

    private static Issue undecodedIssue(int undecoded, int count) {
        return new Issue(Diagnostic.Severity.WARNING, -1, null, 0, 0, UNDECODED, undecoded + " of " + count
                + " messages not decoded: the file does not say which netlink protocol or generic netlink family"
                + " they are. Choose their message class (Class in the tool bar, e.g. nl80211 or rt-link), or"
                + " decode with nlwb decode --class NAME or --protocol PROTO");
    }

    /** The line of the last scan that says how to get undecoded messages decoded, or null when all were decoded. */
    public Issue undecodedHint() {
        for (Issue i : issues) {
            if (UNDECODED.equals(i.location()) && !i.hasNode()) {
                return i;
            }
        }
        return null;
    }

    /** The malformed / unknown / trailing nodes of a tree worth a line each. */
    static List<Node> problems(Node tree) {
        List<Node> bad = new ArrayList<>();
        tree.walk(n -> {
            // A node that is only unknown because of an unknown child is said once, at the child.
            if (isBad(n) && (n.note() != null || n.children().stream().noneMatch(DiagnosticsModel::isBad))) {
                bad.add(n);
            }
        });
        return bad;
    }

    /** Live capture: the problems of messages just appended (FX thread; they are decoded for the list anyway). */
    public void appended(List<org.nlwb.decoder.model.MessageRef> added) {
        List<Issue> more = new ArrayList<>();
        for (org.nlwb.decoder.model.MessageRef m : added) {
            for (Node n : problems(document.decoded(m.index()).tree())) {
                if (issues.size() + more.size() < MAX_ISSUES) {
                    more.add(Issue.of(m.index(), n));
                }
            }
        }
        issues.addAll(more);
    }

    private static boolean isBad(Node n) {
        return n.status() == Status.MALFORMED || n.status() == Status.UNKNOWN || n.status() == Status.TRAILING;
    }

    public void show(List<Issue> found) {
        issues.setAll(found);
    }

    public void scanNow() {
        Task<List<Issue>> t = scanTask();
        t.run();
        try {
            show(t.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
