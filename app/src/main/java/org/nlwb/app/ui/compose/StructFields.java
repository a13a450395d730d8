package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.nlwb.decoder.codec.EditorHint;

/**
 * A struct edited member by member (a fixed header such as ifinfomsg, or a struct attribute), in
 * the struct's order; members left empty are sent as zero.
 */
final class StructFields extends GridPane {
    StructFields(EditContext ctx, String struct, ObjectNode owner) {
        getStyleClass().add("compose-struct");
        setHgap(8);
        setVgap(4);
        int row = 0;
        for (Map.Entry<String, EditorHint> m : ctx.codecs().memberHints(struct).entrySet()) {
            String member = m.getKey();
            Label name = new Label(member);
            name.getStyleClass().add("compose-member");
            add(name, 0, row);
            add(ValueEditors.editor(m.getValue(), Slot.of(owner, member),
                    v -> ctx.codecs().validateMember(struct, member, v, member), ctx::changed), 1, row);
            row++;
        }
    }

    /** The member names of {@code struct} (to tell them from attributes in the same object). */
    static Set<String> members(EditContext ctx, String struct) {
        return struct == null ? Set.of() : ctx.codecs().memberHints(struct).keySet();
    }
}
