package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.nlwb.decoder.codec.EditorHint;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * A sub-message: its layout is the format its selector's value names ({@code kind: veth} →
 * linkinfo-veth-attrs), looked up beside it or in an enclosing object; the editor follows when
 * the selector changes and says which values it knows while none is chosen.
 */
final class SubMessageEditor extends VBox {
    private final EditContext ctx;
    private final EditorHint hint;
    private final Slot slot;
    private final List<ObjectNode> enclosing;
    private final String path;
    private String shown = "\0";

    SubMessageEditor(EditContext ctx, EditorHint hint, Slot slot, List<ObjectNode> enclosing, String path) {
        this.ctx = ctx;
        this.hint = hint;
        this.slot = slot;
        this.enclosing = enclosing;
        this.path = path;
        getStyleClass().add("compose-submessage");
        follow();
        ctx.watchSelector(this::follow);
    }

    /** The selector's value as text, or null while it has none. */
    private String selectorValue() {
        for (ObjectNode o : enclosing) {
            JsonNode v = o.get(hint.selector());
            if (v != null) {
                return v.isObject() && v.has("value") ? v.get("value").asText() : v.asText();
            }
        }
        return null;
    }

    private void follow() {
        String sel = selectorValue();
        if (Objects.equals(sel, shown)) {
            return;
        }
        shown = sel;
        getChildren().clear();
        SubMessageSpec.Format f = sel == null ? null : hint.subMessage().formats().get(sel);
        if (f == null) {
            getChildren().add(new Label((sel == null ? "Set " + hint.selector() : hint.selector() + " '" + sel + "' has no layout")
                    + "; known: " + String.join(", ", hint.subMessage().formats().keySet())));
            return;
        }
        ObjectNode o = slot.object();
        if (f.fixedHeader() != null) {
            getChildren().add(new StructFields(ctx, f.fixedHeader(), o));
        }
        if (f.attributeSet() != null) {
            List<ObjectNode> inside = new java.util.ArrayList<>(enclosing);
            getChildren().add(new AttributeList(ctx, f.attributeSet(), o, inside, StructFields.members(ctx, f.fixedHeader()),
                    path));
        }
    }
}
