package org.nlwb.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.policy.PolicyCheck;
import org.nlwb.decoder.policy.PolicyChecker;
import org.nlwb.decoder.policy.PolicyProblem;
import org.nlwb.decoder.policy.SpecChecker;
import org.nlwb.decoder.ynl.Family;

/**
 * The composer's Check: each composed message against the running kernel's policy of its family
 * (or the spec's checks where the kernel reports none), before anything is sent. The indicator
 * beside the button says how it went; each attribute row a problem names gets a red mark and the
 * problem as its tooltip ({@code compose-policy-problem}). Once a family's policy is in, every
 * edit re-checks at once; until then an edit clears the marks. "Policy…" shows the policy itself
 * ({@link PolicyDialog}).
 */
public final class PolicyCheckAction {
    static final String MARK = "compose-policy-problem";

    private final ComposerTab tab;
    private final Supplier<List<Node>> editors;
    private final PolicySource source = new PolicySource();
    private final Button check = new Button("Check");
    private final Button show = new Button("Policy…");
    private final Label indicator = new Label();
    private final java.util.Map<Node, Tooltip> marked = new java.util.LinkedHashMap<>();
    private List<PolicyCheck> results;

    /** @param editors the tab's message editors, in message order */
    PolicyCheckAction(ComposerTab tab, Supplier<List<Node>> editors) {
        this.tab = tab;
        this.editors = editors;
        check.setId("compose-check");
        check.setTooltip(new Tooltip("Check the request against the running kernel's attribute policy (read-only)"));
        check.setOnAction(e -> check());
        show.setId("compose-policy");
        show.setTooltip(new Tooltip("Show the kernel's policy of this operation, and how the spec differs"));
        show.setOnAction(e -> new PolicyDialog(tab, source).open());
        indicator.setId("compose-check-result");
        tab.composition().addListener(this::refresh);
    }

    /** The button, the policy view's button and the indicator, for the tab's bottom bar. */
    Node node() {
        HBox box = new HBox(4, check, show, indicator);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** The last check's results, one per message (null before the first check and after an edit clears it). */
    public List<PolicyCheck> results() {
        return results;
    }

    public Label indicator() {
        return indicator;
    }

    /** Fetches what policies are missing in the background, then checks and marks. */
    public void check() {
        List<Family> families;
        try {
            families = families();
        } catch (EncodeException e) {
            show(null, "Cannot check: " + e.getMessage());
            return;
        }
        Task<Void> fetch = new Task<>() {
            @Override
            protected Void call() {
                updateTitle("Reading the kernel's policy of " + families.get(0).name());
                families.stream().filter(f -> f.schema().isGeneric()).forEach(f -> source.fetch(f.name(), tab.host().registry()));
                return null;
            }
        };
        check.setDisable(true);
        indicator.setText("checking…");
        tab.host().run(fetch, v -> {
            check.setDisable(false);
            recheck();
        }, e -> {
            check.setDisable(false);
            show(null, "Cannot check: " + (e == null ? "failed" : e.getMessage()));
        });
    }

    /**
     * After an edit or a rebuild of the rows: re-checks at once when every family's policy is in,
     * else clears the marks (they may name what is no longer there).
     */
    void refresh() {
        try {
            if (results != null && families().stream().allMatch(f -> !f.schema().isGeneric()
                    || source.known(f.name()).isPresent())) {
                recheck();
                return;
            }
        } catch (EncodeException e) {
            // an edit in progress the encoder refuses: the composer's own problem line says so
        }
        clearMarks();
        results = null;
        indicator.setText("");
    }

    private List<Family> families() throws EncodeException {
        List<Family> out = new ArrayList<>();
        MessageEncoder encoder = tab.encoder();
        if (tab.composition().isRaw()) {
            out.add(tab.composition().family(encoder));
        } else {
            for (ComposedMessage m : tab.composition().messages()) {
                out.add(encoder.family(m.family()));
            }
        }
        return out;
    }

    /** Checks with what is known now, on the FX thread. */
    private void recheck() {
        List<PolicyCheck> out = new ArrayList<>();
        try {
            List<Family> families = families();
            List<byte[]> messages = tab.composition().isRaw() ? List.of(tab.composition().raw())
                    : tab.composition().encode(tab.encoder(), n -> ComposedMessage.PLACEHOLDER_GENL_ID);
            for (int i = 0; i < families.size() && i < messages.size(); i++) {
                out.add(check(families.get(i), messages.get(i)));
            }
        } catch (EncodeException e) {
            show(null, "Cannot check: " + e.getMessage());
            return;
        }
        show(out, null);
    }

    private PolicyCheck check(Family f, byte[] message) {
        if (!f.schema().isGeneric()) {
            return new SpecChecker(f, f.name() + " is not generic netlink: the kernel has no policy dump for it").check(message);
        }
        PolicySource.Result r = source.known(f.name()).orElse(new PolicySource.Result(null, "not fetched"));
        return r.policy() != null ? new PolicyChecker(r.policy(), f).check(message)
                : new SpecChecker(f, r.failure()).check(message);
    }

    private void show(List<PolicyCheck> checks, String failure) {
        clearMarks();
        results = checks;
        indicator.getStyleClass().removeAll("compose-ok", "compose-error");
        if (checks == null) {
            indicator.setText(failure);
            indicator.getStyleClass().add("compose-error");
            return;
        }
        List<String> lines = new ArrayList<>();
        int problems = 0;
        for (int i = 0; i < checks.size(); i++) {
            PolicyCheck c = checks.get(i);
            lines.add((checks.size() > 1 ? "Message " + (i + 1) + ": " : "") + c.basis());
            for (PolicyProblem p : c.problems()) {
                lines.add("  " + p.text());
                mark(i, p);
                problems++;
            }
        }
        boolean kernel = checks.stream().allMatch(PolicyCheck::kernel);
        PolicyProblem first = checks.stream().flatMap(c -> c.problems().stream()).findFirst().orElse(null);
        indicator.setText(first == null ? "✓ " + (kernel ? "within the kernel's policy" : "within the spec's checks")
                : "✗ " + problems + (problems == 1 ? " policy problem: " : " policy problems, first: ") + first.text());
        indicator.getStyleClass().add(problems == 0 ? "compose-ok" : "compose-error");
        indicator.setTooltip(new Tooltip(String.join("\n", lines)));
    }

    /** Marks the row of {@code p}'s attribute in message {@code index} (or its nearest enclosing row). */
    private void mark(int index, PolicyProblem p) {
        List<Node> eds = editors.get();
        if (index >= eds.size() || p.specPath().isEmpty()) {
            return;
        }
        String path = p.specPath();
        while (!path.isEmpty()) {
            String id = "attr-" + path;
            Node row = eds.get(index).lookupAll(".compose-attr").stream().filter(n -> id.equals(n.getId()))
                    .findFirst().orElse(null);
            if (row != null) {
                if (!marked.containsKey(row)) {
                    row.getStyleClass().add(MARK);
                    Tooltip tip = new Tooltip(p.text());
                    Tooltip.install(row, tip);
                    marked.put(row, tip);
                }
                return;
            }
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
        }
    }

    private void clearMarks() {
        marked.forEach((n, tip) -> {
            n.getStyleClass().remove(MARK);
            Tooltip.uninstall(n, tip);
        });
        marked.clear();
    }
}
