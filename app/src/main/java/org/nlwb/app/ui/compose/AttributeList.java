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
import javafx.scene.layout.Pane;
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
        getStyleClass().addAll("compose-attrs", BLOCK);
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

    /**
     * A value's editor beside its name, or — a block (a nest, struct, sub-message, list) — under
     * it, indented: beside it each level of nesting took the name's width again off the pane, and
     * at 1024×700 a veth's peer ran past the composer's right edge.
     */
    private Node row(String key) {
        Field f = ctx.codecs().field(set, key);
        Label name = name(key);
        Slot slot = Slot.of(owner, key);
        Node editor = f == null ? JsonField.of(slot, ctx::changed) : editorFor(f, slot, key);
        Button up = small("↑", "Move up (attributes are sent in this order)", () -> move(key, -1));
        Button down = small("↓", "Move down", () -> move(key, 1));
        Button remove = small("✕", "Remove " + key, () -> {
            owner.remove(key);
            rebuild();
            ctx.changed();
        });
        Pane row;
        if (isBlock(editor)) {
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(6, name, gap, up, down, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox.setMargin(editor, new javafx.geometry.Insets(0, 0, 0, 12));
            row = new VBox(2, head, editor);
        } else {
            HBox.setHgrow(editor, Priority.ALWAYS);
            HBox line = new HBox(6, name, editor, up, down, remove);
            line.setAlignment(Pos.TOP_LEFT);
            row = line;
        }
        row.getStyleClass().add("compose-attr");
        row.setId("attr-" + path + key);
        return row;
    }

    /** An attribute's name: at least 110 wide, so short names line their editors up, and never cut. */
    private static Label name(String key) {
        Label name = new Label(key) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(110, super.computePrefWidth(height));
            }
        };
        name.setMnemonicParsing(false);
        name.getStyleClass().add("compose-attr-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return name;
    }

    static final String BLOCK = "compose-block";

    /** Whether {@code editor} is a block of editors (style class {@value #BLOCK}) rather than one value's. */
    static boolean isBlock(Node editor) {
        return editor.getStyleClass().contains(BLOCK);
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
        if (editor instanceof javafx.scene.layout.Region r) {
            r.setMinWidth(100); // the value stays readable beside its keys; narrower, they go under it
        }
        BesideOrUnder box = new BesideOrUnder(editor, keys);
        if (isBlock(editor)) {
            box.getStyleClass().add(BLOCK); // a nest with its padding is still a block, under its name
        }
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
        box.getStyleClass().add(BLOCK);
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
