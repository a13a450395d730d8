package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.DisplayHint;
import org.nlwb.decoder.ynl.StructDef;

/**
 * {@code binary}: laid out as a struct when the spec names one ({@code struct:}), an array of
 * integers when it has an integer {@code sub-type}, else bytes shown and read by display hint
 * (hex when there is none).
 */
final class BinaryCodec implements TypeCodec, BoundDecoder.Source {
    static final BinaryCodec INSTANCE = new BinaryCodec();

    private BinaryCodec() {
    }

    private static boolean isArray(AttrSpec a) {
        return a.subType() != null && a.subType().isInteger();
    }

    @Override
    public boolean takesArray(AttrSpec a) {
        return a.subType() != null;
    }

    @Override
    public Decoded decode(Field f, ByteView p, boolean netByteOrder, DecodeScope scope) {
        StructDef s = f.struct();
        if (s != null) {
            return f.codecs().structs().value(s, p);
        }
        if (isArray(f.spec())) {
            return array(f, p, netByteOrder);
        }
        return DisplayHints.binary(p, f.spec().displayHint());
    }

    @Override
    public BoundDecoder bind(Field f) {
        StructDef s = f.struct();
        if (s != null) {
            StructCodec structs = f.codecs().structs();
            return (p, netByteOrder, scope) -> structs.value(s, p);
        }
        if (isArray(f.spec())) {
            return (p, netByteOrder, scope) -> array(f, p, netByteOrder);
        }
        DisplayHint hint = f.spec().displayHint();
        return (p, netByteOrder, scope) -> DisplayHints.binary(p, hint);
    }

    /** Back-to-back integers of the sub-type ({@code uint}/{@code sint} as 4 bytes); a short tail is malformed. */
    private static Decoded array(Field f, ByteView p, boolean netOrder) {
        AttrSpec a = f.spec();
        AttrType subType = a.subType();
        int size = subType.size() == 0 ? 4 : subType.size();
        EnumNames names = f.codecs().enumNames(f.enumDef());
        List<Node> kids = new ArrayList<>();
        int off = 0;
        int i = 0;
        while (p.length() - off >= size) {
            ByteView item = p.slice(off, size);
            Decoded d = IntegerCodec.read(subType, item, a.bigEndian() || netOrder, names, a.asFlags(), a.displayHint());
            kids.add(new Node("[" + i + "]", null, item.base(), size, d.value(), d.display(), d.status(), d.note(), List.of()));
            off += size;
            i++;
        }
        if (off < p.length()) {
            ByteView rest = p.from(off);
            kids.add(new Node("malformed", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                    Status.MALFORMED, rest.length() + " bytes left: not a whole " + subType, List.of()));
        }
        return Decoded.container(i + " × " + subType, kids);
    }

    @Override
    public void encode(Field f, JsonNode v, Encoding enc, MessageWriter out, String path) throws ValueException {
        enc.attr(out, f.spec().value(), payload(f, v, path));
    }

    private static byte[] payload(Field f, JsonNode v, String path) throws ValueException {
        AttrSpec a = f.spec();
        StructDef s = f.struct();
        if (s != null) {
            return f.codecs().structs().encode(s, JsonValues.object(v, path, "struct " + s.name()), path);
        }
        if (isArray(a)) {
            if (!v.isArray()) {
                throw JsonValues.wrongType(path, "binary array of " + a.subType(), "a JSON array of numbers", v);
            }
            MessageWriter o = MessageWriter.payload();
            int i = 0;
            for (JsonNode item : v) {
                long n = IntegerJson.parse(a.subType(), item, f.enumDef(), a.asFlags(), a.displayHint(), a.bigEndian(),
                        path + "[" + i++ + "]");
                o.bytes(IntegerCodec.bytes(n, IntegerCodec.wireSize(a.subType(), n), a.bigEndian()));
            }
            return o.toByteArray();
        }
        if (!v.isTextual()) {
            throw JsonValues.wrongType(path, "binary", DisplayHints.binaryExpectation(a.displayHint()), v);
        }
        return DisplayHints.bytesFromText(a.displayHint(), v.asText().strip(), path);
    }

    @Override
    public JsonNode describe(Field f, Node n, Describing d, String path) throws ValueException {
        int payloadLength = n.length() - 4;
        List<Node> kids = Describing.payloadNodes(n);
        StructDef s = f.struct();
        if (s != null) {
            if (payloadLength > s.size()) {
                throw new ValueException(path, "struct " + s.name() + " sent as " + payloadLength + " bytes, sizeof is " + s.size());
            }
            ObjectNode o = Describing.JSON.objectNode();
            Node holder = new Node(s.name(), null, n.offset() + 4, payloadLength, null, null, Status.OK, null, kids);
            f.codecs().structs().describe(o, s, holder, path);
            return o;
        }
        if (isArray(f.spec())) {
            ArrayNode arr = Describing.JSON.arrayNode();
            for (Node item : kids) {
                arr.add(Describing.scalar(item.value(), path));
            }
            return arr;
        }
        return Describing.scalar(n.value(), path);
    }

    @Override
    public EditorHint editorHint(Field f) {
        AttrSpec a = f.spec();
        EditorHint h;
        if (f.struct() != null) {
            h = EditorHint.of(EditorKind.STRUCT, a.type()).withStruct(a.struct());
        } else if (isArray(a)) {
            h = EditorHint.of(EditorKind.ARRAY, a.type())
                    .withItem(IntegerCodec.hint(a.subType(), f.enumDef(), a.asFlags(), a.displayHint()));
        } else {
            h = EditorHint.of(DisplayHints.binaryKind(a.displayHint()), a.type()).withDisplayHint(a.displayHint());
        }
        return h.withChecks(a.checks()).withMulti(a.multiAttr());
    }
}
