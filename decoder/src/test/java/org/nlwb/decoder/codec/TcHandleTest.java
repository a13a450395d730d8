package org.nlwb.decoder.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * tc handles and class ids read as tc prints them (iproute2 tc/tc_util.c print_tc_classid) and
 * taken back in those forms (get_tc_classid) where the tc spec's {@code tc-handle} hint is.
 */
class TcHandleTest {
    private static final FamilyCodecs TC = EditorHintTest.codecs("tc");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handlesPrintAsTcPrintsThem() {
        assertEquals("root", TcHandle.format(0xffffffffL));
        assertEquals("none", TcHandle.format(0));
        assertEquals("ingress", TcHandle.format(0xfffffff1L));
        assertEquals("1:", TcHandle.format(0x10000));
        assertEquals("1:10", TcHandle.format(0x10010));
        assertEquals("ffff:", TcHandle.format(0xffff0000L));
        assertEquals(":a", TcHandle.format(0xa));
    }

    @Test
    void everyPrintedFormReadsBackToItsNumber() throws Exception {
        for (long h : new long[] {0, 0xffffffffL, 0xfffffff1L, 0x10000, 0x10010, 0xffff0000L, 0xa, 0x8000ffffL}) {
            assertEquals(BigInteger.valueOf(h), TcHandle.parse(TcHandle.format(h), "h"), TcHandle.format(h));
        }
        assertEquals(BigInteger.valueOf(0x10000), TcHandle.parse("1:0", "h"), "tc takes 1:0 for 1:");
        assertNull(TcHandle.parse("65536", "h"), "a plain number is the integer reader's");
        assertTrue(assertThrows(ValueException.class, () -> TcHandle.parse("1:10000", "h")).getMessage().contains("tc handle"));
        assertThrows(ValueException.class, () -> TcHandle.parse("x:1", "h"));
    }

    @Test
    void theComposerTakesAClassIdInTcsForm() throws Exception {
        Field classid = TC.field("flower-attrs", "classid");
        assertEquals(Optional.empty(), classid.validate(JSON.readTree("\"1:10\""), "classid"));
        assertEquals(Optional.empty(), classid.validate(JSON.readTree("\"1:0\""), "classid"));
        assertEquals(Optional.empty(), classid.validate(JSON.readTree("65552"), "classid"), "the number still");
        assertTrue(classid.validate(JSON.readTree("\"1:zz\""), "classid").isPresent());
    }
}
