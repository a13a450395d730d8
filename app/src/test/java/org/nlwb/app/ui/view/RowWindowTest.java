package org.nlwb.app.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowWindowTest {
    private static final int CAP = RowWindow.CAPACITY;

    @Test
    void aShortListIsHeldWholeAndNeverNearAnEdge() {
        RowWindow w = RowWindow.first(500);
        assertEquals(new RowWindow(0, 500, 500), w);
        assertTrue(w.wholeList());
        assertFalse(w.nearEdge(0, 20));
        assertFalse(w.nearEdge(480, 499));
        assertEquals(w, RowWindow.around(250, 500));
    }

    @Test
    void aRowIsCentredOrHeldAsNearAsTheListsEndsAllow() {
        assertEquals(new RowWindow(500_000 - CAP / 2, CAP, 1_000_000), RowWindow.around(500_000, 1_000_000));
        assertEquals(new RowWindow(0, CAP, 1_000_000), RowWindow.around(10, 1_000_000));
        assertEquals(new RowWindow(1_000_000 - CAP, CAP, 1_000_000), RowWindow.around(999_999, 1_000_000));
        assertTrue(RowWindow.around(999_999, 1_000_000).holds(999_999));
        assertFalse(RowWindow.around(10, 1_000_000).holds(CAP));
    }

    @Test
    void theWindowMovesOnlyNearAnEdgeThatIsNotTheLists() {
        RowWindow w = RowWindow.around(500_000, 1_000_000);
        int base = w.base();
        assertFalse(w.nearEdge(500_000, 500_040), "in the middle");
        assertTrue(w.nearEdge(base + RowWindow.MARGIN - 1, base + RowWindow.MARGIN + 40), "near its start, rows before it");
        assertTrue(w.nearEdge(base + CAP - 60, base + CAP - RowWindow.MARGIN), "near its end, rows after it");
        RowWindow first = RowWindow.first(1_000_000);
        assertFalse(first.nearEdge(0, 40), "the list's own start");
        assertTrue(first.nearEdge(CAP - 100, CAP - 60));
        RowWindow last = RowWindow.around(999_999, 1_000_000);
        assertFalse(last.nearEdge(999_960, 999_999), "the list's own end");
    }

    @Test
    void aGrowingListFillsTheWindowThenLeavesItWhereItIs() {
        RowWindow w = RowWindow.first(10);
        assertEquals(new RowWindow(0, 9_000, 9_000), w.grownTo(9_000));
        assertEquals(new RowWindow(0, CAP, 50_000), w.grownTo(50_000));
        RowWindow atEnd = RowWindow.around(49_999, 50_000);
        assertEquals(new RowWindow(atEnd.base(), CAP, 60_000), atEnd.grownTo(60_000));
        assertThrows(IllegalArgumentException.class, () -> w.grownTo(5));
        assertThrows(IllegalArgumentException.class, () -> new RowWindow(0, CAP + 1, 2 * CAP));
        assertThrows(IllegalArgumentException.class, () -> new RowWindow(10, 10, 15));
    }
}
