package org.nlwb.decoder.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.testing.Hex;

class AttributeCursorTest {
    /** The attributes of the RTM_GETROUTE in ip-route-show.strace.txt: RTA_TABLE 254. */
    private static final String GETROUTE_ATTRS = "08 00 0f 00 fe 00 00 00";
    /** IFLA_IFNAME "lo" (3-byte payload, one pad byte) then IFLA_MTU 65536, from ip-link-show. */
    private static final String IFNAME_LO_MTU = "07 00 03 00 6c 6f 00 00 08 00 04 00 00 00 01 00";

    @Test
    void stepsThroughRealAttributesAndEndsCleanly() {
        AttributeCursor c = new AttributeCursor(ByteView.of(Hex.bytes(IFNAME_LO_MTU)));
        assertTrue(c.next());
        assertEquals(3, c.type());
        assertEquals(7, c.nlaLen());
        assertEquals("lo", c.payloadString());
        assertEquals(1, c.paddingAfter());
        assertTrue(c.next());
        assertEquals(4, c.type());
        assertEquals(8, c.offset());
        assertEquals(65536, c.payload().u32le(0));
        assertFalse(c.next());
        assertEquals(AttributeCursor.Stop.END, c.stop());
        assertEquals(16, c.offset());
    }

    @Test
    void lastAttributeMayLackItsPadding() {
        AttributeCursor c = new AttributeCursor(ByteView.of(Hex.bytes("07 00 03 00 6c 6f 00")));
        assertTrue(c.next());
        assertEquals(0, c.paddingAfter());
        assertFalse(c.next());
        assertEquals(AttributeCursor.Stop.END, c.stop());
    }

    @Test
    void flagBitsAreSplitFromTheType() {
        AttributeCursor c = new AttributeCursor(ByteView.of(Hex.bytes("0c 00 12 80 08 00 01 00 76 65 74 68")));
        assertTrue(c.next());
        assertEquals(0x12, c.type());
        assertTrue(c.nested());
        assertFalse(c.netByteOrder());
        AttributeCursor inner = new AttributeCursor(c.payload());
        assertTrue(inner.next());
        assertEquals("veth", inner.payloadString());
    }

    @Test
    void everyWayTheWalkCannotGoOnIsNamedWithWhereTheRestStarts() {
        AttributeCursor shortTail = new AttributeCursor(ByteView.of(Hex.bytes(GETROUTE_ATTRS + " 01 02")));
        assertTrue(shortTail.next());
        assertFalse(shortTail.next());
        assertEquals(AttributeCursor.Stop.SHORT_TAIL, shortTail.stop());
        assertEquals(8, shortTail.offset());

        AttributeCursor under = new AttributeCursor(ByteView.of(Hex.bytes("02 00 0f 00 fe 00 00 00")));
        assertFalse(under.next());
        assertEquals(AttributeCursor.Stop.LENGTH_UNDER_HEADER, under.stop());
        assertEquals(2, under.nlaLen());
        assertEquals(0, under.offset());

        AttributeCursor past = new AttributeCursor(ByteView.of(Hex.bytes(GETROUTE_ATTRS + " ff ff 03 00 00")));
        assertTrue(past.next());
        assertFalse(past.next());
        assertEquals(AttributeCursor.Stop.LENGTH_PAST_REGION, past.stop());
        assertEquals(0xffff, past.nlaLen());
        assertEquals(3, past.type());
        assertEquals(8, past.offset());
        assertFalse(past.next(), "a stopped cursor stays stopped");
    }

    @Test
    void overClampsTheRangeToTheBytes() {
        ByteView msg = ByteView.of(Hex.bytes("24 00 00 00 1a 00 01 03 a3 a4 05 6b 00 00 00 00 02 00 00 00 fe 00 00 00 00 00 00 00 "
                + GETROUTE_ATTRS));
        AttributeCursor c = AttributeCursor.over(msg, 28, 400);
        assertTrue(c.next());
        assertEquals(15, c.type());
        assertEquals(28 + 4, c.payload().base());
        assertFalse(c.next());
        AttributeCursor outside = AttributeCursor.over(msg, 90, 10);
        assertFalse(outside.next());
        assertEquals(AttributeCursor.Stop.END, outside.stop());
    }
}
