package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;

/**
 * {@code string}: UTF-8 text, sent NUL-terminated; {@code {"value": s, "nul": false}} sends (and
 * describes) a string without its NUL.
 */
final class StringCodec implements TypeCodec {
    static final StringCodec INSTANCE = new StringCodec();

    private StringCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return Values.string(p, false);
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        boolean nul = true;
        JsonNode text = v;
        if (v.isObject() && v.has("value")) {
            text = v.get("value");
            JsonNode n = v.get("nul");
            if (n != null && !n.isBoolean()) {
                throw JsonValues.wrongType(path + ".nul", "boolean", "true or false", n);
            }
            nul = n == null || n.booleanValue();
        }
        if (!text.isTextual()) {
            throw JsonValues.wrongType(path, "string", "a JSON string", text);
        }
        byte[] s = text.asText().getBytes(StandardCharsets.UTF_8);
        enc.attr(out, f.spec().value(), nul ? Arrays.copyOf(s, s.length + 1) : s);
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        String s = (String) n.value();
        int textLength = s.getBytes(StandardCharsets.UTF_8).length;
        int payloadLength = n.length() - 4;
        if (s.indexOf('\uFFFD') >= 0) {
            throw new ValueException(path, "string is not valid UTF-8");
        }
        if (payloadLength == textLength) {
            ObjectNode o = Describing.JSON.objectNode();
            o.put("value", s);
            o.put("nul", false);
            return o;
        }
        if (payloadLength != textLength + 1) {
            throw new ValueException(path, "bytes after the string's NUL");
        }
        return Describing.JSON.textNode(s);
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.STRING, f.spec().type()).withChecks(f.spec().checks()).withMulti(f.spec().multiAttr());
    }
}
