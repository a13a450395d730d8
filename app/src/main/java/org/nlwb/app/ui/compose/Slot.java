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

    /**
     * Takes the value out: a key of an object goes (an editor left empty that started so), an
     * array item becomes empty text (the items after it keep their places).
     */
    void clear();

    /** {@code name} of {@code owner}. */
    static Slot of(ObjectNode owner, String name) {
        return new Slot() {
            @Override
            public void clear() {
                owner.remove(name);
            }

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

    /** {@code name} of the object {@code object} of {@code owner}, that object made when first set. */
    static Slot inObject(ObjectNode owner, String object, String name) {
        return new Slot() {
            @Override
            public void clear() {
                if (owner.get(object) instanceof ObjectNode o) {
                    o.remove(name);
                    if (o.isEmpty()) {
                        owner.remove(object);
                    }
                }
            }

            @Override
            public JsonNode get() {
                JsonNode o = owner.get(object);
                return o == null ? null : o.get(name);
            }

            @Override
            public void set(JsonNode v) {
                (owner.get(object) instanceof ObjectNode o ? o : owner.putObject(object)).set(name, v);
            }
        };
    }

    /** Item {@code index} of {@code owner}. */
    static Slot of(ArrayNode owner, int index) {
        return new Slot() {
            @Override
            public void clear() {
                owner.set(index, TextNode.valueOf(""));
            }

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

    /**
     * The value inside this slot's sent-as keys ({@link SentAs}: {@code $index}, {@code $pad}, an
     * integer's {@code size}, a string's {@code nul}): what a typed editor edits. Setting it keeps the keys around it.
     */
    default Slot core(SentAs.Scalar scalar) {
        Slot outer = this;
        return new Slot() {
            @Override
            public void clear() {
                outer.clear();
            }

            @Override
            public JsonNode get() {
                JsonNode v = outer.get();
                return v == null ? null : SentAs.of(v, scalar).value();
            }

            @Override
            public void set(JsonNode v) {
                JsonNode was = outer.get();
                outer.set(was == null ? v : SentAs.of(was, scalar).withValue(v).json());
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
