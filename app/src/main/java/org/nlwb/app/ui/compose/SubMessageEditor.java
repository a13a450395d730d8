package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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
    /** The key of a sub-message sent with NLA_F_NESTED, as the encoder takes it. */
    static final String NESTED = "$nested";

    SubMessageEditor(EditContext ctx, EditorHint hint, Slot slot, List<ObjectNode> enclosing, String path) {
        this.ctx = ctx;
        this.hint = hint;
        this.slot = slot;
        this.enclosing = enclosing;
        this.path = path;
        getStyleClass().addAll("compose-submessage", AttributeList.BLOCK);
        follow();
        ctx.watchSelector(this::follow);
    }

    /**
     * NLA_F_NESTED on the sub-message's nla_type: off unless the object says {@code "$nested": true}
     * (iproute2's RTA_ENCAP, nft's object data, tc's action options are sent with it).
     */
    private CheckBox nestedFlag(ObjectNode o) {
        CheckBox b = new CheckBox("NLA_F_NESTED");
        b.setMnemonicParsing(false); // else the underscore before F is taken for a mnemonic and not shown
        b.getStyleClass().add("compose-nested-flag");
        b.setSelected(o.path(NESTED).asBoolean(false));
        b.setTooltip(new Tooltip("Send this sub-message's nla_type with NLA_F_NESTED (the spec leaves it off;"
                + " iproute2, nft and tc set it on some)"));
        b.selectedProperty().addListener((x, was, on) -> {
            if (on) {
                o.put(NESTED, true);
            } else {
                o.remove(NESTED);
            }
            ctx.changed();
        });
        return b;
    }

    /** The selector's value as text, or null while it has none. */
    private String selectorValue() {
        for (ObjectNode o : enclosing) {
            JsonNode v = o.get(hint.selector());
            if (v != null) {
                JsonNode core = SentAs.of(v, SentAs.Scalar.INTEGER).value();
                return core.isObject() && core.has("value") ? core.get("value").asText() : core.asText();
            }
        }
        return null;
    }

    /**
     * The format {@code sel} names: by its text, or — an integer selector with an enum, as a
     * capture describes iproute2's {@code encap-type: 5} — by the enum entry of that value, as the encoder reads it.
     */
    private SubMessageSpec.Format format(String sel) {
        SubMessageSpec.Format f = hint.subMessage().formats().get(sel);
        if (f != null || !sel.matches("\\d+")) {
            return f;
        }
        long n = Long.parseLong(sel);
        var family = ctx.codecs().family();
        for (var set : family.attributeSets().values()) {
            var a = set.byName(hint.selector());
            var names = a == null || a.enumName() == null ? null : family.enums().get(a.enumName());
            if (names != null) {
                for (var e : names.entries().entrySet()) {
                    if (e.getValue() == n && hint.subMessage().formats().containsKey(e.getKey())) {
                        return hint.subMessage().formats().get(e.getKey());
                    }
                }
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
        SubMessageSpec.Format f = sel == null ? null : format(sel);
        if (f == null) {
            getChildren().add(new Label((sel == null ? "Set " + hint.selector() : hint.selector() + " '" + sel + "' has no layout")
                    + "; known: " + String.join(", ", hint.subMessage().formats().keySet())));
            return;
        }
        ObjectNode o = slot.object();
        getChildren().add(nestedFlag(o));
        if (f.fixedHeader() != null) {
            getChildren().add(StructFields.header(ctx, f.fixedHeader(), o, f.attributeSet()));
        }
        if (f.attributeSet() != null) {
            List<ObjectNode> inside = new java.util.ArrayList<>(enclosing);
            java.util.Set<String> skip = new java.util.HashSet<>(StructFields.members(ctx, f.fixedHeader()));
            skip.add(NESTED);
            getChildren().add(new AttributeList(ctx, f.attributeSet(), o, inside, skip, path));
        }
    }
}
