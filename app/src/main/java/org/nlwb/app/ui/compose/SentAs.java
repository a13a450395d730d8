package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.nlwb.decoder.codec.EditorHint;

/**
 * One attribute value and what a captured request said about how it was sent beyond the spec,
 * peeled apart so an editor edits the value and shows each key as what it is (JavaFX-free):
 * {@code {"$index": 0, "$value": v}} an indexed-array item numbered otherwise,
 * {@code {"$value": v, "$pad": "a5a5"}} padding bytes that are not zero, for an integer
 * {@code {"value": 300, "size": 4}} the bytes it was sent at, and for a string
 * {@code {"value": "veth", "nul": false}} that it was sent without its NUL (iproute2 sends
 * IFLA_INFO_KIND so). {@link #json()} puts the same keys back around the value, so an edit of
 * the value keeps them; null keys are absent. An object with any other key beside these is no
 * such wrapper and stays the value as it is.
 *
 * @param value the value the typed editor edits (never null; JSON null while there is none)
 * @param index the item number, or null
 * @param pad   the padding bytes in hex, or null
 * @param size  the integer's width in bytes, or null (the spec's)
 * @param nul   the string's {@code nul} as captured (false: sent without its NUL), or null (the spec's: with it)
 */
record SentAs(JsonNode value, Integer index, String pad, Integer size, Boolean nul) {
    static final String INDEX = "$index";
    static final String VALUE = "$value";
    static final String PAD = "$pad";
    static final String INT_VALUE = "value";
    static final String SIZE = "size";
    static final String NUL = "nul";

    /**
     * What a value is, as far as its keys go: only an integer has a width ({@code size}), only a
     * string a {@code nul}; the same {@code {"value": …}} object is anything else's own value.
     */
    enum Scalar {
        INTEGER, STRING, OTHER;

        static Scalar of(EditorHint hint) {
            return switch (hint.kind()) {
                case NUMBER, ENUM, FLAGS -> INTEGER;
                case STRING -> STRING;
                default -> OTHER;
            };
        }
    }

    SentAs {
        value = value == null ? JsonNodeFactory.instance.nullNode() : value;
    }

    /** {@code v} peeled; {@code scalar}: what the attribute is (an integer's {@code size}, a string's {@code nul}). */
    static SentAs of(JsonNode v, Scalar scalar) {
        Integer index = null;
        String pad = null;
        Integer size = null;
        Boolean nul = null;
        if (only(v, INDEX, VALUE) && v.has(INDEX) && v.get(INDEX).isInt()) {
            index = v.get(INDEX).intValue();
            v = v.get(VALUE);
        }
        if (only(v, VALUE, PAD) && v.has(PAD) && v.get(PAD).isTextual()) {
            pad = v.get(PAD).asText();
            v = v.get(VALUE);
        }
        if (scalar == Scalar.INTEGER && only(v, INT_VALUE, SIZE) && v.has(SIZE) && v.get(SIZE).isInt()) {
            size = v.get(SIZE).intValue();
            v = v.get(INT_VALUE);
        }
        if (scalar == Scalar.STRING && only(v, INT_VALUE, NUL) && v.has(NUL) && v.get(NUL).isBoolean()) {
            nul = v.get(NUL).booleanValue();
            v = v.get(INT_VALUE);
        }
        return new SentAs(v, index, pad, size, nul);
    }

    /** Whether {@code v} is an object that has {@code a} and no key but {@code a} and {@code b}. */
    private static boolean only(JsonNode v, String a, String b) {
        if (v == null || !v.isObject() || !v.has(a)) {
            return false;
        }
        for (var it = v.fieldNames(); it.hasNext(); ) {
            if (!Set.of(a, b).contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    /** Whether any key beyond the spec is there. */
    boolean any() {
        return index != null || pad != null || size != null || nul != null;
    }

    SentAs withValue(JsonNode v) {
        return new SentAs(v, index, pad, size, nul);
    }

    SentAs withIndex(Integer i) {
        return new SentAs(value, i, pad, size, nul);
    }

    SentAs withPad(String hex) {
        return new SentAs(value, index, hex == null || hex.isBlank() ? null : hex.strip(), size, nul);
    }

    SentAs withSize(Integer s) {
        return new SentAs(value, index, pad, s, nul);
    }

    /** {@code false}: the string goes without its NUL; null: with it, as the spec sends a string. */
    SentAs withNul(Boolean n) {
        return new SentAs(value, index, pad, size, n);
    }

    /** The JSON the encoder takes: the value inside the keys that are set, in the order the describer writes them. */
    JsonNode json() {
        JsonNodeFactory j = JsonNodeFactory.instance;
        JsonNode v = value;
        if (size != null) {
            ObjectNode o = j.objectNode();
            o.set(INT_VALUE, v);
            v = o.put(SIZE, size);
        }
        if (nul != null) {
            ObjectNode o = j.objectNode();
            o.set(INT_VALUE, v);
            v = o.put(NUL, nul);
        }
        if (pad != null) {
            ObjectNode o = j.objectNode();
            o.set(VALUE, v);
            v = o.put(PAD, pad);
        }
        if (index != null) {
            ObjectNode o = j.objectNode().put(INDEX, index);
            v = o.set(VALUE, v);
        }
        return v;
    }
}
