package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * (a nest of {@code nested-attributes} when there is none); a JSON array of item values. An item
 * numbered otherwise (tc's action replies from 0, a gap) is {@code {"$index": 0, "$value": v}}, the
 * items after it counted on from there.
 */
final class IndexedArrayCodec implements TypeCodec {
    static final IndexedArrayCodec INSTANCE = new IndexedArrayCodec();
    /** The key of an item numbered otherwise than the count says, {@code {"$index": 0, "$value": v}}. */
    static final String INDEX = "$index";

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
        int next = f.spec().firstIndex();
        int i = 0;
        for (JsonNode item : v) {
            String p = path + "[" + i++ + "]";
            JsonNode value = item;
            if (item.isObject() && item.has(INDEX)) {
                JsonNode index = item.get(INDEX);
                if (!index.isInt() || index.intValue() < 0 || index.intValue() > 0x3fff) {
                    throw JsonValues.wrongType(p + "." + INDEX, "item type", "a number 0 .. 16383", index);
                }
                next = index.intValue();
                value = JsonValues.member(item, Encoding.VALUE, p, "an item with " + INDEX);
            }
            enc.single(items, f.item(next), value, p);
            next++;
        }
        enc.attr(out, enc.nestType(f.spec().value()), items.toByteArray());
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        ArrayNode arr = Describing.JSON.arrayNode();
        int next = f.spec().firstIndex();
        int i = 0;
        for (Node item : Describing.payloadNodes(n)) {
            if (item.status() == Status.PADDING) {
                continue;
            }
            if (item.type() == null) {
                throw new ValueException(path, "indexed-array item without a type");
            }
            JsonNode v = d.value(f.item(item.type()), item, path + "[" + i++ + "]");
            if (item.type() == next) {
                arr.add(v);
            } else {
                // numbered otherwise than the spec counts (tc's action replies from 0): the item says its number
                ObjectNode o = arr.addObject();
                o.put(INDEX, item.type());
                o.set(Encoding.VALUE, v);
            }
            next = item.type() + 1;
        }
        return arr;
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.ARRAY, f.spec().type()).withItem(f.item(0).editorHint())
                .withMulti(f.spec().multiAttr());
    }
}
