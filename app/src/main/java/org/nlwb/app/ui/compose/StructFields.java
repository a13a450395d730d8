package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.nlwb.decoder.codec.EditorHint;
import org.nlwb.decoder.ynl.StructDef;

/**
 * A struct edited member by member (a fixed header such as ifinfomsg, or a struct attribute), in
 * the struct's order; members left empty are sent as zero. A fixed header's members sit beside the
 * attributes, or — where a member is named as an attribute (netem's {@code loss}) — in an object
 * named for the struct ({@code "tc-netem-qopt": {"loss": 1}}), and are edited there. A struct sent
 * shorter than its sizeof ({@code "$size": 6}) says so on a row of its own: "sent as 6 of 8 bytes".
 */
final class StructFields extends GridPane {
    /** The key of a struct sent as fewer bytes than its sizeof, as the encoder takes it. */
    static final String SIZE = "$size";

    /**
     * A fixed header: members in {@code message} itself, or in its object named for the struct
     * where they are there already or named as an attribute of {@code attributeSet} (which the
     * name beside the attributes would mean).
     */
    static StructFields header(EditContext ctx, String struct, ObjectNode message, String attributeSet) {
        return new StructFields(ctx, struct, message, attributeSet);
    }

    /** A struct attribute: members (and {@code $size}) in {@code value}. */
    static StructFields attribute(EditContext ctx, String struct, ObjectNode value) {
        return new StructFields(ctx, struct, value, null);
    }

    /** @param attributeSet the attributes beside a fixed header's members, or null for a struct attribute */
    private StructFields(EditContext ctx, String struct, ObjectNode owner, String attributeSet) {
        getStyleClass().addAll("compose-struct", AttributeList.BLOCK);
        setHgap(8);
        setVgap(4);
        // names whole (at 1024x700 a flag set's boxes took their width and left "ifi-fa..."); the
        // editors get the rest and no more, so a flag set wraps inside the pane
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        editors.setMinWidth(0);
        getColumnConstraints().setAll(names, editors);
        int row = 0;
        for (Map.Entry<String, EditorHint> m : ctx.codecs().memberHints(struct).entrySet()) {
            String member = m.getKey();
            Label name = new Label(member);
            name.setMnemonicParsing(false);
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("compose-member");
            add(name, 0, row);
            boolean inNamed = attributeSet != null && (owner.get(struct) instanceof ObjectNode o && o.has(member)
                    || ctx.codecs().field(attributeSet, member) != null);
            add(ValueEditors.editor(m.getValue(), inNamed ? Slot.inObject(owner, struct, member) : Slot.of(owner, member),
                    v -> ctx.codecs().validateMember(struct, member, v, member), ctx::changed), 1, row);
            row++;
        }
        StructDef def = ctx.codecs().family().structs().get(struct);
        ObjectNode named = attributeSet == null ? owner : owner.get(struct) instanceof ObjectNode o ? o : null;
        if (named != null && named.has(SIZE) && def != null) {
            Label name = new Label("sent as");
            name.getStyleClass().add("compose-member");
            add(name, 0, row);
            add(sentSize(named, def, ctx), 1, row);
        }
    }

    /** "sent as [6] of 8 bytes": the bytes a captured struct was sent as; empty sends its sizeof. */
    private static HBox sentSize(ObjectNode named, StructDef def, EditContext ctx) {
        TextField n = new TextField(Slot.toText(named.get(SIZE)));
        n.setId("struct-size-" + def.name());
        n.setPrefColumnCount(3);
        n.setTooltip(new Tooltip("struct " + def.name() + " was sent shorter than its sizeof (" + def.size()
                + "); the members past these bytes are absent. Empty: all " + def.size() + " bytes"));
        n.textProperty().addListener((o, was, t) -> {
            JsonNode v = Slot.fromText(t);
            if (t.isBlank()) {
                named.remove(SIZE);
            } else {
                named.set(SIZE, v.isIntegralNumber() ? IntNode.valueOf(v.intValue()) : v);
            }
            ctx.changed();
        });
        Label of = new Label("of " + def.size() + " bytes");
        HBox box = new HBox(6, n, of);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /**
     * The keys of an object that belong to {@code struct} rather than to attributes beside it: its
     * members and the object named for it (to tell them from attributes in the same object).
     */
    static Set<String> members(EditContext ctx, String struct) {
        if (struct == null) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>(ctx.codecs().memberHints(struct).keySet());
        keys.add(struct);
        return keys;
    }
}
