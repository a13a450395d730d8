package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Direction;

/** The direction convention is decided by the first packets, and what it decides never changes a direction given before. */
class DirectionConventionTest {
    private static final int OUT = NetlinkCookedHeader.PACKET_OUTGOING;
    private static final int HOST = NetlinkCookedHeader.PACKET_HOST;

    @Test
    void aFirstReplyMarkedFromTheKernelSettlesOnPkttypeAtOnce() {
        DirectionConvention c = new DirectionConvention();
        c.packet(OUT, true);
        assertFalse(c.settled());
        c.packet(HOST, false);
        assertTrue(c.settled());
        assertFalse(c.nlmon());
        assertEquals(2, c.decided());
        assertEquals(Direction.TO_KERNEL, c.direction(OUT, false), "a sent message without NLM_F_REQUEST keeps its pkttype");
    }

    @Test
    void repliesMarkedOutgoingSettleOnNlmonAfterTheConfirmingWindowNotAtTheEnd() {
        DirectionConvention c = new DirectionConvention();
        c.packet(OUT, true);
        c.packet(OUT, false);
        assertEquals(1, c.decided(), "the request before the first reply goes to the kernel either way");
        for (int i = 1; i < DirectionConvention.CONFIRMING; i++) {
            c.packet(OUT, i % 2 == 0);
            assertFalse(c.settled(), "packet " + i + " of the window");
            assertEquals(1, c.decided());
        }
        c.packet(OUT, true);
        assertTrue(c.settled());
        assertTrue(c.nlmon());
        assertEquals(DirectionConvention.CONFIRMING + 2, c.decided());
        assertEquals(Direction.FROM_KERNEL, c.direction(OUT, false));
        assertEquals(Direction.TO_KERNEL, c.direction(OUT, true));
    }

    @Test
    void aPacketFromTheKernelInsideTheWindowMeansPkttypeAfterAll() {
        DirectionConvention c = new DirectionConvention();
        c.packet(OUT, false);
        c.packet(OUT, true);
        c.packet(HOST, false);
        assertTrue(c.settled());
        assertFalse(c.nlmon());
    }

    @Test
    void aPacketFromTheKernelPastTheWindowNoLongerChangesTheConvention() {
        DirectionConvention c = new DirectionConvention();
        c.packet(OUT, false);
        for (int i = 0; i < DirectionConvention.CONFIRMING; i++) {
            c.packet(OUT, true);
        }
        c.packet(HOST, false);
        c.end();
        assertTrue(c.nlmon());
    }

    @Test
    void aShortNlmonFileSettlesAtItsEnd() {
        DirectionConvention c = new DirectionConvention();
        c.packet(OUT, true);
        c.packet(OUT, false);
        assertFalse(c.settled());
        c.end();
        assertTrue(c.settled());
        assertTrue(c.nlmon());
        assertEquals(2, c.decided());
    }

    @Test
    void requestsOnlyAreDecidedAsTheyComeAndReadByPkttype() {
        DirectionConvention c = new DirectionConvention();
        for (int i = 0; i < 1000; i++) {
            c.packet(OUT, true);
            assertEquals(i + 1, c.decided());
        }
        assertFalse(c.settled());
        c.end();
        assertFalse(c.nlmon());
        assertEquals(Direction.TO_KERNEL, c.direction(OUT, true));
    }
}
