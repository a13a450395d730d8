package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.nlwb.decoder.codec.EditorHint;
import org.nlwb.decoder.codec.Field;

/**
 * The attributes of one attribute set present in one JSON object, a row each in the object's
 * order (the order they are sent in): name, typed editor, move up, move down, remove; and a
 * drop-down adding any attribute of the set. Nests and sub-messages hold an AttributeList of
 * their own; multi-attributes a list of values. Keys in {@code skip} (fixed-header members beside
 * the attributes) are left to their own editor.
 */
final class AttributeList extends VBox {
    private final EditContext ctx;
    private final String set;
    private final ObjectNode owner;
    private final List<ObjectNode> enclosing;
    private final Set<String> skip;
    private final String path;

    /**
     * @param enclosing the objects around {@code owner}, innermost first (where a sub-message's
     *                  selector may be)
     */
    AttributeList(EditContext ctx, String set, ObjectNode owner, List<ObjectNode> enclosing, Set<String> skip, String path) {
        this.ctx = ctx;
        this.set = set;
        this.owner = owner;
        this.enclosing = enclosing;
        this.skip = skip;
        this.path = path;
        getStyleClass().add("compose-attrs");
        setSpacing(4);
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        List<String> keys = new ArrayList<>();
        owner.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!skip.contains(key)) {
                getChildren().add(row(key));
            }
        }
        getChildren().add(adder());
    }

    private Node row(String key) {
        Field f = ctx.codecs().field(set, key);
        Label name = new Label(key);
        name.getStyleClass().add("compose-attr-name");
        name.setMinWidth(110);
        Slot slot = Slot.of(owner, key);
        Node editor = f == null ? JsonField.of(slot, ctx::changed) : editorFor(f, slot, key);
        HBox.setHgrow(editor, Priority.ALWAYS);
        Button up = small("↑", "Move up (attributes are sent in this order)", () -> move(key, -1));
        Button down = small("↓", "Move down", () -> move(key, 1));
        Button remove = small("✕", "Remove " + key, () -> {
            owner.remove(key);
            rebuild();
            ctx.changed();
        });
        HBox row = new HBox(6, name, editor, up, down, remove);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("compose-attr");
        row.setId("attr-" + path + key);
        return row;
    }

    private Node editorFor(Field f, Slot slot, String key) {
        EditorHint hint = f.editorHint();
        String here = path + key;
        List<ObjectNode> inside = inner();
        if (hint.multi()) {
            return multi(f, hint, slot, here, inside);
        }
        return withSentAs(single(f, hint, slot.core(SentAs.Scalar.of(hint)), here, inside), slot, hint);
    }

    /** {@code editor} of the value in {@code outer}, and beside it the value's sent-as keys if it has any. */
    private Node withSentAs(Node editor, Slot outer, EditorHint hint) {
        Node keys = SentAsControls.of(outer, hint, ctx::changed);
        if (keys == null) {
            return editor;
        }
        HBox.setHgrow(editor, Priority.ALWAYS);
        if (editor instanceof javafx.scene.layout.Region r) {
            r.setMinWidth(100); // the value stays readable beside its keys in a narrow pane
        }
        HBox box = new HBox(8, editor, keys);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private Node single(Field f, EditorHint hint, Slot slot, String here, List<ObjectNode> inside) {
        return switch (hint.kind()) {
            case NEST -> new AttributeList(ctx, hint.attributeSet(), slot.object(), inside, Set.of(), here + ".");
            case STRUCT -> StructFields.attribute(ctx, hint.struct(), slot.object());
            case SUB_MESSAGE -> new SubMessageEditor(ctx, hint, slot, inside, here + ".");
            case ARRAY -> hint.item() != null && slot.get() instanceof ArrayNode a ? items(f, hint.item(), a, here, inside)
                    : JsonField.of(slot, ctx::changed);
            case TYPE_VALUE, BITFIELD32, RAW -> JsonField.of(slot, ctx::changed);
            default -> ValueEditors.editor(hint, slot, v -> f.validate(v, here, inside), ctx::changed);
        };
    }

    /**
     * An array's items (an indexed-array's nests, a binary array's integers), each with its own
     * editor and, where it was numbered otherwise than the spec counts, its index beside it.
     * Items are checked as the whole message is (the problem line): a field's check is the array's.
     */
    private Node items(Field f, EditorHint item, ArrayNode items, String here, List<ObjectNode> inside) {
        return editableList(items, i -> {
            Slot outer = Slot.of(items, i);
            Node e = item.kind() == org.nlwb.decoder.codec.EditorKind.NEST || item.kind() == org.nlwb.decoder.codec.EditorKind.STRUCT
                    || item.kind() == org.nlwb.decoder.codec.EditorKind.SUB_MESSAGE
                    ? single(f, item, outer.core(SentAs.Scalar.OTHER), here + "[" + i + "]", inside)
                    : ValueEditors.editor(item, outer.core(SentAs.Scalar.of(item)), v -> java.util.Optional.empty(),
                    ctx::changed);
            return withSentAs(e, outer, item);
        }, "Remove this item", "Add an item", () -> initial(item));
    }

    /** A multi-attr: each value its own editor, added and removed here. */
    private Node multi(Field f, EditorHint hint, Slot slot, String here, List<ObjectNode> inside) {
        JsonNode v = slot.get();
        ArrayNode items;
        if (v instanceof ArrayNode a) {
            items = a;
        } else {
            items = JsonNodeFactory.instance.arrayNode();
            if (v != null) {
                items.add(v);
            }
            slot.set(items);
        }
        return editableList(items, i -> {
            Slot outer = Slot.of(items, i);
            return withSentAs(single(f, hint, outer.core(SentAs.Scalar.of(hint)), here + "[" + i + "]", inside),
                    outer, hint);
        }, "Remove this value", "Add a value", () -> hint.kind() == org.nlwb.decoder.codec.EditorKind.NEST
                ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.textNode(""));
    }

    /**
     * The elements of {@code items}, each as {@code editorAt} makes it with a remove button beside
     * it, and an add button under them that appends {@code fresh}; built again on every removal or
     * addition, so each editor's index stays its element's.
     */
    private Node editableList(ArrayNode items, java.util.function.IntFunction<Node> editorAt, String removeTip,
                              String addTip, java.util.function.Supplier<JsonNode> fresh) {
        VBox box = new VBox(3);
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            box.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                int at = i;
                Node e = editorAt.apply(i);
                HBox.setHgrow(e, Priority.ALWAYS);
                box.getChildren().add(new HBox(4, e, small("✕", removeTip, () -> {
                    items.remove(at);
                    fill[0].run();
                    ctx.changed();
                })));
            }
            box.getChildren().add(small("+", addTip, () -> {
                items.add(fresh.get());
                fill[0].run();
                ctx.changed();
            }));
        };
        fill[0].run();
        return box;
    }

    private List<ObjectNode> inner() {
        List<ObjectNode> l = new ArrayList<>();
        l.add(owner);
        l.addAll(enclosing);
        return l;
    }

    private Node adder() {
        ComboBox<String> add = new ComboBox<>();
        add.setPromptText("Add attribute…");
        add.getStyleClass().add("compose-add");
        add.setId("add-" + path);
        for (Field f : ctx.codecs().fields(set)) {
            if (!owner.has(f.spec().name()) && f.editorHint().kind() != org.nlwb.decoder.codec.EditorKind.RAW) {
                add.getItems().add(f.spec().name());
            }
        }
        add.valueProperty().addListener((o, was, name) -> {
            if (name != null) {
                javafx.application.Platform.runLater(() -> {
                    owner.set(name, initial(ctx.codecs().field(set, name).editorHint()));
                    rebuild();
                    ctx.changed();
                });
            }
        });
        return add;
    }

    static JsonNode initial(EditorHint hint) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        return switch (hint.kind()) {
            case NEST, STRUCT, SUB_MESSAGE, TYPE_VALUE -> j.objectNode();
            case BOOLEAN -> j.booleanNode(true);
            case NUMBER -> j.numberNode(0);
            case ARRAY -> j.arrayNode();
            default -> j.textNode("");
        };
    }

    private void move(String key, int step) {
        List<String> keys = new ArrayList<>();
        owner.fieldNames().forEachRemaining(keys::add);
        int i = keys.indexOf(key);
        int j = i + step;
        if (i < 0 || j < 0 || j >= keys.size()) {
            return;
        }
        keys.set(i, keys.get(j));
        keys.set(j, key);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = owner.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue());
        }
        owner.removeAll();
        keys.forEach(k -> owner.set(k, values.get(k)));
        rebuild();
        ctx.changed();
    }

    static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("compose-small");
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
