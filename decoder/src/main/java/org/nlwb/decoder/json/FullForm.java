package org.nlwb.decoder.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Rebuilds the full form of the contract from a document written in any {@link JsonForm}: what a
 * consumer does to read {@code --omit-empty} or {@code --omit-implied} output as if every key had
 * been written (the same steps as the function in README.md). The full form itself comes back
 * unchanged.
 *
 * <p>Pitfall: it works on the parsed tree, in place (children arrays are reused), and returns new
 * objects where keys are put back in their documented order. A document that is not the contract
 * (a node that is not an object) is left as it is where it differs, for its reader to report.
 */
public final class FullForm {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> MESSAGE_KEYS = List.of("index", "record", "time", "direction", "pid", "protocol",
            "class", "offset", "length", "tree");
    private static final List<String> NODE_KEYS = List.of("name", "type", "offset", "length", "value", "display",
            "status", "note", "children");
    private static final List<String> DIAGNOSTIC_KEYS = List.of("severity", "location", "message");

    private FullForm() {
    }

    /** A capture document ({@code source, format, messages, diagnostics}) in the full form. */
    public static ObjectNode restoreCapture(ObjectNode capture) {
        ArrayNode messages = (ArrayNode) capture.get("messages");
        for (int i = 0; i < messages.size(); i++) {
            messages.set(i, restoreMessage((ObjectNode) messages.get(i)));
        }
        ArrayNode diagnostics = (ArrayNode) capture.get("diagnostics");
        for (int i = 0; i < diagnostics.size(); i++) {
            diagnostics.set(i, ordered((ObjectNode) diagnostics.get(i), DIAGNOSTIC_KEYS));
        }
        return capture;
    }

    /** One element of {@code messages} in the full form; its tree is restored as a message's tree. */
    public static ObjectNode restoreMessage(ObjectNode message) {
        ObjectNode full = ordered(message, MESSAGE_KEYS);
        full.set("tree", restoreNode((ObjectNode) message.get("tree"), 0));
        return full;
    }

    /**
     * A node and everything below it; {@code impliedOffset} is where it starts when its {@code
     * offset} is missing (0 for a message's tree).
     */
    public static ObjectNode restoreNode(ObjectNode node, int impliedOffset) {
        ObjectNode full = ordered(node, NODE_KEYS);
        if (!node.has("offset")) {
            full.put("offset", impliedOffset);
        }
        if (!node.has("status")) {
            full.put("status", "ok");
        }
        JsonNode value = full.get("value");
        if (!node.has("display") && !value.isNull()) {
            // a number's or boolean's JSON text is its display; a string goes by the string rules
            full.put("display", value.isTextual() ? ImpliedKeys.impliedDisplay(value.textValue()) : value.toString());
        }
        if (!full.get("children").isArray()) {
            return full; // not the contract: left for the reader to report
        }
        ArrayNode children = (ArrayNode) full.get("children");
        int implied = full.get("offset").asInt();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof ObjectNode child) {
                ObjectNode c = restoreNode(child, implied);
                children.set(i, c);
                implied = c.get("offset").asInt() + c.path("length").asInt();
            }
        }
        return full;
    }

    /**
     * A message's {@code tree} as read from a file in any form, in the full form; anything that is
     * not an object comes back as it is, for the reader to report.
     */
    public static JsonNode restoreTree(JsonNode tree) {
        return tree instanceof ObjectNode o ? restoreNode(o, 0) : tree;
    }

    /** {@code keys} in order, each missing one as null ({@code children} as {@code []}). */
    private static ObjectNode ordered(ObjectNode in, List<String> keys) {
        ObjectNode out = F.objectNode();
        for (String k : keys) {
            JsonNode v = in.get(k);
            out.set(k, v != null ? v : k.equals("children") ? F.arrayNode() : F.nullNode());
        }
        return out;
    }
}
