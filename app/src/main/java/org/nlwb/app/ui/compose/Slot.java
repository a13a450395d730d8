package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Where an editor keeps its value in the composed tree: a key of an object, or an item of an array. */
interface Slot {
    JsonNode get();

    void set(JsonNode v);

    /** {@code name} of {@code owner}. */
    static Slot of(ObjectNode owner, String name) {
        return new Slot() {
            @Override
            public JsonNode get() {
                return owner.get(name);
            }

            @Override
            public void set(JsonNode v) {
                owner.set(name, v);
            }
        };
    }

    /** Item {@code index} of {@code owner}. */
    static Slot of(ArrayNode owner, int index) {
        return new Slot() {
            @Override
            public JsonNode get() {
                return owner.get(index);
            }

            @Override
            public void set(JsonNode v) {
                owner.set(index, v);
            }
        };
    }

    /** The object in this slot, made (empty) when there is none yet. */
    default ObjectNode object() {
        JsonNode v = get();
        if (v instanceof ObjectNode o) {
            return o;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        set(o);
        return o;
    }

    /** Text as typed into a field: a decimal number as a number (as YNL takes it), anything else as text. */
    static JsonNode fromText(String s) {
        String t = s.strip();
        if (t.matches("-?\\d{1,18}")) {
            return LongNode.valueOf(Long.parseLong(t));
        }
        return TextNode.valueOf(s);
    }

    /** A value as a field shows it. */
    static String toText(JsonNode v) {
        return v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString();
    }
}
