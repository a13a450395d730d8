package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrSpec;

/**
 * {@code nest-type-value}: nested items whose types are values (named by the {@code type-value}
 * levels), each a nest of {@code nested-attributes}; a JSON object keyed by type number. Encoded
 * one level deep; a decoded one is not described (a description has no form for it yet).
 */
final class TypeValueCodec implements TypeCodec {
    static final TypeValueCodec INSTANCE = new TypeValueCodec();

    private TypeValueCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return Decoded.container(p.length() + " bytes", scope.walk(p, f.codecs().typeValueItems(f, 1)));
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        AttrSpec a = f.spec();
        ObjectNode obj = JsonValues.object(v, path, "nest-type-value (objects keyed by type number)");
        MessageWriter items = MessageWriter.payload();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String itemPath = JsonValues.join(path, e.getKey());
            int type;
            try {
                type = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw new ValueException(itemPath, "nest-type-value items are keyed by their type number");
            }
            ObjectNode inner = JsonValues.object(e.getValue(), itemPath, "nest " + a.nested());
            byte[] body = enc.nestedBody(null, enc.set(a.nested(), path), inner, itemPath);
            enc.attr(items, enc.nestType(type), body);
        }
        enc.attr(out, enc.nestType(a.value()), items.toByteArray());
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        return Describing.scalar(n.value(), path);
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.TYPE_VALUE, f.spec().type()).withAttributeSet(f.spec().nested())
                .withMulti(f.spec().multiAttr());
    }
}
