package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Locale;

/** The shared pieces of reading JSON descriptions: paths, the wording of type errors, objects and hex text. */
public final class JsonValues {
    private JsonValues() {
    }

    /** {@code linkinfo} + {@code kind} → {@code linkinfo.kind}. */
    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** What kind of JSON value {@code v} is, for messages: {@code an array}, {@code a string} ... */
    public static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** {@code wrong JSON type for u32: expects a number, got a string "x"}. */
    public static ValueException wrongType(String path, String type, String expected, JsonNode got) {
        return new ValueException(path, "wrong JSON type for " + type + ": expects " + expected + ", got " + kind(got)
                + " " + abbreviate(got.toString()));
    }

    /** Member {@code key} of object {@code v}; a problem naming {@code what} when it has none. */
    static JsonNode member(JsonNode v, String key, String path, String what) throws ValueException {
        JsonNode m = v.get(key);
        if (m == null) {
            throw new ValueException(path, "an object for " + what + " needs \"" + key + "\"");
        }
        return m;
    }

    static ObjectNode object(JsonNode v, String path, String what) throws ValueException {
        if (!v.isObject()) {
            throw wrongType(path, what, "a JSON object", v);
        }
        return (ObjectNode) v;
    }

    /** Bytes from a JSON string of hex digits (spaces, colons and a {@code 0x} prefix allowed). */
    static byte[] hex(JsonNode v, String path) throws ValueException {
        if (!v.isTextual()) {
            throw wrongType(path, "bytes", "a JSON string of hex digits", v);
        }
        return hex(v.asText(), path);
    }

    static byte[] hex(String s, String path) throws ValueException {
        String h = s.replaceAll("[\\s:]", "");
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        try {
            if (h.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of digits");
            }
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new ValueException(path, "'" + s + "' is not hex bytes (" + e.getMessage() + ")");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
