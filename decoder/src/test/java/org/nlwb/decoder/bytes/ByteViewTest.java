package org.nlwb.decoder.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nlwb.decoder.testing.Hex;

class ByteViewTest {
    private final ByteView v = ByteView.of(Hex.bytes("01 02 03 04 05 06 07 08 ff ff ff ff ff ff ff ff"));

    @Test
    void readsNameTheirByteOrder() {
        assertEquals(0x0201, v.u16le(0));
        assertEquals(0x0102, v.be16(0));
        assertEquals(0x04030201L, v.u32le(0));
        assertEquals(0x01020304L, v.be32(0));
        assertEquals(0x0807060504030201L, v.s64le(0));
        assertEquals(0x0102030405060708L, v.be64(0));
        assertEquals(-1, v.s64le(8));
        assertEquals(0xffffffffL, v.u32le(8));
        assertEquals(-1, v.s32le(8));
    }

    @Test
    void slicesKeepAbsoluteOffsetsAndCannotLeaveTheirParent() {
        ByteView s = v.slice(4, 4);
        assertEquals(4, s.base());
        assertEquals(6, s.abs(2));
        ByteView t = s.slice(1, 2);
        assertEquals(5, t.base());
        assertEquals(0x0706, t.u16le(0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.u32le(1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.slice(2, 3));
        assertEquals(0, s.rebased().base());
    }
}
