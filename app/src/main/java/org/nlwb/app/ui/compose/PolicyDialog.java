package org.nlwb.app.ui.compose;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.policy.PolicyRows;
import org.nlwb.decoder.policy.SpecComparison;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;

/**
 * The kernel's policy of the composed operation (its first message's), by attribute name, in a
 * window of its own: attribute (indented by nesting), kernel type, bounds, the spec's type; below,
 * where the spec and this kernel differ for it. Families without a policy dump say so.
 */
final class PolicyDialog {
    private final ComposerTab tab;
    private final PolicySource source;

    PolicyDialog(ComposerTab tab, PolicySource source) {
        this.tab = tab;
        this.source = source;
    }

    /** Fetches the policy if need be (in the background), then opens the window. */
    void open() {
        ComposedMessage m = tab.composition().first();
        Family f;
        OpSpec op;
        try {
            f = tab.encoder().family(m.family());
            op = tab.encoder().operation(f, m.op(), m.dump());
        } catch (EncodeException e) {
            tab.host().status("No policy to show: " + e.getMessage());
            return;
        }
        if (!f.schema().isGeneric()) {
            window(f.name() + ": no policy", new Label(f.name() + " is not a generic netlink family: the kernel has no "
                    + "policy dump for it. Check uses the spec's own checks."));
            return;
        }
        Task<PolicySource.Result> fetch = new Task<>() {
            @Override
            protected PolicySource.Result call() {
                updateTitle("Reading the kernel's policy of " + f.name());
                return source.fetch(f.name(), tab.host().registry());
            }
        };
        tab.host().run(fetch, r -> {
            if (r.policy() == null) {
                window(f.name() + ": no policy", new Label(r.failure()));
            } else {
                show(r.policy(), f, op, m.dump());
            }
        }, e -> tab.host().status("No policy: " + (e == null ? "failed" : e.getMessage())));
    }

    private void show(KernelPolicy p, Family f, OpSpec op, boolean dump) {
        PolicyRows.Form form = PolicyRows.forms(p, f).stream()
                .filter(x -> x.cmd() == op.requestId() && x.dump() == dump).findFirst().orElse(null);
        if (form == null) {
            window(f.name() + " " + op.name(), new Label("The kernel has no policy for " + op.name() + (dump ? " dump" : " do")
                    + ": it validates none of its attributes."));
            return;
        }
        TableView<PolicyRows.Row> table = new TableView<>();
        table.setId("policy-table");
        table.getColumns().add(column("Attribute", r -> "    ".repeat(r.depth()) + r.name()));
        table.getColumns().add(column("Type", r -> r.policy().type().shortName()));
        table.getColumns().add(column("Bounds", r -> r.policy().bounds()));
        table.getColumns().add(column("Spec", r -> r.specType() == null ? "(not in the spec)" : r.specType()));
        table.getItems().setAll(PolicyRows.rows(p, f, form));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ListView<String> differences = new ListView<>();
        differences.setId("policy-differences");
        String name = form.describe().replace(" do", "").replace(" dump", "");
        List<String> lines = SpecComparison.compare(p, f).stream()
                .filter(d -> d.where().startsWith(name + " ") || d.where().startsWith("set ")
                        && d.where().equals("set " + op.attributeSet()))
                .map(org.nlwb.decoder.policy.SpecDifference::text).toList();
        differences.getItems().setAll(lines.isEmpty() ? List.of("The spec and this kernel agree on " + name + ".") : lines);
        differences.setPrefHeight(120);
        VBox bottom = new VBox(4, new Label("Spec against kernel"), differences);
        BorderPane root = new BorderPane(table);
        root.setTop(new Label(f.name() + " (id " + p.familyId() + ") " + form.describe() + ": the running kernel's policy"));
        root.setBottom(bottom);
        window(f.name() + " " + form.describe() + ": kernel policy", root);
    }

    private static TableColumn<PolicyRows.Row, String> column(String title, java.util.function.Function<PolicyRows.Row, String> value) {
        TableColumn<PolicyRows.Row, String> c = new TableColumn<>(title);
        Callback<TableColumn.CellDataFeatures<PolicyRows.Row, String>, javafx.beans.value.ObservableValue<String>> f =
                cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue()));
        c.setCellValueFactory(f);
        c.setSortable(false);
        return c;
    }

    private void window(String title, javafx.scene.Parent content) {
        Stage s = new Stage();
        s.initOwner(tab.host().owner());
        s.setTitle(title);
        BorderPane pad = new BorderPane(content);
        pad.setStyle("-fx-padding: 8;");
        s.setScene(new Scene(pad, 720, 480));
        s.show();
    }
}
