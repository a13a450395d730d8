package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.NlBuilder;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;
import org.nlwb.decoder.ynl.Family;

/** Value types, byte orders, display hints, enums and flags, and what wrong-sized payloads become. */
class SpecValueFormatsTest {
    private static final String SPEC = """
            name: fmt
            protocol: netlink-raw
            protonum: 21
            doc: value formats
            definitions:
              - { name: bits, type: flags, value-start: 1, entries: [ one, two, { name: eight, value: 3 } ] }
              - { name: mode, type: enum, name-prefix: fmt-mode-, entries: [ off, on ] }
              - name: hdr
                type: struct
                members:
                  - { name: a, type: u8 }
                  - { name: b, type: u32, byte-order: big-endian, display-hint: hex }
                  - { name: c, type: u16 }
            attribute-sets:
              - name: attrs
                name-prefix: fmt-
                attributes:
                  - { name: hex32, type: u32, display-hint: hex }
                  - { name: addr4, type: u32, byte-order: big-endian, display-hint: ipv4 }
                  - { name: mac, type: binary, display-hint: mac }
                  - { name: uuid, type: binary, display-hint: uuid }
                  - { name: any-addr, type: binary, display-hint: ipv4-or-v6 }
                  - { name: neg, type: s16, byte-order: big-endian }
                  - { name: big, type: u64 }
                  - { name: bits, type: u32, enum: bits }
                  - { name: mode, type: u8, enum: mode }
                  - { name: on, type: flag }
                  - { name: var, type: uint }
                  - { name: hdr, type: binary, struct: hdr }
                  - { name: list, type: binary, sub-type: u16 }
                  - { name: bf, type: bitfield32, enum: bits }
            operations:
              list:
                - { name: get, doc: get, value: 16, attribute-set: attrs, do: { request: { attributes: [ hex32 ] } } }
            """;

    private static Registry registry;

    @BeforeAll
    static void load() throws Exception {
        Family f = SpecLibrary.parse("fmt.yaml", SPEC.getBytes(StandardCharsets.UTF_8));
        Registry.Builder b = Registry.builder();
        new SpecCatalog(java.util.Map.of("fmt", new SpecCatalog.Entry(f, "fmt.yaml", List.of())), List.of()).contribute(b);
        registry = b.build();
    }

    private static Node decode(NlBuilder attrs) {
        byte[] msg = NlBuilder.message(16, 1, 1, 0, attrs);
        Capture c = new Capture("t", "test");
        c.append(new Record(-1, Direction.TO_KERNEL, 21, -1, -1, null, "t", ByteView.of(msg)));
        DecodedMessage m = new MessageDecoder(registry).decode(c.message(0), Conversations.of(c).apply(0));
        assertEquals("fmt", m.className());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), msg.length), m.tree().toString());
        return m.tree();
    }

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void scalarsShowTheirHintsEnumsAndFlags() {
        Node t = decode(new NlBuilder()
                .attrU32(1, 0xbeef)
                .attr(2, b(192, 0, 2, 1))
                .attr(3, b(0x02, 0x42, 0xac, 0x11, 0x00, 0x02))
                .attr(4, b(0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef))
                .attr(5, b(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .attr(6, b(0xff, 0xfe))
                .attr(7, b(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
                .attrU32(8, 0b1_0110)
                .attr(9, b(1))
                .attr(10, new byte[0])
                .attr(11, b(1, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("0xbeef", t.child("FMT_HEX32").display());
        assertEquals("192.0.2.1", t.child("FMT_ADDR4").value());
        assertEquals("02:42:ac:11:00:02", t.child("FMT_MAC").value());
        assertEquals("12345678-9abc-def0-0123-456789abcdef", t.child("FMT_UUID").value());
        assertEquals("fe80::1", t.child("FMT_ANY_ADDR").value());
        assertEquals(-2L, t.child("FMT_NEG").value());
        assertEquals(new BigInteger("18446744073709551615"), t.child("FMT_BIG").value());
        // flags from value-start 1: one = bit 1, two = bit 2, eight = bit 3; bit 4 has no name
        assertEquals("FMT_BITS_ONE|FMT_BITS_TWO|0x10", t.child("FMT_BITS").display());
        assertEquals("FMT_MODE_ON (1)", t.child("FMT_MODE").display());
        assertEquals(Boolean.TRUE, t.child("FMT_ON").value());
        assertEquals(1L, t.child("FMT_VAR").value());
    }

    @Test
    void structsArraysAndBitfieldsTileTheirPayload() {
        Node t = decode(new NlBuilder()
                .attr(12, b(7, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 5, 0, 0, 0))
                .attr(13, b(1, 0, 2, 0, 3, 0))
                .attr(14, new NlBuilder().u32(0b10).u32(0b110).toBytes()));
        Node hdr = t.child("FMT_HDR");
        assertEquals(7L, hdr.child("a").value());
        assertEquals("0xdeadbeef", hdr.child("b").display(), "b is aligned to 4 after a 1-byte member");
        assertEquals(Status.PADDING, hdr.children().get(3).status());
        assertEquals(5L, hdr.child("c").value());
        assertEquals(List.of(1L, 2L, 3L), t.child("FMT_LIST").children().stream()
                .filter(n -> n.name().startsWith("[")).map(Node::value).toList());
        assertEquals("FMT_BITS_ONE", t.child("FMT_BF").child("value").display());
        assertEquals("FMT_BITS_ONE|FMT_BITS_TWO", t.child("FMT_BF").child("selector").display());
    }

    @Test
    void wrongSizedPayloadsAreMalformedWithTheExpectedSizeAndKeepTheirBytes() {
        Node t = decode(new NlBuilder()
                .attr(1, b(1, 2, 3))
                .attr(10, b(1))
                .attr(11, b(1, 2, 3, 4, 5, 6))
                .attr(12, b(7, 0, 0))
                .attr(13, b(1, 0, 2)));
        assertEquals(Status.MALFORMED, t.child("FMT_HEX32").status());
        assertTrue(t.child("FMT_HEX32").note().contains("u32 needs 4 bytes, payload has 3"), t.child("FMT_HEX32").note());
        // a flag filled as a u8 (as the kernel fills IFLA_VXLAN_TTL_INHERIT) is read as one, with a note
        assertEquals(Status.OK, t.child("FMT_ON").status());
        assertEquals(1L, t.child("FMT_ON").value());
        assertTrue(t.child("FMT_ON").note().contains("size differs"), t.child("FMT_ON").note());
        assertEquals(Status.MALFORMED, t.child("FMT_VAR").status());
        assertEquals(Status.MALFORMED, t.child("FMT_HDR").status());
        assertEquals(Status.MALFORMED, t.child("FMT_LIST").children().get(t.child("FMT_LIST").children().size() - 1).status());
    }
}
