package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A value edited as JSON text (type-value objects, bitfield32, an attribute the spec does not
 * know, raw bytes as {@code {"$hex": "..."}}); text that is not JSON is taken as a string.
 */
final class JsonField {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonField() {
    }

    static Node of(Slot slot, Runnable changed) {
        JsonNode v = slot.get();
        TextField f = new TextField(v == null ? "" : v.isTextual() ? v.asText() : v.toString());
        f.setPromptText("JSON, or {\"$hex\": \"...\"}");
        Label problem = ValueEditors.problemLabel();
        f.textProperty().addListener((o, was, t) -> {
            slot.set(parse(t));
            changed.run();
        });
        return new VBox(2, f, problem);
    }

    static JsonNode parse(String t) {
        String s = t.strip();
        if (s.startsWith("{") || s.startsWith("[") || s.matches("-?\\d+|true|false")) {
            try {
                return JSON.readTree(s);
            } catch (java.io.IOException e) {
                // not JSON (yet): kept as text, the encoder says what is wrong with it
            }
        }
        return JSON.getNodeFactory().textNode(t);
    }
}
