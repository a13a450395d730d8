package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrSpec;

/** {@code nest}: the attributes of the {@code nested-attributes} set; a JSON object of them. */
final class NestCodec implements TypeCodec, BoundDecoder.Source {
    static final NestCodec INSTANCE = new NestCodec();

    private NestCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return Decoded.container(p.length() + " bytes", scope.walk(p, f.codecs().set(f.spec().nested())));
    }

    @Override
    public BoundDecoder bind(Field f) {
        AttributeSet set = f.codecs().set(f.spec().nested());
        return (p, netByteOrder, scope) -> Decoded.container(p.length() + " bytes", scope.walk(p, set));
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        AttrSpec a = f.spec();
        ObjectNode obj = JsonValues.object(v, path, "nest " + a.nested());
        byte[] body = enc.nestedBody(null, enc.set(a.nested(), path), obj, path);
        enc.attr(out, enc.nestType(a.value()), body);
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        ObjectNode o = Describing.JSON.objectNode();
        d.body(o, null, f.family().attributeSets().get(f.spec().nested()), Describing.payloadNodes(n), path);
        return o;
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.NEST, f.spec().type()).withAttributeSet(f.spec().nested())
                .withMulti(f.spec().multiAttr());
    }
}
