package org.nlwb.decoder.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.AttributeCodecFactory;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Deliberately broken plugins on real messages (an RTM_NEWLINK reply of {@code ip link show}, a
 * kernel uevent): whatever a message class, resolver, attribute codec or fixer throws or returns
 * out of the tiling rule becomes a malformed node holding the bytes, with a note naming the
 * plugin and what it did; the tree still tiles the message and nothing escapes the decoder.
 */
class PluginFailuresTest {
    private static final String BROKEN = "broken-link";

    /** A message class whose body decoding is {@code body}; its name and type name are fixed. */
    private record BrokenClass(Function<ByteView, List<Node>> body, boolean namesThrow) implements MessageClass {
        @Override
        public String name() {
            return BROKEN;
        }

        @Override
        public String typeName(MessageContext msg) {
            if (namesThrow) {
                throw new UnsupportedOperationException("deliberately no name");
            }
            return "RTM_NEWLINK";
        }

        @Override
        public List<Node> decodeBody(MessageContext msg, ByteView body, DecodeScope scope) {
            return this.body.apply(body);
        }
    }

    private static Node leaf(int offset, int length) {
        return Node.leaf("part", offset, length, null, null);
    }

    private static final Function<ByteView, List<Node>> THROWS = b -> {
        throw new IllegalStateException("deliberate bug");
    };
    private static final Function<ByteView, List<Node>> OVERLAPS = b ->
            List.of(leaf(b.base(), b.length()), leaf(b.base(), 4));
    private static final Function<ByteView, List<Node>> LEAVES_A_GAP = b -> List.of(leaf(b.base(), b.length() - 4));
    private static final Function<ByteView, List<Node>> RETURNS_NULL = b -> null;

    /** The first RTM_NEWLINK reply of {@code ip link show}. */
    private static MessageRef newlink() throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve("ip-link-show.strace.txt"), null, Protocol.UNKNOWN);
        return c.messages().stream().filter(m -> m.hasHeader() && m.type() == 16
                && m.record().direction() == Direction.FROM_KERNEL).findFirst().orElseThrow();
    }

    private static MessageRef uevent() throws Exception {
        Path f = Samples.shared().resolve("samples/pyroute2/uevent_kernel_backlight.dump");
        Capture c = Loader.standard().load(f, null, Protocol.KOBJECT_UEVENT);
        return c.message(0);
    }

    private static DecodedMessage decode(Registry r, MessageRef ref) {
        DecodedMessage m = new MessageDecoder(r).decode(ref, Conversation.empty());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), ref.length()), "the tree still tiles the message");
        return m;
    }

    /** The body after the 16-byte header is one malformed payload holding its bytes, noted as {@code words}. */
    private static void assertMalformedBody(DecodedMessage m, MessageRef ref, String... words) {
        assertEquals(Status.MALFORMED, m.tree().status());
        assertEquals(2, m.tree().children().size(), m.tree().children().toString());
        Node payload = m.tree().children().get(1);
        assertEquals(Status.MALFORMED, payload.status());
        assertEquals(16, payload.offset());
        assertEquals(ref.bytes().from(16).hex(), payload.value(), "the node holds the body's bytes");
        for (String w : words) {
            assertTrue(payload.note().contains(w), payload.note());
            assertTrue(m.tree().note().contains(w), m.tree().note());
        }
    }

    private static Registry bound(BrokenClass cls) {
        return Registry.builder().bind(Protocol.ROUTE, 16, cls).build();
    }

    @Test
    void aMessageClassThatThrowsGivesAMalformedBodyNamingItAndTheException() throws Exception {
        MessageRef ref = newlink();
        DecodedMessage m = decode(bound(new BrokenClass(THROWS, false)), ref);
        assertMalformedBody(m, ref, "message class " + BROKEN, BrokenClass.class.getName(),
                "threw java.lang.IllegalStateException: deliberate bug");
        assertEquals(BROKEN, m.className());
        assertEquals("RTM_NEWLINK", m.typeName());
    }

    @Test
    void aMessageClassWhoseNodesOverlapGivesAMalformedBodyNamingTheOverlap() throws Exception {
        MessageRef ref = newlink();
        DecodedMessage m = decode(bound(new BrokenClass(OVERLAPS, false)), ref);
        assertMalformedBody(m, ref, BROKEN, BrokenClass.class.getName(), "broke the byte tiling", "explained twice");
    }

    @Test
    void aMessageClassWhoseNodesLeaveAGapGivesAMalformedBodyNamingTheGap() throws Exception {
        MessageRef ref = newlink();
        DecodedMessage m = decode(bound(new BrokenClass(LEAVES_A_GAP, false)), ref);
        assertMalformedBody(m, ref, BROKEN, "broke the byte tiling", "leaves end at " + (ref.length() - 4));
    }

    @Test
    void aMessageClassReturningNoListOrThrowingOnItsNamesIsMalformedToo() throws Exception {
        MessageRef ref = newlink();
        assertMalformedBody(decode(bound(new BrokenClass(RETURNS_NULL, false)), ref), ref, BROKEN, "null");
        DecodedMessage m = decode(bound(new BrokenClass(b -> List.of(leaf(b.base(), b.length())), true)), ref);
        assertMalformedBody(m, ref, BROKEN, "UnsupportedOperationException: deliberately no name");
        assertEquals("0x10", m.typeName(), "without the class's name the type shows as a number");
    }

    @Test
    void aResolverThatThrowsGivesAMalformedBodyNamingTheResolver() throws Exception {
        MessageRef ref = newlink();
        Registry r = Registry.builder().resolver(Protocol.ROUTE, (msg, body) -> {
            throw new ArrayIndexOutOfBoundsException("deliberate index");
        }).build();
        DecodedMessage m = decode(r, ref);
        assertMalformedBody(m, ref, "message class resolver " + PluginFailuresTest.class.getName(),
                "ArrayIndexOutOfBoundsException: deliberate index");
    }

    @Test
    void onADatagramWithoutHeaderAFailingClassGivesAMalformedRawNodeNamingIt() throws Exception {
        MessageRef ref = uevent();
        for (var broken : Map.of(THROWS, "threw java.lang.IllegalStateException", OVERLAPS, "explained twice",
                LEAVES_A_GAP, "leaves end at").entrySet()) {
            MessageClass cls = new BrokenClass(broken.getKey(), false);
            Registry r = Registry.builder().resolver(Protocol.KOBJECT_UEVENT, (msg, body) -> Optional.of(cls)).build();
            DecodedMessage m = decode(r, ref);
            Node root = m.tree();
            assertEquals(Status.MALFORMED, root.status());
            assertEquals(ref.bytes().hex(), root.value(), "the raw node holds the datagram's bytes");
            assertTrue(root.note().contains("message class " + BROKEN + " (" + BrokenClass.class.getName() + ") failed"),
                    root.note());
            assertTrue(root.note().contains(broken.getValue()), root.note());
            assertEquals(BROKEN, m.className());
        }
    }

    // ---- attribute codecs of a spec family ------------------------------------------------------

    /** rt-link from the built-in specs, with {@code factory} decoding link-attrs/ifname (IFLA_IFNAME). */
    private static Registry withIfnameCodec(AttributeCodecFactory factory) {
        Registry.Builder plugin = Registry.builder().attributeCodec("rt-link", "link-attrs", "ifname", factory);
        Registry.Builder b = Registry.builder();
        SpecLibrary.of(true, List.of()).load().contribute(b, plugin.attributeCodecs());
        return b.build();
    }

    private static Node ifname(AttributeCodecFactory factory, String... words) throws Exception {
        MessageRef ref = newlink();
        DecodedMessage m = decode(withIfnameCodec(factory), ref);
        List<Node> found = m.tree().findAll("IFLA_IFNAME");
        assertEquals(1, found.size(), "the attribute keeps its kernel name");
        Node n = found.get(0);
        assertEquals(Status.MALFORMED, n.status());
        for (String w : words) {
            assertTrue(n.note().contains(w), n.note());
        }
        Node value = n.child("value");
        assertNotNull(value, "the payload is one value leaf holding its bytes");
        assertEquals(ref.bytes().slice(value.offset(), value.length()).hex(), value.value());
        assertNotNull(m.tree().findAll("IFLA_MTU").get(0).value(), "the other attributes decode as before");
        return n;
    }

    /** Wraps the spec's codec, decoding with {@code decode}. */
    private static AttributeCodecFactory codec(java.util.function.BiFunction<AttributeCodec, ByteView, Decoded> decode) {
        return (spec, sets) -> new AttributeCodec() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
                return decode.apply(spec, payload);
            }
        };
    }

    @Test
    void anAttributeCodecFactoryThatThrowsGivesAMalformedAttributeNamingIt() throws Exception {
        AttributeCodecFactory throwing = (spec, sets) -> {
            throw new IllegalArgumentException("deliberate factory bug");
        };
        ifname(throwing, "attribute codec factory " + PluginFailuresTest.class.getName(), "rt-link/link-attrs/ifname",
                "threw java.lang.IllegalArgumentException: deliberate factory bug");
    }

    @Test
    void anAttributeCodecThatThrowsGivesAMalformedAttributeNamingIt() throws Exception {
        ifname(codec((spec, p) -> {
            throw new IllegalStateException("deliberate codec bug");
        }), "attribute codec " + PluginFailuresTest.class.getName(), "rt-link/link-attrs/ifname",
                "threw java.lang.IllegalStateException: deliberate codec bug");
    }

    @Test
    void anAttributeCodecWhoseChildrenOverlapOrLeaveAGapGivesAMalformedAttribute() throws Exception {
        ifname(codec((spec, p) -> Decoded.container("x", List.of(leaf(p.base(), p.length()), leaf(p.base() + 1, 1)))),
                "broke the byte tiling", "explained twice");
        ifname(codec((spec, p) -> Decoded.container("x", List.of(leaf(p.base(), 1)))),
                "broke the byte tiling", "leaves end at");
        ifname(codec((spec, p) -> null), "returned no value");
    }

    @Test
    void aWorkingAttributeCodecIsUsedAsBefore() throws Exception {
        MessageRef ref = newlink();
        DecodedMessage m = decode(withIfnameCodec(codec((spec, p) -> spec.decode(p, false, null).withStatus(Status.OK, "seen"))), ref);
        Node n = m.tree().findAll("IFLA_IFNAME").get(0);
        assertEquals(Status.OK, n.status());
        assertEquals("seen", n.note());
        assertEquals("lo", n.value());
    }

    // ---- fixers ---------------------------------------------------------------------------------

    @Test
    void aFixerThatThrowsOrBreaksTheTilingIsNamedWithWhatItDid() throws Exception {
        MessageRef ref = newlink();
        Registry throwing = Registry.builder().bind(Protocol.ROUTE, 16, new BrokenClass(b -> List.of(leaf(b.base(), b.length())), false))
                .messageFixer(Protocol.ROUTE, (msg, tree) -> {
                    throw new IllegalStateException("deliberate fixer bug");
                }).build();
        String note = decode(throwing, ref).tree().note();
        assertTrue(note.startsWith("message fixer " + PluginFailuresTest.class.getName()), note);
        assertTrue(note.contains("threw java.lang.IllegalStateException: deliberate fixer bug; its change was dropped"), note);
        Registry overlapping = Registry.builder().bind(Protocol.ROUTE, 16, new BrokenClass(b -> List.of(leaf(b.base(), b.length())), false))
                .messageFixer(Protocol.ROUTE, (msg, tree) -> tree.withChildren(List.of(tree.children().get(0), leaf(0, 20),
                        tree.children().get(1)))).build();
        note = decode(overlapping, ref).tree().note();
        assertTrue(note.contains("broke the byte tiling") && note.contains("explained twice"), note);
    }
}
