package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;

/** {@code pad} and {@code unused}: shown as hex; sent only as raw bytes ({@code {"$hex": "..."}}). */
final class RawCodec implements TypeCodec {
    static final RawCodec INSTANCE = new RawCodec();

    private RawCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        return Values.binary(p);
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        throw new ValueException(path, "attributes of type " + f.spec().type() + " cannot be encoded; give raw bytes as {\""
                + Encoding.RAW + "\": \"...\"}");
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        return Describing.scalar(n.value(), path);
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.RAW, f.spec().type()).withMulti(f.spec().multiAttr());
    }
}
