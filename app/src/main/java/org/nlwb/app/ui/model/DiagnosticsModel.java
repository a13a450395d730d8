package org.nlwb.app.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The expert-info pane: reader diagnostics, then every malformed and unknown node of every
 * message (found by a background scan; at most {@link #MAX_ISSUES}, the rest counted).
 *
 * <p>The scan ({@link #scanTask}) never holds up the window: it runs off the FX thread in chunks
 * ({@link DiagnosticsScan}), pauses while the window has foreground work, and hands what it found
 * to the list in batches as it goes; {@link #scanProgressProperty} says how far it got. A new scan
 * (specs reloaded, another class) cancels the one running and starts the list again.
 */
public final class DiagnosticsModel {
    public static final int MAX_ISSUES = 10_000;

    private final CaptureDocument document;
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens weakly and may be collected with its listeners. */
    private final ObservableList<Issue> readOnlyIssues = FXCollections.unmodifiableObservableList(issues);
    private final ReadOnlyDoubleWrapper scanProgress = new ReadOnlyDoubleWrapper(-1);
    private Task<DiagnosticsScan.Frame> scanning;

    public DiagnosticsModel(CaptureDocument document) {
        this.document = document;
    }

    public ObservableList<Issue> issues() {
        return readOnlyIssues;
    }

    /** How far the running scan got (0..1), or -1 when none runs. */
    public ReadOnlyDoubleProperty scanProgressProperty() {
        return scanProgress.getReadOnlyProperty();
    }

    /**
     * A scan of the document that fills the list as it goes (FX thread: starting it cancels a scan
     * still running and empties the list); {@link #finish} adds what only the end knows.
     *
     * @param pause while true, the scan waits between chunks (the window's foreground work runs)
     */
    public Task<DiagnosticsScan.Frame> scanTask(BooleanSupplier pause) {
        if (scanning != null) {
            scanning.cancel();
        }
        issues.clear();
        Task<DiagnosticsScan.Frame> t = new Task<>() {
            @Override
            protected DiagnosticsScan.Frame call() throws InterruptedException {
                updateTitle("Checking " + document.title());
                DiagnosticsScan scan = new DiagnosticsScan(document, this::isCancelled, pause);
                // at a nice value Linux heeds, on a thread of its own: the window goes first
                return LowPriority.call("nlwb-diagnostics", () -> scan.run(tick -> Platform.runLater(() -> {
                    if (scanning == this) {
                        if (!tick.found().isEmpty()) {
                            issues.addAll(tick.found());
                        }
                        scanProgress.set(progressOf(tick.looked()));
                    }
                })));
            }
        };
        scanning = t;
        scanProgress.set(0);
        t.setOnCancelled(e -> ended(t));
        t.setOnFailed(e -> ended(t));
        return t;
    }

    /** In whole percents: a tick that moved it less leaves the property (and the title bound to it) as it was. */
    private double progressOf(int looked) {
        int total = document.capture().opening() ? Math.max(looked, 1) * 2 : Math.max(1, document.messageCount());
        return Math.floor(Math.min(1, (double) looked / total) * 100) / 100;
    }

    private void ended(Task<?> t) {
        if (scanning == t) {
            scanning = null;
            scanProgress.set(-1);
        }
    }

    /** What {@code frame} adds around the batches already shown: the end of the scan {@code task} (FX thread). */
    public void finish(Task<DiagnosticsScan.Frame> task, DiagnosticsScan.Frame frame) {
        if (scanning != task || frame == null) {
            return;
        }
        scanning = null;
        scanProgress.set(-1);
        List<Issue> all = new ArrayList<>(frame.head().size() + issues.size() + frame.tail().size());
        all.addAll(frame.head());
        all.addAll(issues);
        all.addAll(frame.tail());
        issues.setAll(all);
    }

    /** Where the line saying how to get undecoded messages decoded stands (its location). */
    public static final String UNDECODED = "decoding";

    /**
     * A message nothing decoded past its header: no class took it (a file that does not say its
     * protocol, or a generic netlink family id the capture does not name). Control messages
     * (types below 16) are decoded without a class.
     */
    static boolean undecoded(DecodedMessage m) {
        return m.className() == null && m.ref().hasHeader() && m.ref().type() >= 16;
    }

    static Issue undecodedIssue(int undecoded, int count) {
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
    public void appended(List<MessageRef> added) {
        List<Issue> more = new ArrayList<>();
        for (MessageRef m : added) {
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

    /** Scans on the calling thread and shows the result at once (small captures, tests). */
    public void scanNow() {
        List<Issue> found = new ArrayList<>();
        try {
            DiagnosticsScan.Frame f = new DiagnosticsScan(document, () -> false, () -> false)
                    .run(tick -> found.addAll(tick.found()));
            List<Issue> all = new ArrayList<>(f.head());
            all.addAll(found);
            all.addAll(f.tail());
            show(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
