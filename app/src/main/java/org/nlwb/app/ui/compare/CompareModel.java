package org.nlwb.app.ui.compare;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.diff.ConversationDiff;
import org.nlwb.decoder.diff.DiffKind;
import org.nlwb.decoder.diff.Difference;
import org.nlwb.decoder.diff.MessageDiff;
import org.nlwb.decoder.diff.NodeMatch;
import org.nlwb.decoder.diff.Side;
import org.nlwb.decoder.tree.Node;

/**
 * The compare tab's state: the pairs of a {@link ConversationDiff}, the selected pair shown in two
 * {@link MessageViewModel}s, its differences (noise in or out), the selected difference, and
 * where each difference lies in each tree ({@link #mark}). Selecting a node on one side selects
 * its counterpart on the other. FX thread only.
 */
public final class CompareModel {
    private final ConversationDiff diff;
    private final Map<Integer, DecodedMessage> leftMessages;
    private final Map<Integer, DecodedMessage> rightMessages;
    private final MessageViewModel left = new MessageViewModel();
    private final MessageViewModel right = new MessageViewModel();
    private final BooleanProperty includeNoise = new SimpleBooleanProperty(false);
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MessageDiff> selectedPair = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Difference> selectedDifference = new ReadOnlyObjectWrapper<>();
    private final Map<Node, String> leftMarks = new IdentityHashMap<>();
    private final Map<Node, String> rightMarks = new IdentityHashMap<>();
    private NodeMatch match = NodeMatch.of(null, null);
    private boolean linking;

    /**
     * @param leftMessages  the left side's compared messages by capture index (their trees are the
     *                      ones in {@code diff}); the same for the right
     */
    public CompareModel(ConversationDiff diff, Map<Integer, DecodedMessage> leftMessages,
                        Map<Integer, DecodedMessage> rightMessages) {
        this.diff = Objects.requireNonNull(diff, "diff");
        this.leftMessages = Map.copyOf(leftMessages);
        this.rightMessages = Map.copyOf(rightMessages);
        left.selectedNodeProperty().addListener((o, was, n) -> link(n, true));
        right.selectedNodeProperty().addListener((o, was, n) -> link(n, false));
        includeNoise.addListener((o, was, on) -> selectPair(selectedPair.get()));
    }

    public ConversationDiff diff() {
        return diff;
    }

    public List<MessageDiff> pairs() {
        return diff.pairs();
    }

    public MessageViewModel left() {
        return left;
    }

    public MessageViewModel right() {
        return right;
    }

    public BooleanProperty includeNoiseProperty() {
        return includeNoise;
    }

    /** The selected pair's differences that count (all of them with noise included). */
    public ObservableList<Difference> differences() {
        return differences;
    }

    public ReadOnlyObjectProperty<MessageDiff> selectedPairProperty() {
        return selectedPair.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Difference> selectedDifferenceProperty() {
        return selectedDifference.getReadOnlyProperty();
    }

    /**
     * The style class of {@code n} of the left ({@code leftSide}) or right tree: {@link #styleOf} its
     * difference's kind, {@link #INSIDE} above one, or null.
     */
    public String mark(Node n, boolean leftSide) {
        return (leftSide ? leftMarks : rightMarks).get(n);
    }

    /** Shows {@code p} (one of {@link #pairs()}, or null) and selects its first difference. */
    public void selectPair(MessageDiff p) {
        selectedPair.set(p);
        selectedDifference.set(null);
        List<Difference> counted = p == null ? List.of() : p.counted(includeNoise.get());
        DecodedMessage l = p == null ? null : leftMessages.get(p.leftIndex());
        DecodedMessage r = p == null ? null : rightMessages.get(p.rightIndex());
        match = NodeMatch.of(l == null ? null : l.tree(), r == null ? null : r.tree());
        Marks.fill(leftMarks, l == null ? null : l.tree(), counted, true);
        Marks.fill(rightMarks, r == null ? null : r.tree(), counted, false);
        left.show(l);
        right.show(r);
        differences.setAll(counted);
        if (!counted.isEmpty()) {
            selectDifference(counted.get(0));
        }
    }

    /** Selects {@code d} (one of {@link #differences()}): its node on each side where there is one. */
    public void selectDifference(Difference d) {
        selectedDifference.set(d);
        if (d == null) {
            return;
        }
        linking = true;
        try {
            left.selectNode(nodeOf(d, true));
            right.selectNode(nodeOf(d, false));
        } finally {
            linking = false;
        }
    }

    /** The next ({@code step > 0}) or previous difference, across pairs; false when there is none. */
    public boolean stepDifference(int step) {
        List<int[]> all = new ArrayList<>();
        int current = -1;
        for (int p = 0; p < diff.pairs().size(); p++) {
            List<Difference> ds = diff.pairs().get(p).counted(includeNoise.get());
            for (int k = 0; k < ds.size(); k++) {
                if (diff.pairs().get(p) == selectedPair.get() && ds.get(k).equals(selectedDifference.get())) {
                    current = all.size();
                }
                all.add(new int[] {p, k});
            }
        }
        int next = current < 0 ? (step > 0 ? 0 : all.size() - 1) : current + Integer.signum(step);
        if (all.isEmpty() || next < 0 || next >= all.size()) {
            return false;
        }
        MessageDiff pair = diff.pairs().get(all.get(next)[0]);
        if (pair != selectedPair.get()) {
            selectPair(pair);
        }
        selectDifference(differences.get(all.get(next)[1]));
        return true;
    }

    private Node nodeOf(Difference d, boolean leftSide) {
        Side s = leftSide ? d.left() : d.right();
        if (s != null && s.node() != null) {
            return s.node();
        }
        MessageViewModel vm = leftSide ? left : right;
        return vm.message() == null ? null : NodeMatch.find(vm.message().tree(), d.path());
    }

    private void link(Node n, boolean fromLeft) {
        if (linking || n == null) {
            return;
        }
        linking = true;
        try {
            Node other = fromLeft ? match.right(n) : match.left(n);
            (fromLeft ? right : left).selectNode(other);
        } finally {
            linking = false;
        }
    }

    /** Where differences lie in one tree: the node each names, and "inside" on the nodes above it. */
    private static final class Marks {
        static void fill(Map<Node, String> marks, Node tree, List<Difference> ds, boolean leftSide) {
            marks.clear();
            if (tree == null) {
                return;
            }
            for (Difference d : ds) {
                Side s = leftSide ? d.left() : d.right();
                Node at = s != null && s.node() != null ? s.node()
                        : d.kind() == DiffKind.ORDER ? NodeMatch.find(tree, d.path()) : null;
                if (at == null) {
                    continue;
                }
                List<Node> path = tree.pathTo(at);
                if (d.kind() == DiffKind.FLAGS && path.size() >= 2) {
                    path = path.subList(0, path.size() - 1); // the attribute, not its nla_type leaf
                    at = path.get(path.size() - 1);
                }
                marks.put(at, styleOf(d.kind()));
                for (Node above : path.subList(0, Math.max(0, path.size() - 1))) {
                    marks.putIfAbsent(above, INSIDE);
                }
            }
        }
    }

    /** The style class of a row that holds a difference further down. */
    public static final String INSIDE = "diff-inside";

    /** The style class of a row with a difference of this kind: {@code diff-changed}, ... */
    public static String styleOf(DiffKind kind) {
        return "diff-" + kind.label();
    }
}
