package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.nlwb.decoder.codec.EditorHint;
import org.nlwb.decoder.codec.Problem;

/**
 * The editors of single values, by {@link EditorHint#kind()}: a text field (numbers with their
 * range as a hint, addresses, strings, hex), an enum's drop-down, a flag set's check boxes, a
 * flag's check box. Each checks its value as it changes ({@code check} is the codec's validation)
 * and marks itself: the style class {@code compose-invalid} (a red border) and the problem's text
 * under it, exactly as {@code nlwb send} would say it.
 */
final class ValueEditors {
    static final String INVALID = "compose-invalid";

    private ValueEditors() {
    }

    /** An editor of the value in {@code slot}; {@code changed} runs after each edit. */
    static Node editor(EditorHint hint, Slot slot, Function<JsonNode, Optional<Problem>> check, Runnable changed) {
        if (slot.get() != null && slot.get().isContainerNode()) {
            // an object or array no typed field can show (keys to come): kept, as JSON; the keys
            // SentAs knows (an integer's size, a string's nul) are peeled off before this
            return JsonField.of(slot, changed);
        }
        return switch (hint.kind()) {
            case BOOLEAN -> bool(slot, changed);
            case ENUM -> choice(hint, slot, check, changed);
            case FLAGS -> flags(hint, slot, check, changed);
            default -> text(hint, slot, check, changed);
        };
    }

    private static Node bool(Slot slot, Runnable changed) {
        CheckBox b = new CheckBox("present");
        JsonNode v = slot.get();
        b.setSelected(v == null || v.asBoolean(true));
        if (v == null) {
            slot.set(BooleanNode.TRUE);
        }
        b.selectedProperty().addListener((o, was, on) -> {
            slot.set(BooleanNode.valueOf(on));
            changed.run();
        });
        return b;
    }

    private static Node text(EditorHint hint, Slot slot, Function<JsonNode, Optional<Problem>> check, Runnable changed) {
        TextField f = new TextField(Slot.toText(slot.get()));
        f.getStyleClass().add("compose-value");
        f.setPromptText(prompt(hint));
        if (hint.min() != null) {
            f.setTooltip(new Tooltip(hint.type() + ": " + hint.min() + " .. " + hint.max() + advisory(hint)));
        }
        Label problem = problemLabel();
        boolean absent = slot.get() == null;
        f.textProperty().addListener((o, was, t) -> {
            JsonNode v = hint.kind() == org.nlwb.decoder.codec.EditorKind.NUMBER ? Slot.fromText(t) : TextNode.valueOf(t);
            if (absent && t.isEmpty()) {
                slot.clear(); // back to nothing, as it started: a member left to zero, not an empty text
                mark(f, problem, Optional.empty());
            } else {
                slot.set(v);
                mark(f, problem, check.apply(v));
            }
            changed.run();
        });
        if (slot.get() != null) {
            mark(f, problem, check.apply(slot.get()));
        }
        return new VBox(2, f, problem);
    }

    private static String prompt(EditorHint hint) {
        return switch (hint.kind()) {
            case NUMBER -> hint.min() == null ? "number" : hint.min() + " .. " + hint.max() + advisory(hint);
            case IPV4 -> "192.0.2.1";
            case IPV6 -> "2001:db8::1";
            case ADDRESS -> "192.0.2.1 or 2001:db8::1";
            case MAC -> "02:00:00:00:00:01";
            case UUID -> "12345678-9abc-def0-0123-456789abcdef";
            case HEX, RAW -> "hex bytes";
            case STRING -> hint.checks().maxLength() != null ? "text, at most " + hint.checks().maxLength() : "text";
            default -> hint.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String advisory(EditorHint hint) {
        var c = hint.checks();
        if (c.min() == null && c.max() == null) {
            return "";
        }
        return " (spec: " + (c.min() == null ? "" : c.min()) + ".." + (c.max() == null ? "" : c.max()) + ")";
    }

    private static Node choice(EditorHint hint, Slot slot, Function<JsonNode, Optional<Problem>> check, Runnable changed) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        hint.choices().forEach(c -> box.getItems().add(c.name()));
        box.setValue(Slot.toText(slot.get()));
        Label problem = problemLabel();
        boolean absent = slot.get() == null;
        box.valueProperty().addListener((o, was, t) -> {
            JsonNode v = Slot.fromText(t == null ? "" : t);
            if (absent && (t == null || t.isEmpty())) {
                slot.clear();
                mark(box, problem, Optional.empty());
            } else {
                slot.set(v);
                mark(box, problem, check.apply(v));
            }
            changed.run();
        });
        return new VBox(2, box, problem);
    }

    private static Node flags(EditorHint hint, Slot slot, Function<JsonNode, Optional<Problem>> check, Runnable changed) {
        JsonNode v = slot.get();
        Set<String> on = new LinkedHashSet<>();
        if (v != null && v.isTextual()) {
            for (String s : v.asText().split("[|,]")) {
                if (!s.isBlank()) {
                    on.add(s.strip());
                }
            }
        }
        long bits = v != null && v.isNumber() ? v.asLong() : 0;
        long known = 0;
        Set<String> names = new java.util.HashSet<>();
        for (EditorHint.Choice c : hint.choices()) {
            known |= c.value();
            names.add(c.name());
            names.add(c.kernelName());
        }
        if (!names.containsAll(on)) {
            return text(hint, slot, check, changed); // a number as text, a name the spec lacks: shown as given
        }
        long unknown = bits & ~known; // bits no box names: kept, the value then goes as a number
        FlowPane boxes = new FlowPane(8, 2);
        Label problem = problemLabel();
        boolean absent = v == null;
        for (EditorHint.Choice c : hint.choices()) {
            CheckBox b = new CheckBox(c.name());
            b.setMnemonicParsing(false); // flag names hold underscores
            b.setSelected(on.contains(c.name()) || on.contains(c.kernelName()) || (bits & c.value()) != 0);
            b.selectedProperty().addListener((o, was, sel) -> {
                JsonNode nv = flagValue(hint, boxes, unknown);
                if (absent && nv.isNumber() && nv.asLong() == 0) {
                    slot.clear();
                } else {
                    slot.set(nv);
                }
                mark(boxes, problem, check.apply(nv));
                changed.run();
            });
            boxes.getChildren().add(b);
        }
        if (unknown != 0) {
            boxes.getChildren().add(new Label(String.format("and 0x%x", unknown)));
        }
        return new VBox(2, boxes, problem);
    }

    /** The ticked boxes as {@code "a|b"}, or as a number when bits no box names are kept beside them. */
    private static JsonNode flagValue(EditorHint hint, FlowPane boxes, long unknown) {
        StringBuilder sb = new StringBuilder();
        long bits = unknown;
        int i = 0;
        for (Node n : boxes.getChildren()) {
            if (n instanceof CheckBox cb && cb.isSelected()) {
                sb.append(sb.isEmpty() ? "" : "|").append(cb.getText());
                bits |= hint.choices().get(i).value();
            }
            i += n instanceof CheckBox ? 1 : 0;
        }
        return unknown != 0 || sb.isEmpty() ? com.fasterxml.jackson.databind.node.LongNode.valueOf(bits) : TextNode.valueOf(sb.toString());
    }

    static Label problemLabel() {
        Label l = new Label();
        l.getStyleClass().add("compose-problem");
        l.setWrapText(true);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    static void mark(Node editor, Label problem, Optional<Problem> p) {
        editor.getStyleClass().remove(INVALID);
        p.ifPresent(x -> editor.getStyleClass().add(INVALID));
        problem.setText(p.map(Problem::text).orElse(""));
        problem.setVisible(p.isPresent());
        problem.setManaged(p.isPresent());
    }
}
