package org.nlwb.app.ui.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCombination;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.diff.ConversationDiff;
import org.nlwb.decoder.diff.ConversationDiffer;
import org.nlwb.decoder.diff.NoiseRules;
import org.nlwb.decoder.pipeline.DecodedCapture;

/**
 * The Compare menu: Compare (Ctrl+D, the two messages selected in the current tab), Compare Tabs
 * (the current capture tab's conversation against another's), Next / Previous Difference (F7 /
 * Shift+F7 in a compare tab). Comparing runs in the background; the result opens as a
 * {@link CompareTab}. Holds no state.
 */
public final class CompareActions {
    private final CompareHost host;

    public CompareActions(CompareHost host) {
        this.host = host;
    }

    public Menu menu() {
        Menu m = new Menu("Com_pare");
        m.getItems().addAll(item("_Compare Selected Messages", "Shortcut+D", this::compareSelected),
                item("Compare _Tabs…", null, this::compareTabs),
                new SeparatorMenuItem(),
                item("_Next Difference", "F7", () -> withCompareTab(t -> t.step(1))),
                item("_Previous Difference", "Shift+F7", () -> withCompareTab(t -> t.step(-1))));
        return m;
    }

    /** The two messages selected in the current capture tab, compared. */
    public void compareSelected() {
        Optional<CompareHost.Source> current = host.captures().stream().filter(CompareHost.Source::current).findFirst();
        if (current.isEmpty() || current.get().selected().size() != 2) {
            host.status("Compare: select two messages (Ctrl+click) in a capture tab");
            return;
        }
        CompareHost.Source s = current.get();
        List<Integer> sel = s.selected().stream().sorted().toList();
        start(s.title() + " #" + sel.get(0), s.title() + " #" + sel.get(1),
                s.capture(), List.of(sel.get(0)), s.capture(), List.of(sel.get(1)));
    }

    /** The current capture tab's conversation against another open one (asked when there are several). */
    public void compareTabs() {
        List<CompareHost.Source> all = host.captures();
        Optional<CompareHost.Source> current = all.stream().filter(CompareHost.Source::current).findFirst();
        List<CompareHost.Source> others = all.stream().filter(s -> !s.current()).toList();
        if (current.isEmpty() || others.isEmpty()) {
            host.status("Compare Tabs: open two captures, and select one of them");
            return;
        }
        CompareHost.Source other = others.get(0);
        if (others.size() > 1) {
            ChoiceDialog<String> ask = new ChoiceDialog<>(others.get(0).title(), others.stream().map(CompareHost.Source::title).toList());
            ask.initOwner(host.owner());
            ask.setTitle("Compare Tabs");
            ask.setHeaderText("Compare " + current.get().title() + " with");
            Optional<String> pick = ask.showAndWait();
            if (pick.isEmpty()) {
                return;
            }
            other = others.stream().filter(s -> s.title().equals(pick.get())).findFirst().orElse(other);
        }
        boolean currentFirst = all.indexOf(current.get()) < all.indexOf(other);
        CompareHost.Source l = currentFirst ? current.get() : other;
        CompareHost.Source r = currentFirst ? other : current.get();
        start(l.title(), r.title(), l.capture(), null, r.capture(), null);
    }

    /** Compares the messages {@code li} of {@code left} (null: all) with {@code ri} of {@code right}. */
    private void start(String leftName, String rightName, DecodedCapture left, List<Integer> li,
                       DecodedCapture right, List<Integer> ri) {
        host.run(new Task<CompareModel>() {
            @Override
            protected CompareModel call() {
                updateMessage("Comparing " + leftName + " with " + rightName);
                Map<Integer, DecodedMessage> l = decode(left, li);
                Map<Integer, DecodedMessage> r = decode(right, ri);
                ConversationDiff diff = new ConversationDiffer(NoiseRules.defaults())
                        .compare(List.copyOf(l.values()), List.copyOf(r.values()));
                return new CompareModel(diff, l, r);
            }
        }, model -> open(new CompareTab(leftName, rightName, model)),
                e -> host.status("Compare: " + e.getMessage()));
    }

    private static Map<Integer, DecodedMessage> decode(DecodedCapture c, List<Integer> indexes) {
        Map<Integer, DecodedMessage> out = new LinkedHashMap<>();
        if (indexes == null) {
            for (DecodedMessage m : c.messages()) {
                out.put(m.ref().index(), m);
            }
        } else {
            indexes.forEach(i -> out.put(i, c.decodeUncached(i)));
        }
        return out;
    }

    private void open(CompareTab tab) {
        host.tabs().getTabs().add(tab);
        host.tabs().getSelectionModel().select(tab);
        long n = tab.model().diff().count(false);
        host.status(n == 0 ? "Compare: equal (noise left out)" : "Compare: " + n + " difference" + (n == 1 ? "" : "s"));
    }

    private void withCompareTab(java.util.function.Consumer<CompareTab> action) {
        Tab t = host.tabs().getSelectionModel().getSelectedItem();
        if (t instanceof CompareTab c) {
            action.accept(c);
        }
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (accel != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accel));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }
}
