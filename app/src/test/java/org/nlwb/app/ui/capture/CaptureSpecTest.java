package org.nlwb.app.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace command line typed into the live-capture panel. */
class CaptureSpecTest {

    @Test
    void commandLinesSplitLikeAShell() {
        assertEquals(List.of("ip", "-j", "addr", "show", "dev", "a b"), CaptureSpec.split("ip -j  addr show dev 'a b'"));
    }
}
