package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.nlwb.decoder.codec.EditorHint;

/**
 * Beside a typed editor, what its value says about how it was sent beyond the spec ({@link SentAs}),
 * each editable as what it is: an indexed-array item's number ({@code index 0}), an integer's width
 * ({@code sent as 4 bytes} of a u64), a string sent without its NUL ({@code [x] sent without NUL}),
 * the padding bytes that follow it in hex ({@code pad a5a5}). Only the keys the value has are
 * shown; emptying a field (choosing the spec's width, unticking the NUL box) removes the key.
 */
final class SentAsControls {
    static final String STYLE = "compose-sent-as";

    private SentAsControls() {
    }

    /** The controls for the keys of the value in {@code outer}, or null when it has none. */
    static Node of(Slot outer, EditorHint hint, Runnable changed) {
        JsonNode v = outer.get();
        SentAs.Scalar scalar = SentAs.Scalar.of(hint);
        SentAs s = v == null ? null : SentAs.of(v, scalar);
        if (s == null || !s.any()) {
            return null;
        }
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value's field gives way, not these
        box.getStyleClass().add(STYLE);
        if (s.index() != null) {
            box.getChildren().addAll(label("index"), number(outer, scalar, String.valueOf(s.index()), "sent-as-index",
                    "The item's nla_type where the spec counts otherwise (the items after it count on); empty: the count",
                    (x, t) -> x.withIndex(parse(t)), changed));
        }
        if (s.size() != null) {
            box.getChildren().addAll(label("sent as"), width(outer, hint, s.size(), changed));
        }
        if (s.nul() != null) {
            box.getChildren().add(withoutNul(outer, s.nul(), changed));
        }
        if (s.pad() != null) {
            TextField pad = number(outer, scalar, s.pad(), "sent-as-pad",
                    "The padding bytes after this attribute as captured (not zero), in hex; empty: zero",
                    (x, t) -> x.withPad(t), changed);
            pad.setPrefColumnCount(Math.max(4, s.pad().length() + 2)); // all of it visible: columns are narrower than digits
            box.getChildren().addAll(label("pad (hex)"), pad);
        }
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compose-sent-as-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private interface Edit {
        SentAs apply(SentAs was, String text);
    }

    private static TextField number(Slot outer, SentAs.Scalar scalar, String text, String id, String tip, Edit edit,
                                    Runnable changed) {
        TextField f = new TextField(text);
        f.getStyleClass().add(id);
        f.setPrefColumnCount(3);
        f.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        f.setTooltip(new Tooltip(tip));
        f.textProperty().addListener((o, was, t) -> {
            outer.set(edit.apply(SentAs.of(outer.get(), scalar), t).json());
            changed.run();
        });
        return f;
    }

    /**
     * "sent without NUL", ticked as captured: unticked the string goes with its NUL as the spec
     * sends it (the key goes); ticked again it goes without. A captured {@code "nul": true} shows unticked.
     */
    private static CheckBox withoutNul(Slot outer, boolean nul, Runnable changed) {
        CheckBox b = new CheckBox("sent without NUL");
        b.setMnemonicParsing(false);
        b.getStyleClass().add("sent-as-nul");
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setSelected(!nul);
        b.setTooltip(new Tooltip("This string was sent without its terminating NUL (the spec sends one); untick to send it"));
        b.selectedProperty().addListener((o, was, without) -> {
            outer.set(SentAs.of(outer.get(), SentAs.Scalar.STRING).withNul(without ? Boolean.FALSE : null).json());
            changed.run();
        });
        return b;
    }

    private static ComboBox<String> width(Slot outer, EditorHint hint, int size, Runnable changed) {
        String spec = hint.type() == null ? "the spec's" : "its " + hint.type().specName();
        ComboBox<String> box = new ComboBox<>();
        box.getStyleClass().add("sent-as-size");
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getItems().addAll("1 byte", "2 bytes", "4 bytes", "8 bytes", spec);
        box.setValue(size + (size == 1 ? " byte" : " bytes"));
        box.setTooltip(new Tooltip("The bytes this integer was sent at, where that is not the spec's ("
                + (hint.type() == null ? "?" : hint.type().specName()) + ")"));
        UnaryOperator<String> digits = t -> t == null ? "" : t.replaceAll("\\D", "");
        box.valueProperty().addListener((o, was, t) -> {
            Integer n = t == null || t.equals(spec) ? null : parse(digits.apply(t));
            outer.set(SentAs.of(outer.get(), SentAs.Scalar.INTEGER).withSize(n).json());
            changed.run();
        });
        return box;
    }

    private static Integer parse(String t) {
        String s = t == null ? "" : t.strip();
        try {
            return s.isEmpty() ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
