package org.nlwb.decoder.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.testing.Hex;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

class AttributeWalkerTest {
    private static final AttributeSet LINKINFO = SimpleAttributeSet.builder("linkinfo-attrs")
            .scalar(1, "IFLA_INFO_KIND", ValueType.STRING).build();
    private static final AttributeSet LINK = SimpleAttributeSet.builder("link-attrs")
            .scalar(3, "IFLA_IFNAME", ValueType.STRING)
            .scalar(4, "IFLA_MTU", ValueType.U32)
            .nested(18, "IFLA_LINKINFO", LINKINFO)
            .build();

    private static List<Node> walk(String hex) {
        return AttributeWalker.walk(ByteView.of(Hex.bytes(hex)), LINK, Conversation.empty());
    }

    @Test
    void namesValuesPaddingAndNestsFromTheSet() {
        // IFLA_IFNAME "dummy0", IFLA_LINKINFO { IFLA_INFO_KIND "dummy" } (from ip link add dummy0 type dummy)
        List<Node> nodes = walk("0b 00 03 00 64 75 6d 6d 79 30 00 00 10 00 12 00 09 00 01 00 64 75 6d 6d 79 00 00 00");
        assertEquals(List.of("IFLA_IFNAME", "padding", "IFLA_LINKINFO"), nodes.stream().map(Node::name).toList());
        assertEquals("dummy0", nodes.get(0).value());
        assertEquals(11, nodes.get(0).length());
        assertEquals(1, nodes.get(1).length());
        Node kind = nodes.get(2).child("IFLA_INFO_KIND");
        assertEquals("dummy", kind.value());
        assertEquals(16, kind.offset());
        assertEquals(List.of("nla_len", "nla_type", "value"), kind.children().stream().map(Node::name).toList());
        assertEquals(Status.PADDING, nodes.get(2).children().get(3).status());
    }

    @Test
    void aCodecSeesTheValuesBeforeItAtItsLevelAndAboveTheLaterOfTwoNamesWinning() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        AttributeCodec probe = new AttributeCodec() {
            @Override
            public String name() {
                return "PROBE";
            }

            @Override
            public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
                seen.add(scope.lookup("IFLA_MTU") + " " + scope.lookup("IFLA_IFNAME") + " "
                        + scope.lookup("PROBE") + " " + scope.siblings());
                return Decoded.of(null, "probe");
            }
        };
        AttributeSet inner = SimpleAttributeSet.builder("inner").add(1, probe).scalar(4, "IFLA_MTU", ValueType.U32).build();
        AttributeSet outer = SimpleAttributeSet.builder("outer")
                .scalar(3, "IFLA_IFNAME", ValueType.STRING)
                .scalar(4, "IFLA_MTU", ValueType.U32)
                .nested(18, "IFLA_LINKINFO", inner)
                .add(1, probe)
                .build();
        // IFLA_MTU 1500, IFLA_IFNAME "lo", IFLA_MTU 9000, IFLA_LINKINFO { PROBE, IFLA_MTU 1280, PROBE }, PROBE,
        // then a 2-byte tail no attribute fits (a padding node, no value)
        String hex = "08 00 04 00 dc 05 00 00  07 00 03 00 6c 6f 00 00  08 00 04 00 28 23 00 00"
                + " 14 00 12 00 04 00 01 00 08 00 04 00 00 05 00 00 04 00 01 00  04 00 01 00  00 00";
        List<Node> nodes = AttributeWalker.walk(ByteView.of(Hex.bytes(hex)), outer, Conversation.empty());
        assertEquals(List.of("IFLA_MTU", "IFLA_IFNAME", "padding", "IFLA_MTU", "IFLA_LINKINFO", "PROBE", "padding"),
                nodes.stream().map(Node::name).toList());
        assertEquals(List.of(
                "9000 lo null {}",
                "1280 lo null {IFLA_MTU=1280}",
                "9000 lo null {IFLA_MTU=9000, IFLA_IFNAME=lo}"), seen);
    }

    @Test
    void lengthPastTheParentIsMalformedAndKeepsTheBytes() {
        List<Node> nodes = walk("08 00 04 00 dc 05 00 00 40 00 03 00 6c 6f 00 00");
        assertEquals(1500L, nodes.get(0).value());
        Node bad = nodes.get(1);
        assertEquals(Status.MALFORMED, bad.status());
        assertEquals(8, bad.length());
        assertTrue(bad.note().contains("nla_len 64"), bad.note());
    }

    @Test
    void lengthUnderFourStopsTheWalkWithANote() {
        List<Node> nodes = walk("02 00 03 00 6c 6f 00 00");
        assertEquals(1, nodes.size());
        assertEquals(Status.MALFORMED, nodes.get(0).status());
        assertEquals(8, nodes.get(0).length());
        assertTrue(nodes.get(0).note().contains("nla_len 2"));
    }

    @Test
    void wrongSizedScalarIsMalformedNotMisread() {
        Node mtu = walk("06 00 04 00 dc 05 00 00").get(0);
        assertEquals(Status.MALFORMED, mtu.status());
        assertTrue(mtu.note().contains("u32 needs 4 bytes"), mtu.note());
    }

    @Test
    void unknownAttributesKeepAllBytesWithAGuess() {
        List<Node> nodes = walk("08 00 3e 00 01 00 00 00 07 00 99 00 61 62 00 00 0c 00 45 80 08 00 01 00 05 00 00 00");
        assertEquals("link-attrs[62]", nodes.get(0).name());
        assertEquals(Status.UNKNOWN, nodes.get(0).status());
        assertEquals(1L, nodes.get(0).value());
        assertEquals("ab", nodes.get(1).value());
        Node nest = nodes.get(3);
        assertEquals(69, nest.type());
        assertEquals("nla_type", nest.children().get(1).name());
        assertEquals("69 | NLA_F_NESTED", nest.children().get(1).display(), "the kernel's flag name, as the text and JSON show it");
        assertEquals(5L, nest.children().get(2).value());
    }

    @Test
    void netByteOrderFlagFlipsIntegers() {
        Node mtu = walk("08 00 04 40 00 00 05 dc").get(0);
        assertEquals(1500L, mtu.value());
        assertEquals("4 | NLA_F_NET_BYTEORDER", mtu.children().get(1).display());
    }
}
