package org.nlwb.decoder.encode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * Reads a node back from the JSON contract {@link org.nlwb.decoder.json.TreeJson} writes
 * ({@code nlwb decode --json}), so a decoded request saved as JSON can be described and encoded
 * again. Values come back as JSON gave them: integers as Long (BigInteger past Long's range),
 * text as String, booleans as Boolean.
 */
public final class JsonTrees {
    private JsonTrees() {
    }

    /**
     * @param path where {@code n} is in the document, for errors ({@code messages[2].tree})
     * @throws EncodeException naming the path when a key is missing or of the wrong type
     */
    public static Node node(JsonNode n, String path) throws EncodeException {
        if (n == null || !n.isObject()) {
            throw new EncodeException(path, "expects a node object (name, type, offset, length, value, status, children)");
        }
        String name = text(n, "name", path, true);
        JsonNode type = n.get("type");
        JsonNode offset = n.get("offset");
        JsonNode length = n.get("length");
        if (offset == null || !offset.canConvertToInt() || length == null || !length.canConvertToInt()) {
            throw new EncodeException(path, "node " + name + " needs integer offset and length");
        }
        Status status;
        try {
            String s = text(n, "status", path, false);
            status = s == null ? Status.OK : Status.ofLabel(s);
        } catch (IllegalArgumentException e) {
            throw new EncodeException(path + ".status", "unknown status '" + n.get("status").asText() + "'");
        }
        List<Node> kids = new ArrayList<>();
        JsonNode children = n.get("children");
        if (children != null && children.isArray()) {
            int i = 0;
            for (JsonNode c : children) {
                kids.add(node(c, path + ".children[" + i++ + "]"));
            }
        }
        return new Node(name, type == null || type.isNull() ? null : type.asInt(), offset.asInt(), length.asInt(),
                value(n.get("value")), text(n, "display", path, false), status, text(n, "note", path, false), kids);
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asText();
    }

    private static String text(JsonNode n, String key, String path, boolean required) throws EncodeException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new EncodeException(path, "node without '" + key + "'");
            }
            return null;
        }
        return v.asText();
    }
}
