package org.nlwb.decoder.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NlFlagsTest {
    @Test
    void upperBitsAreNamedByTheKindOfRequest() {
        assertEquals("REQUEST|DUMP", NlFlags.describe(0x301, FlagKind.GET));
        assertEquals("REQUEST|ACK|EXCL|CREATE", NlFlags.describe(0x605, FlagKind.NEW));
        assertEquals("REQUEST|ACK|NONREC", NlFlags.describe(0x105, FlagKind.DEL));
        assertEquals("ACK_TLVS", NlFlags.describe(0x200, FlagKind.ACK));
        assertEquals("CAPPED|ACK_TLVS", NlFlags.describe(0x300, FlagKind.ACK));
        assertEquals("MULTI|DUMP_INTR|DUMP_FILTERED", NlFlags.describe(0x32, FlagKind.OTHER));
        assertEquals("REQUEST|0x600", NlFlags.describe(0x601, FlagKind.OTHER));
        assertEquals("0", NlFlags.describe(0, FlagKind.GET));
    }

    @Test
    void kindFollowsTheMessageName() {
        assertEquals(FlagKind.GET, NlFlags.kindOfName("RTM_GETLINK"));
        assertEquals(FlagKind.NEW, NlFlags.kindOfName("RTM_NEWROUTE"));
        assertEquals(FlagKind.DEL, NlFlags.kindOfName("RTM_DELADDR"));
        assertEquals(FlagKind.GET, NlFlags.kindOfName("CTRL_CMD_GETFAMILY"));
        assertEquals(FlagKind.ACK, NlFlags.kindOfName("NLMSG_ERROR"));
    }
}
