package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.EnumDef;

/**
 * {@code bitfield32}: two u32, the value and the selector of the bits it sets, both named by the
 * attribute's enum as flags; {@code {"value": ..., "selector": ...}}, the selector defaulting to
 * the value.
 */
final class Bitfield32Codec implements TypeCodec {
    static final Bitfield32Codec INSTANCE = new Bitfield32Codec();

    private Bitfield32Codec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (p.length() != 8) {
            return Decoded.malformed(p.hex(), Values.spacedHex(p, 64), "bitfield32 needs 8 bytes, payload has " + p.length());
        }
        EnumDef names = f.enumDef();
        long value = p.u32le(0);
        long selector = p.u32le(4);
        String v = names == null ? "0x" + Long.toHexString(value) : Values.flagsValue(value, names::nameOf).display();
        String s = names == null ? "0x" + Long.toHexString(selector) : Values.flagsValue(selector, names::nameOf).display();
        return Decoded.container("value " + v + " selector " + s, List.of(
                Node.leaf("value", p.base(), 4, value, v), Node.leaf("selector", p.base() + 4, 4, selector, s)));
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        ObjectNode obj = JsonValues.object(v, path, "bitfield32 {\"value\": ..., \"selector\": ...}");
        EnumDef names = f.enumDef();
        long value = obj.has("value") ? IntegerJson.parse(AttrType.U32, obj.get("value"), names, true, null, false, path + ".value") : 0;
        long sel = obj.has("selector")
                ? IntegerJson.parse(AttrType.U32, obj.get("selector"), names, true, null, false, path + ".selector") : value;
        MessageWriter o = MessageWriter.payload();
        o.u32(value).u32(sel);
        enc.attr(out, f.spec().value(), o.toByteArray());
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        List<Node> kids = Describing.payloadNodes(n);
        ObjectNode o = Describing.JSON.objectNode();
        o.set("value", Describing.scalar(kids.get(0).value(), path));
        o.set("selector", Describing.scalar(kids.get(1).value(), path));
        return o;
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.BITFIELD32, f.spec().type()).withRange(AttrType.U32)
                .withChoices(IntegerCodec.choices(f.enumDef(), true)).withMulti(f.spec().multiAttr());
    }
}
