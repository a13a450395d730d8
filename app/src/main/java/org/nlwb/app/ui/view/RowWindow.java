package org.nlwb.app.ui.view;

/**
 * Which rows of a long list the message table holds at once: rows {@code base} to
 * {@code base + size} of {@code total}. JavaFX's VirtualFlow (21) walks the list from its first
 * row up to the one on screen several times in every layout ({@code computeCurrentIndex},
 * {@code computeViewportOffset}, the size estimate), fixed cell size or not: at row 900,000 of a
 * million a click on a neighbouring row cost 40-70 ms of layout alone, against 2-4 ms for a list
 * of a thousand. Holding at most {@link #CAPACITY} rows keeps every layout as cheap as a short
 * list's; the table's own overview bar spans the whole list, and the window moves (is
 * {@linkplain #around centred} again) when what is on screen comes within {@link #MARGIN} rows of
 * its edge.
 *
 * @param base  the list's row shown as the table's row 0
 * @param size  how many rows the table holds
 * @param total the list's rows
 */
public record RowWindow(int base, int size, int total) {
    /** Rows held at most: a layout over them costs what it costs over a short list (under a millisecond here). */
    public static final int CAPACITY = 10_000;
    /**
     * Rows kept beyond the screen on either side before the window moves: more than a page, a
     * wheel's flick or a held arrow key cover between two layouts.
     */
    public static final int MARGIN = 1_000;

    public RowWindow {
        if (total < 0 || base < 0 || size < 0 || base + size > total || size > CAPACITY) {
            throw new IllegalArgumentException("window " + base + "+" + size + " of " + total);
        }
    }

    /** The window over a list of {@code total} rows that holds its first rows. */
    public static RowWindow first(int total) {
        return new RowWindow(0, Math.min(total, CAPACITY), total);
    }

    /** The window that holds row {@code row} of {@code total} in its middle, or as near as the list's ends allow. */
    public static RowWindow around(int row, int total) {
        int size = Math.min(total, CAPACITY);
        int base = Math.max(0, Math.min(row - size / 2, total - size));
        return new RowWindow(base, size, total);
    }

    /** Whether the whole list fits (no overview bar, no moving). */
    public boolean wholeList() {
        return size == total;
    }

    /** Whether list row {@code row} is held. */
    public boolean holds(int row) {
        return row >= base && row < base + size;
    }

    /**
     * Whether list rows {@code first} to {@code last} (those on screen, or the one selected) are
     * so near an edge of the window that it should move: within {@link #MARGIN} of an end that
     * is not the list's.
     */
    public boolean nearEdge(int first, int last) {
        boolean moreBefore = base > 0 && first < base + MARGIN;
        boolean moreAfter = base + size < total && last >= base + size - MARGIN;
        return moreBefore || moreAfter;
    }

    /**
     * The same window over a list grown to {@code newTotal} rows: it takes in the new rows while
     * it has room, else stays where it is.
     */
    public RowWindow grownTo(int newTotal) {
        if (newTotal < total) {
            throw new IllegalArgumentException("a list only grows: " + total + " -> " + newTotal);
        }
        int end = Math.min(newTotal, base + CAPACITY);
        return new RowWindow(base, end - base, newTotal);
    }
}
