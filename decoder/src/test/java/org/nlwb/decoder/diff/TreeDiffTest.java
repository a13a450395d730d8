package org.nlwb.decoder.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** The tree diff on small trees shaped as the attribute walker shapes them. */
class TreeDiffTest {
    private static final TreeDiff NO_RULES = new TreeDiff(NoiseRules.none());

    /** An attribute of {@code name} holding one value leaf, at {@code offset}. */
    private static Node attr(String name, int type, int rawType, int offset, Object value, int payload) {
        return new Node(name, type, offset, 4 + payload, value, String.valueOf(value), Status.OK, null, List.of(
                Node.leaf("nla_len", offset, 2, (long) (4 + payload), Integer.toString(4 + payload)),
                Node.leaf("nla_type", offset + 2, 2, (long) rawType, Integer.toString(rawType)),
                Node.leaf("value", offset + 4, payload, value, String.valueOf(value))));
    }

    private static Node message(Node... attrs) {
        List<Node> kids = new ArrayList<>();
        kids.add(new Node("nlmsghdr", null, 0, 16, null, null, Status.OK, null,
                List.of(Node.leaf("nlmsg_len", 0, 4, 16L, "16"), Node.leaf("nlmsg_seq", 4, 12, 7L, "7"))));
        kids.addAll(List.of(attrs));
        return new Node("RTM_NEWLINK", 16, 0, 16, null, "RTM_NEWLINK", Status.OK, null, kids);
    }

    @Test
    void theSameAttributesInAnotherOrderAreOneOrderDifference() {
        Node a = attr("IFLA_MTU", 4, 4, 16, 1500L, 4);
        Node b = attr("IFLA_TXQLEN", 13, 13, 24, 1000L, 4);
        List<Difference> d = NO_RULES.compare(message(a, b), message(b, a));
        assertEquals(1, d.size(), d.toString());
        assertEquals(DiffKind.ORDER, d.get(0).kind());
        assertEquals("IFLA_MTU, IFLA_TXQLEN", d.get(0).left().text());
        assertEquals("IFLA_TXQLEN, IFLA_MTU", d.get(0).right().text());
    }

    @Test
    void anAttributeOneSideLacksIsAddedOrRemovedAndItsLengthsFollow() {
        Node mtu = attr("IFLA_MTU", 4, 4, 16, 1500L, 4);
        List<Difference> d = NO_RULES.compare(message(), message(mtu));
        assertEquals(1, d.size(), "no nlmsg_len difference beside it: " + d);
        assertEquals(DiffKind.ADDED, d.get(0).kind());
        assertEquals("RTM_NEWLINK/IFLA_MTU", d.get(0).path());
        assertNull(d.get(0).left());
    }

    @Test
    void repeatedAttributesAreMatchedByTheirOrder() {
        Node one = attr("IFLA_ALT_IFNAME", 53, 53, 16, "a", 2);
        Node two = attr("IFLA_ALT_IFNAME", 53, 53, 24, "b", 2);
        Node three = attr("IFLA_ALT_IFNAME", 53, 53, 24, "c", 2);
        List<Difference> d = NO_RULES.compare(message(one, two), message(one, three));
        assertEquals(1, d.size(), d.toString());
        assertEquals("RTM_NEWLINK/IFLA_ALT_IFNAME#2", d.get(0).path());
    }

    @Test
    void netByteorderFlagIsAFlagsDifferenceAndTheValueIsNotComparedTwice() {
        Node plain = attr("IFLA_MTU", 4, 4, 16, 1500L, 4);
        Node flagged = attr("IFLA_MTU", 4, 0x4004, 16, 1500L, 4);
        List<Difference> d = NO_RULES.compare(message(plain), message(flagged));
        assertEquals(1, d.size(), d.toString());
        assertEquals(DiffKind.FLAGS, d.get(0).kind());
    }

    @Test
    void nonZeroPaddingAfterAnEqualAttributeIsAPaddingDifference() {
        Node name = attr("IFLA_IFNAME", 3, 3, 16, "v0", 3);
        Node zero = Node.padding(23, 1);
        Node dirty = Node.padding(23, 1).withStatus(Status.PADDING, "padding bytes are not zero: ff");
        List<Difference> d = NO_RULES.compare(message(name, zero), message(name, dirty));
        assertEquals(1, d.size(), d.toString());
        assertEquals(DiffKind.PADDING, d.get(0).kind());
        assertEquals("RTM_NEWLINK/padding(after IFLA_IFNAME)", d.get(0).path());
    }

    @Test
    void aHeaderFieldIsAHeaderDifferenceAndANoiseRuleMarksIt() {
        Node l = message();
        Node r = l.withChildren(List.of(new Node("nlmsghdr", null, 0, 16, null, null, Status.OK, null,
                List.of(Node.leaf("nlmsg_len", 0, 4, 16L, "16"), Node.leaf("nlmsg_seq", 4, 12, 8L, "8")))));
        List<Difference> bare = NO_RULES.compare(l, r);
        assertEquals(DiffKind.HEADER, bare.get(0).kind());
        assertNull(bare.get(0).noise());
        Difference marked = new TreeDiff(NoiseRules.defaults()).compare(l, r).get(0);
        assertEquals("nlmsg_seq", marked.noise().pattern());
        assertTrue(marked.isNoise());
    }
}
