package org.nlwb.decoder.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.Hex;

class FramerTest {
    /** The RTM_GETROUTE iproute2 sends: a 36-byte message in a 156-byte buffer of zeros (ip-route-show.strace.txt). */
    private static byte[] getRouteIn156Bytes() {
        byte[] b = new byte[156];
        byte[] msg = Hex.bytes("24 00 00 00 1a 00 01 03 a3 a4 05 6b 00 00 00 00 02 00 00 00 fe 00 00 00 00 00 00 00 08 00 0f 00 fe 00 00 00");
        System.arraycopy(msg, 0, b, 0, msg.length);
        return b;
    }

    @Test
    void zerosAfterTheLastMessageAreTrailingNotABogusMessage() {
        List<Frame> f = Framer.frames(ByteView.of(getRouteIn156Bytes()), Protocol.ROUTE);
        assertEquals(2, f.size());
        assertEquals(new Frame(FrameKind.MESSAGE, 0, 36, null), f.get(0));
        assertEquals(FrameKind.TRAILING, f.get(1).kind());
        assertEquals(36, f.get(1).offset());
        assertEquals(120, f.get(1).length());
    }

    @Test
    void messagesStartAtAlignedOffsets() {
        // two messages, the first of length 21 (3 bytes of NLMSG_ALIGN padding after it)
        byte[] b = Hex.bytes("15 00 00 00 03 00 02 00 01 00 00 00 00 00 00 00 00 00 00 00 07 000000"
                + "14 00 00 00 03 00 02 00 02 00 00 00 00 00 00 00 00 00 00 00");
        List<Frame> f = Framer.frames(ByteView.of(b), Protocol.ROUTE);
        assertEquals(List.of(new Frame(FrameKind.MESSAGE, 0, 21, null), new Frame(FrameKind.MESSAGE, 24, 20, null)), f);
    }

    @Test
    void lengthPastTheDatagramIsMalformedWithANote() {
        byte[] b = Hex.bytes("c8 00 00 00 14 00 00 00 00 00 00 00 00 00 00 00 02 08 00 00");
        List<Frame> f = Framer.frames(ByteView.of(b), Protocol.ROUTE);
        assertEquals(1, f.size());
        assertEquals(FrameKind.MALFORMED, f.get(0).kind());
        assertEquals(20, f.get(0).length());
        assertTrue(f.get(0).note().contains("nlmsg_len 200"), f.get(0).note());
    }

    @Test
    void zeroOrShortLengthCannotBeFramedAndStopsFraming() {
        byte[] b = Hex.bytes("14 00 00 00 03 00 02 00 01 00 00 00 00 00 00 00 00 00 00 00"
                + "08 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00 ff");
        List<Frame> f = Framer.frames(ByteView.of(b), Protocol.ROUTE);
        assertEquals(2, f.size());
        assertEquals(FrameKind.MALFORMED, f.get(1).kind());
        assertTrue(f.get(1).note().contains("nlmsg_len 8"));
        assertEquals(17, f.get(1).length());
    }

    @Test
    void ueventsAreRawFrames() {
        byte[] kernel = "change@/devices/pci0000:00/backlight\0ACTION=change\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(FrameKind.RAW, Framer.frames(ByteView.of(kernel), Protocol.UNKNOWN).get(0).kind());
        byte[] udev = "libudev\0\u00fe\u00ed\u00ca\u00fe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(FrameKind.RAW, Framer.frames(ByteView.of(udev), Protocol.UNKNOWN).get(0).kind());
    }
}
