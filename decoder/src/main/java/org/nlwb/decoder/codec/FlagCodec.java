package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrType;

/** {@code flag}: true when present, no payload; {@code true} sends it, {@code false} leaves it out. */
final class FlagCodec implements TypeCodec {
    static final FlagCodec INSTANCE = new FlagCodec();

    private FlagCodec() {
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        if (p.isEmpty()) {
            return Decoded.of(Boolean.TRUE, "true");
        }
        // the kernel fills some flags as a u8 (IFLA_VXLAN_TTL_INHERIT in its replies)
        return IntegerCodec.isWholeScalar(p.length()) && p.length() < 8
                ? IntegerCodec.read(AttrType.of("u" + p.length() * 8), p, netByteOrder, null, false, null)
                        .withStatus(Status.OK, IntegerCodec.sizeDiffers(AttrType.FLAG, p.length()))
                : Decoded.malformed(p.hex(), Values.spacedHex(p, 64), "a flag has no payload, this one has "
                + p.length() + " bytes");
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        if (!v.isBoolean()) {
            throw JsonValues.wrongType(path, "flag", "true or false", v);
        }
        if (v.booleanValue()) {
            enc.attr(out, f.spec().value(), new byte[0]);
        }
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) {
        return Describing.JSON.booleanNode(true);
    }

    @Override
    public EditorHint editorHint(Field f) {
        return EditorHint.of(EditorKind.BOOLEAN, f.spec().type()).withMulti(f.spec().multiAttr());
    }
}
