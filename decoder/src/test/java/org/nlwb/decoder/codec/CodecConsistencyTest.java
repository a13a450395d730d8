package org.nlwb.decoder.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.StructDef;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * For every attribute of every message (requests, replies and notifications alike) that a
 * built-in spec family decodes in the samples: what the type's codec decoded, described as JSON
 * and encoded again, is the captured attribute byte for byte (nests and sub-messages with all
 * they hold), and {@code validate} takes the description. Fixed headers the same way. Where a
 * description is refused, the reason is one a JSON description cannot say by design.
 */
class CodecConsistencyTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageDecoder DECODER = new MessageDecoder(LIBRARY.registry(CATALOG));
    /** What a description cannot say (see RequestDescriber), and why an attribute may be refused. */
    private static final List<String> REASONS = List.of("malformed", "unknown", "trailing", "appears twice but is not multi-attr",
            "sent as 8 bytes though it fits in 4", "some nests carry NLA_F_NESTED and some do not", "no value decoded",
            "bytes after the string's NUL", "sizeof is", "NLA_F_NET_BYTEORDER is set", "padding",
            // the kernel nests what the built-in rt-link spec calls binary (IFLA_DEVLINK_PORT, IFLA_DPLL_PIN)
            "NLA_F_NESTED on a");
    private static final Map<AttrType, Integer> identical = new EnumMap<>(AttrType.class);
    private static final Map<String, Integer> refused = new TreeMap<>();
    private static final List<String> different = new ArrayList<>();
    private static final List<String> invalid = new ArrayList<>();
    private static int headers;
    private static int messages;

    @BeforeAll
    static void roundTripEveryAttribute() throws Exception {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        for (Path file : files) {
            Capture c;
            try {
                c = Loader.standard().load(file, null, Protocol.UNKNOWN);
            } catch (UnreadableInputException e) {
                continue;
            }
            IntFunction<Conversation> conv = Conversations.of(c);
            for (int i = 0; i < c.messageCount(); i++) {
                MessageRef ref = c.message(i);
                if (ref.kind() == FrameKind.MESSAGE) {
                    DecodedMessage m = DECODER.decode(ref, conv.apply(i));
                    Family f = m.className() == null ? null : CATALOG.family(m.className()).orElse(null);
                    if (f != null) {
                        message(f, ref, m, file.getFileName() + " #" + i);
                    }
                }
            }
        }
        System.out.printf("codec round trip over %d spec-decoded messages: %d fixed headers, identical attributes by type %s,"
                + " refused %s%n", messages, headers, identical, refused);
    }

    private static void message(Family f, MessageRef ref, DecodedMessage m, String where) {
        Node root = m.tree();
        Node genl = root.child("genlmsghdr");
        int id = f.schema().isGeneric() ? (genl == null ? -1 : ((Number) genl.child("cmd").value()).intValue()) : ref.type();
        OpMatch op = OpMatch.find(f, id, ref.record().direction(), ref.flags(), ref.seq());
        if (op == null) {
            return;
        }
        messages++;
        FamilyCodecs codecs = new FamilyCodecs(f);
        StructDef header = op.op().fixedHeader() == null ? null : f.structs().get(op.op().fixedHeader());
        AttrSetSpec set = op.op().attributeSet() == null ? null : f.attributeSets().get(op.op().attributeSet());
        List<Node> body = root.children().stream().filter(n -> n != genl && !n.name().equals("nlmsghdr")).toList();
        body(codecs, header, set, body, ref.bytes(), List.of(), where);
    }

    /**
     * Every node of a body (the message's, a nest's, a sub-message's): the fixed header and each
     * attribute on its own, then, inside nests, indexed arrays and sub-messages, each attribute they hold.
     *
     * @param outer the descriptions of the enclosing bodies, innermost first (sub-message selectors live there)
     */
    private static void body(FamilyCodecs codecs, StructDef header, AttrSetSpec set, List<Node> nodes, ByteView bytes,
                             List<ObjectNode> outer, String where) {
        ObjectNode described = JsonNodeFactory.instance.objectNode();
        List<ObjectNode> enclosing = new ArrayList<>();
        enclosing.add(described);
        enclosing.addAll(outer);
        List<Described> all = new ArrayList<>();
        for (Node n : nodes) {
            if (n.status() != Status.OK) {
                continue;
            }
            if (n.type() == null && header != null && n.name().equals(StructDef.cName(header.name()))
                    && n.length() == header.size()) {
                fixedHeader(codecs, header, n, bytes, where);
            } else if (n.type() != null && set != null && set.byValue(n.type()) != null) {
                Field f = new Field(codecs, set, set.byValue(n.type()));
                Describing d = new Describing(codecs);
                all.add(new Described(f, n, describe(f, d, n, described, where), d.nestedFlag()));
            }
        }
        // encoded once all siblings are described: a selector may come after what it selects (RTA_ENCAP_TYPE)
        for (Described x : all) {
            if (x.value() != null) {
                encode(x, bytes, enclosing, where);
            }
            inside(x.field(), x.node(), bytes, enclosing, where + " " + x.field().spec().kernelName());
        }
    }

    /** An attribute node, its description (null when refused) and the NLA_F_NESTED habit its nests showed. */
    private record Described(Field field, Node node, JsonNode value, boolean nestedFlag) {
    }

    /** The attributes inside a nest-like or sub-message attribute, each checked on its own. */
    private static void inside(Field f, Node n, ByteView bytes, List<ObjectNode> enclosing, String where) {
        FamilyCodecs codecs = f.codecs();
        List<Node> kids = Describing.payloadNodes(n);
        switch (f.spec().type()) {
            case NEST -> body(codecs, null, f.family().attributeSets().get(f.spec().nested()), kids, bytes, enclosing, where);
            case INDEXED_ARRAY -> {
                for (Node item : kids) {
                    if (item.type() != null && item.status() == Status.OK) {
                        Field each = f.item(item.type());
                        Describing d = new Describing(codecs);
                        JsonNode v = describe(each, d, item, JsonNodeFactory.instance.objectNode(), where);
                        if (v != null) {
                            encode(new Described(each, item, v, d.nestedFlag()), bytes, enclosing, where);
                        }
                        inside(each, item, bytes, enclosing, where + " " + item.name());
                    }
                }
            }
            case SUB_MESSAGE -> {
                SubMessageSpec sm = f.family().subMessages().get(f.spec().subMessage());
                SubMessageSpec.Format fmt = sm == null || n.display() == null ? null : sm.formats().get(n.display().split(" ")[0]);
                if (fmt != null) {
                    body(codecs, fmt.fixedHeader() == null ? null : f.family().structs().get(fmt.fixedHeader()),
                            fmt.attributeSet() == null ? null : f.family().attributeSets().get(fmt.attributeSet()),
                            kids, bytes, enclosing, where);
                }
            }
            default -> {
            }
        }
    }

    private static void fixedHeader(FamilyCodecs codecs, StructDef header, Node n, ByteView bytes, String where) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        try {
            codecs.structs().describe(o, header, n, "");
            byte[] again = codecs.structs().encode(header, o, "");
            byte[] captured = bytes.slice(n.offset(), n.length()).toArray();
            if (Arrays.equals(captured, again)) {
                headers++;
            } else {
                different(where + " " + header.name(), captured, again, o);
            }
        } catch (ValueException e) {
            refuse(where + " " + header.name(), e);
        }
    }

    /** The description of attribute node {@code n}, also set in {@code described}; null when refused. */
    private static JsonNode describe(Field field, Describing d, Node n, ObjectNode described, String where) {
        AttrSpec a = field.spec();
        JsonNode v;
        try {
            v = d.value(field, n, a.name());
        } catch (ValueException e) {
            refuse(where + " " + a.kernelName(), e);
            return null;
        }
        described.set(a.name(), v);
        return v;
    }

    private static void encode(Described x, ByteView bytes, List<ObjectNode> enclosing, String where) {
        Field field = x.field();
        Node n = x.node();
        JsonNode v = x.value();
        AttrSpec a = field.spec();
        String what = where + " " + a.kernelName();
        MessageWriter out = MessageWriter.payload();
        try {
            new Encoding(field.codecs(), x.nestedFlag(), enclosing).attribute(out, field, v, a.name());
        } catch (ValueException e) {
            different.add(what + ": described as " + v + " but does not encode: " + e.getMessage());
            return;
        }
        byte[] captured = bytes.slice(n.offset(), n.length()).toArray();
        byte[] again = out.toByteArray();
        // the writer pads each attribute to 4 bytes; the captured node ends before its padding
        byte[] padded = Arrays.copyOf(captured, (captured.length + 3) & ~3);
        if (Arrays.equals(padded, again)) {
            identical.merge(a.type(), 1, Integer::sum);
        } else {
            different(what, captured, again, v);
        }
        Optional<Problem> p = field.validate(v, a.name(), enclosing);
        p.ifPresent(problem -> invalid.add(what + ": " + v + " encodes, yet validate says " + problem.text()));
    }

    private static void different(String what, byte[] captured, byte[] again, JsonNode from) {
        different.add(what + "\n  captured " + HexFormat.of().formatHex(captured) + "\n  encoded  "
                + HexFormat.of().formatHex(again) + "\n  from " + from);
    }

    private static void refuse(String what, ValueException e) {
        String reason = REASONS.stream().filter(r -> e.problem().message().contains(r)).findFirst()
                .orElse("UNEXPECTED " + what + ": " + e.getMessage());
        if (reason.startsWith("UNEXPECTED") && refused.keySet().stream().filter(r -> r.startsWith("UNEXPECTED")).count() > 10) {
            return; // enough to see what is wrong
        }
        refused.merge(reason, 1, Integer::sum);
    }

    @Test
    void everyDescribedAttributeEncodesToItsCapturedBytes() {
        assertEquals(List.of(), different, String.join("\n", different));
    }

    @Test
    void whatEncodesAlsoValidates() {
        assertEquals(List.of(), invalid, String.join("\n", invalid));
    }

    @Test
    void descriptionsAreRefusedOnlyForWhatJsonCannotSay() {
        assertTrue(refused.keySet().stream().noneMatch(r -> r.startsWith("UNEXPECTED")), refused.toString());
    }

    @Test
    void theSamplesExerciseTheTypesTheyHold() {
        // indexed arrays numbered otherwise than their spec counts (nlctrl's, tc's replies) say each item's index
        Set<AttrType> expected = EnumSet.of(AttrType.U8, AttrType.U16, AttrType.U32, AttrType.U64, AttrType.S32,
                AttrType.UINT, AttrType.STRING, AttrType.BINARY, AttrType.NEST, AttrType.SUB_MESSAGE, AttrType.INDEXED_ARRAY);
        assertTrue(identical.keySet().containsAll(expected), "types round-tripped: " + identical);
        assertTrue(identical.values().stream().mapToInt(Integer::intValue).sum() > 12000, identical.toString());
        assertTrue(identical.get(AttrType.INDEXED_ARRAY) > 100 && identical.get(AttrType.SUB_MESSAGE) > 60, identical.toString());
        assertTrue(headers > 100, "fixed headers round-tripped: " + headers);
    }
}
