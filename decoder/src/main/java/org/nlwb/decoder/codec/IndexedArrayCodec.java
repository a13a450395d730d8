package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSpec;

/**
 * {@code indexed-array}: nested items typed 0, 1, 2 ... (from the spec's {@code first-index}: tc's
 * action lists count from 1, and the kernel skips an action numbered 0), each of the {@code sub-type}
 * (a nest of {@code nested-attributes} when there is none); a JSON array of item values.
 */
final class IndexedArrayCodec implements TypeCodec {
    static final IndexedArrayCodec INSTANCE = new IndexedArrayCodec();

    private IndexedArrayCodec() {
    }

    @Override
    public boolean takesArray(AttrSpec a) {
        return true;
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return Decoded.container(p.length() + " bytes", scope.walk(p, f.codecs().indexedItems(f)));
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        if (!v.isArray()) {
            throw JsonValues.wrongType(path, "indexed-array", "a JSON array", v);
        }
        MessageWriter items = MessageWriter.payload();
        int first = f.spec().firstIndex();
        int i = 0;
        for (JsonNode item : v) {
            enc.single(items, f.item(first + i), item, path + "[" + i + "]");
            i++;
        }
        enc.attr(out, enc.nestType(f.spec().value()), items.toByteArray());
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        ArrayNode arr = Describing.JSON.arrayNode();
        int first = f.spec().firstIndex();
        int i = 0;
        for (Node item : Describing.payloadNodes(n)) {
            if (item.status() == Status.PADDING) {
                continue;
            }
            if (item.type() == null || item.type() != first + i) {
                throw new ValueException(path, "indexed-array items are not numbered 0, 1, 2 ..."
                        + (first == 0 ? "" : " (this one counts from " + first + ", as the kernel reads it)"));
            }
            arr.add(d.value(f.item(first + i), item, path + "[" + i + "]"));
            i++;
        }
        return arr;
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.ARRAY, f.spec().type()).withItem(f.item(0).editorHint())
                .withMulti(f.spec().multiAttr());
    }
}
