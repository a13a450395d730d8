package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BigCaptureBenchTest {

    @Test
    void sizesTakeBinarySuffixes() {
        assertEquals(6L << 30, BigCaptureBench.parseSize("6g"));
        assertEquals(500L << 20, BigCaptureBench.parseSize("500M"));
        assertEquals(64L << 10, BigCaptureBench.parseSize("64k"));
        assertEquals(100_000L, BigCaptureBench.parseSize("100000"));
    }

    @Test
    void aBadSizeSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BigCaptureBench.parseSize("six"));
        assertTrue(e.getMessage().contains("expected a size such as 6g"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BigCaptureBench.parseSize("99999999999g"));
    }
}
